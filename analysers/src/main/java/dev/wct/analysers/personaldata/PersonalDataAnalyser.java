package dev.wct.analysers.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.wct.analysers.common.AnalysisMetadata;
import dev.wct.analysers.common.Catalogue;
import dev.wct.analysers.common.Findings;
import dev.wct.analysers.common.ItemStream;
import dev.wct.analysers.common.Location;
import dev.wct.analysers.common.PartitionMerge;
import dev.wct.analysers.common.PatternMatching;
import dev.wct.analysers.common.TextInputs;
import dev.wct.analysers.common.TextItem;
import dev.wct.analysers.ruleset.DetectorBinding;
import dev.wct.analysers.ruleset.KnownDetectors;
import dev.wct.analysers.ruleset.Rule;
import dev.wct.analysers.ruleset.Ruleset;
import dev.wct.analysers.ruleset.RulesetLoader;
import dev.wct.analysers.text.KeywordIndex;
import dev.wct.analysers.text.Tokens;
import dev.wct.spi.Analyser;
import dev.wct.spi.FindingsPresentation;
import dev.wct.spi.PartitionOutputs;
import dev.wct.spi.ProducerContext;
import dev.wct.spi.error.WctException;
import dev.wct.spi.message.ContentReader;
import dev.wct.spi.message.ContentWriter;
import dev.wct.spi.message.SchemaRef;
import dev.wct.spi.properties.PropertiesContract;
import dev.wct.spi.properties.PropertiesExample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code personal_data}: finds personal data in items of {@code standard_input} and {@code
 * source_code} with the keyword rules of a {@code personal_data_indicator} ruleset (field names and
 * text) and with validating value detectors (e-mail, phone, payment card, IBAN, IP address, SSN,
 * NINO, date of birth, and national identifiers by their check digits: {@link
 * NationalIdentifiers}). One finding per (location, category): a database column or a file (a CSV
 * column), with the detectors that fired, a confidence and masked examples.
 */
public final class PersonalDataAnalyser implements Analyser {
  public static final String TYPE = "personal_data";
  public static final String DEFAULT_RULESET = "local/personal_data_indicator/1.4.0";
  static final String RULESET_KIND = "personal_data_indicator";
  static final SchemaRef OUTPUT = new SchemaRef("personal_data_indicator", "2.0.0");
  private static final PropertiesContract<PersonalDataProperties> CONTRACT =
      PropertiesContract.of(PersonalDataProperties.class).withDefault("ruleset", DEFAULT_RULESET);
  private static final Logger LOG = LoggerFactory.getLogger(PersonalDataAnalyser.class);
  private static final Map<String, Compiled> COMPILED = new ConcurrentHashMap<>();

  /**
   * A ruleset turned into what the scan loop needs; {@code valueCategories} are those a value
   * detector is bound to (an e-mail address, a phone number: data a boolean column cannot hold).
   * {@code keywords} are the rules for text and names, {@code columnKeywords} all rules, those for
   * database column names only included; {@code personWords} and {@code personCategories} tell
   * which tables show a person ({@link PersonTables}); {@code phoneColumns} the numbers in CSV
   * columns headed with a phone label, {@code nameColumns} the names in CSV columns of people,
   * {@code documentColumns} the numbers in CSV columns headed for an identity document: the column
   * rules {@link #scan} applies to every item, whichever path reads it.
   */
  record Compiled(
      KeywordIndex<Rule> keywords,
      ValueScanner values,
      Set<String> valueCategories,
      KeywordIndex<Rule> columnKeywords,
      KeywordIndex<String> personWords,
      Set<String> personCategories,
      KeywordIndex.Union keywordPass,
      PhoneColumns phoneColumns,
      NameColumns nameColumns,
      DocumentColumns documentColumns) {}

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "Finds personal data (names, contact details, identifiers, special categories) by"
        + " keyword rules and validated value detectors.";
  }

  @Override
  public Optional<FindingsPresentation> presentation(SchemaRef output) {
    return Optional.of(
        new FindingsPresentation(
            "Personal data indicators",
            FindingsPresentation.Kind.INDICATOR,
            FindingsPresentation.Aspect.PERSONAL_DATA,
            "category",
            null,
            null,
            List.of()));
  }

  @Override
  public JsonNode propertiesSchema() {
    return CONTRACT.schema();
  }

  @Override
  public List<PropertiesExample> examples() {
    return List.of(
        PropertiesExample.of(
            "More and wider evidence, values in clear for a report that is itself protected",
            "{maximum_evidence_count: 10, evidence_context_size: medium, evidence_redaction: none}"),
        PropertiesExample.of(
            "Grouped as in the Python tool's runbooks, the ruleset chosen per environment",
            "{pattern_matching: {ruleset: '${PII_RULESET}', maximum_evidence_count: 5}}"),
        PropertiesExample.of(
            "Your own ruleset; UK phone numbers without +44",
            "{ruleset: 'file:./rules/personal_data.yaml', default_phone_region: GB}"));
  }

  @Override
  public List<Set<SchemaRef>> acceptedInputs() {
    return TextInputs.ACCEPTED;
  }

  @Override
  public List<SchemaRef> outputSchemas() {
    return List.of(OUTPUT);
  }

  /** Findings are per item: it runs on each partition of a partitioned input. */
  @Override
  public boolean perItem() {
    return true;
  }

  @Override
  public void analyse(
      ProducerContext context, JsonNode properties, List<ContentReader> inputs, ContentWriter out) {
    String where = "artifact '" + context.artifactId() + "' (" + TYPE + ")";
    PersonalDataProperties bound = CONTRACT.bind(where, properties);
    PatternMatching settings = bound.matching();
    String region = bound.defaultPhoneRegion().toUpperCase(java.util.Locale.ROOT);
    if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
      throw WctException.user(
          where
              + ": property 'default_phone_region' is not a known ISO 3166 region code, got '"
              + region
              + "'");
    }
    Ruleset ruleset =
        RulesetLoader.load(
            settings.ruleset(), context.workingDirectory(), RULESET_KIND, KnownDetectors.NAMES);
    Compiled compiled = compile(ruleset, region);
    Findings findings =
        new Findings(
            TYPE, settings.evidence(), Redactor.forRuleset(settings.evidence(), region, ruleset));
    Instant started = Instant.now();
    Map<String, Rule.Person> tablePersons = new java.util.HashMap<>();
    for (int index = 0; index < inputs.size(); index++) {
      tablePersons.putAll(
          scanCatalogue(compiled, Catalogue.of(inputs.get(index)), index, findings));
    }
    ItemStream.Totals totals =
        ItemStream.forEach(
            context,
            inputs,
            (index, input, item) -> {
              TextItem text = TextItem.of(item, input.header().id());
              if (findings.startItem(text, index)) {
                if (TextInputs.contentLeftOut(item)) {
                  findings.contentLeftOut();
                }
                scan(compiled, text, findings, tablePersons);
              }
            });
    JsonNode state = context.producesPartition() ? findings.partitionState() : null;
    findings.recordCoverage(context.coverage());
    write(
        where,
        findings,
        ruleset,
        AnalysisMetadata.of(TYPE, ruleset, CONTRACT.toJson(bound), totals, started, Instant.now()),
        out);
    if (state != null) {
      out.field(PartitionMerge.STATE_FIELD, state);
    }
  }

  /** Findings are per column: the seal merges each column's findings across row ranges. */
  @Override
  public boolean mergesSplitPlaces() {
    return true;
  }

  /**
   * One finding per (place, category) as a whole run gives: the partitions' findings of a place
   * merged ({@link Findings#addPartition}), bare keywords dropped after the merge, the confidence
   * and summary computed from the merged counts.
   */
  @Override
  public void mergePartitions(
      ProducerContext context, JsonNode properties, PartitionOutputs partitions, ContentWriter out)
      throws Exception {
    String where = "artifact '" + context.artifactId() + "' (" + TYPE + ")";
    PersonalDataProperties bound = CONTRACT.bind(where, properties);
    PatternMatching settings = bound.matching();
    String region = bound.defaultPhoneRegion().toUpperCase(java.util.Locale.ROOT);
    Ruleset ruleset =
        RulesetLoader.load(
            settings.ruleset(), context.workingDirectory(), RULESET_KIND, KnownDetectors.NAMES);
    Findings findings =
        new Findings(
            TYPE, settings.evidence(), Redactor.forRuleset(settings.evidence(), region, ruleset));
    ObjectNode metadata = PartitionMerge.addAll(partitions, findings, where);
    write(where, findings, ruleset, metadata, out);
  }

  /** Drops bare keywords where the ruleset asks for more, then writes the report. */
  private static void write(
      String where, Findings findings, Ruleset ruleset, ObjectNode metadata, ContentWriter out) {
    int uncorroborated = findings.dropUncorroborated(ruleset.corroborationRequired());
    long total = 0;
    for (Findings.Finding finding : findings.findings()) {
      out.item(findings.toJson(finding, "category"));
      total += finding.matches();
    }
    out.field("summary", findings.summary("categories"));
    out.field("coverage", findings.coverage());
    out.field("analysis_metadata", metadata);
    LOG.info(
        "{}: {} items scanned, {} findings with {} matches, {} bare keywords left unreported",
        where,
        metadata.path("items_scanned").asLong(),
        findings.findings().size(),
        total,
        uncorroborated);
  }

  static Compiled compile(Ruleset ruleset, String region) {
    return COMPILED.computeIfAbsent(
        ruleset.reference() + "#" + ruleset.hashCode() + "#" + region,
        key -> {
          KeywordIndex.Builder<Rule> keywords = KeywordIndex.builder();
          KeywordIndex.Builder<Rule> columnKeywords = KeywordIndex.builder();
          for (Rule rule : ruleset.rules()) {
            for (String keyword : rule.keywords()) {
              columnKeywords.add(keyword, rule);
              if (!rule.context().columnsOnly()) {
                keywords.add(keyword, rule);
              }
            }
          }
          Map<String, ValueDetector> detectors = ValueScanner.detectors(region);
          List<ValueScanner.Bound> bound = new ArrayList<>();
          Set<String> valueCategories = new java.util.HashSet<>();
          for (DetectorBinding binding : ruleset.detectors()) {
            bound.add(
                new ValueScanner.Bound(detectors.get(binding.detector()), binding.category()));
            valueCategories.add(binding.category());
          }
          KeywordIndex<Rule> textKeywords = keywords.build();
          KeywordIndex<Rule> allKeywords = columnKeywords.build();
          KeywordIndex<String> personWords = PersonTables.personWords(ruleset);
          Set<String> personCategories = Set.copyOf(ruleset.persons().categories());
          ValueScanner values = new ValueScanner(bound);
          List<KeywordIndex<?>> passed = new ArrayList<>();
          passed.add(textKeywords);
          passed.addAll(values.cueIndexes());
          return new Compiled(
              textKeywords,
              values,
              Set.copyOf(valueCategories),
              allKeywords,
              personWords,
              personCategories,
              new KeywordIndex.Union(passed),
              PhoneColumns.of(ruleset, region),
              NameColumns.of(ruleset, personWords, allKeywords, personCategories),
              DocumentColumns.of(ruleset));
        });
  }

  /**
   * Analyses the column names of a database catalogue, tables with no rows included. A column the
   * catalogue declares boolean holds a flag, never a value of a detector's category: its name does
   * not report one ({@code email_verified} is not an e-mail address), while a flag's own meaning
   * still does ({@code has_disability} is health data). A rule with a table context ({@link
   * Rule.Context}) applies only in the tables that show what it needs: a person ({@link
   * PersonTables}), a name such as {@code payment}. A column the catalogue declares an integer
   * primary or foreign key named like a key ({@link PersonTables#surrogateKey}) names no category:
   * {@code staff_id} holds the number of a row, whatever the keyword {@code staff id} says.
   *
   * @return the person level of each table, by its {@code Location.object()}, for the cells' text
   */
  static Map<String, Rule.Person> scanCatalogue(
      Compiled compiled, List<Catalogue.Table> tables, int input, Findings findings) {
    Map<String, Rule.Person> persons =
        PersonTables.of(
            tables, compiled.personWords(), compiled.columnKeywords(), compiled.personCategories());
    for (Catalogue.Table table : tables) {
      if (!findings.claim(table.table(), input)) {
        continue;
      }
      Rule.Person person = persons.getOrDefault(table.table().object(), Rule.Person.TABLE);
      for (int i = 0; i < table.columns().size(); i++) {
        if (PersonTables.surrogateKey(table, i)) {
          // Its values are still scanned, cell by cell; its name, also seen there, is not.
          findings.firstSight(table.columnLocations().get(i));
          continue;
        }
        scanName(
            compiled,
            compiled.columnKeywords(),
            table,
            person,
            table.columns().get(i),
            table.columnLocations().get(i),
            findings,
            table.isBoolean(i));
      }
    }
    return persons;
  }

  /**
   * What ends a key column's name after the keyword: {@code address_id}, {@code cityId} or {@code
   * country_fk} refer to an address, a city or a country and hold a number, not one. A keyword that
   * is itself an identifier ({@code staff id}, {@code device id}) ends after the suffix and still
   * counts.
   */
  private static final java.util.regex.Pattern KEY_SUFFIX =
      java.util.regex.Pattern.compile(
          "[_ .-]?(?:id|ids|key|fk)", java.util.regex.Pattern.CASE_INSENSITIVE);

  /**
   * @param table the catalogue's table, or null for a column first seen in a cell
   * @param person what the table shows of a person ({@link Rule.Person#TABLE} when unknown)
   */
  private static void scanName(
      Compiled compiled,
      KeywordIndex<Rule> keywords,
      Catalogue.Table table,
      Rule.Person person,
      String name,
      Location location,
      Findings findings,
      boolean flag) {
    if (!findings.firstSight(location)) {
      return;
    }
    keywords.find(
        Tokens.of(name),
        (rule, keyword, start, end) -> {
          if ((!flag || !compiled.valueCategories().contains(rule.category()))
              && !KEY_SUFFIX.matcher(name).region(end, name.length()).matches()
              && applies(rule.context(), person)
              && (rule.context().tables().isEmpty()
                  || (table != null && PersonTables.named(table, rule.context().tables())))) {
            findings.nameMatch(
                rule.category(), keyword, rule.name(), Findings.Kind.COLUMN_NAME, location, name);
          }
        });
  }

  /** True if a table showing {@code shown} of a person is context enough for the rule. */
  private static boolean applies(Rule.Context context, Rule.Person shown) {
    return context.person().compareTo(shown) <= 0;
  }

  /**
   * Finds every keyword and value in one item, and the values the column rules of a CSV file or
   * sheet find ({@link PhoneColumns}, {@link NameColumns}, {@link DocumentColumns}). A database
   * cell's column name is analysed once per column (from the catalogue, or when first seen), its
   * value in every cell.
   */
  static void scan(Compiled compiled, TextItem item, Findings findings) {
    scan(compiled, item, findings, Map.of());
  }

  /**
   * @param tablePersons the person level of the catalogued tables ({@link #scanCatalogue}): a
   *     keyword in a cell's value needs the person its rule asks for
   */
  static void scan(
      Compiled compiled, TextItem item, Findings findings, Map<String, Rule.Person> tablePersons) {
    String text = item.text();
    if (text.isEmpty()) {
      return;
    }
    int valueStart = Math.max(0, item.cellValueStart());
    Rule.Person person = Rule.Person.TABLE;
    boolean tableOfPeople = false; // in the catalogue, not by default
    if (item.isCell()) {
      Rule.Person catalogued = tablePersons.get(findings.currentLocation().object());
      tableOfPeople = catalogued == Rule.Person.TABLE;
      person = catalogued == null ? Rule.Person.TABLE : catalogued;
      scanName(
          compiled,
          compiled.keywords(),
          null,
          person,
          item.column(),
          findings.currentLocation(),
          findings,
          false);
    }
    Rule.Person shown = person;
    Tokens tokens = Tokens.of(text);
    // One keyword pass: the rules' keywords are reported now, the detectors' cue words (birth
    // keywords, honorifics) kept for the detectors' turn.
    List<KeywordIndex.Recorded<?>> cues = compiled.values().cueRecorders();
    List<KeywordIndex.Hit<?>> hits = new ArrayList<>(1 + cues.size());
    hits.add(
        (KeywordIndex.Hit<Rule>)
            (rule, keyword, start, end) -> {
              if (start >= valueStart && applies(rule.context(), shown)) {
                findings.match(
                    rule.category(), keyword, rule.name(), Findings.Kind.KEYWORD, item, start, end);
              }
            });
    hits.addAll(cues);
    compiled.keywordPass().find(tokens, hits);
    // The column name stays in the text the detectors see: "date_of_birth: 1984-11-23" is a date
    // of birth only next to its birth keyword.
    List<ValueScanner.Match> values = compiled.values().scan(text, tokens, cues);
    // The column rules of a CSV file or sheet: a name column corroborates the listed names in it.
    NameColumns.InItem nameColumns = compiled.nameColumns().columns(item, tableOfPeople);
    values = compiled.nameColumns().corroborate(nameColumns, values);
    for (ValueScanner.Match match : values) {
      String detector = match.detector().name();
      findings.match(
          match.category(),
          detector,
          detector,
          match.validated() ? Findings.Kind.VALUE : Findings.Kind.FORMAT,
          item,
          match.start(),
          match.end());
    }
    compiled.phoneColumns().scan(item, values, findings);
    compiled.documentColumns().scan(item, values, findings);
    compiled.nameColumns().scan(item, nameColumns, values, findings);
  }
}
