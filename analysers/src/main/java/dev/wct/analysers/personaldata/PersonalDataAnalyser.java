package dev.wct.analysers.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.wct.analysers.common.AnalysisMetadata;
import dev.wct.analysers.common.Findings;
import dev.wct.analysers.common.ItemStream;
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
 * NINO, date of birth). Findings are aggregated per category.
 */
public final class PersonalDataAnalyser implements Analyser {
  public static final String TYPE = "personal_data";
  public static final String DEFAULT_RULESET = "local/personal_data_indicator/1.0.0";
  static final String RULESET_KIND = "personal_data_indicator";
  static final SchemaRef OUTPUT = SchemaRef.of("personal_data_indicator");
  private static final PropertiesContract<PersonalDataProperties> CONTRACT =
      PropertiesContract.of(PersonalDataProperties.class).withDefault("ruleset", DEFAULT_RULESET);
  private static final Logger LOG = LoggerFactory.getLogger(PersonalDataAnalyser.class);
  private static final Map<String, Compiled> COMPILED = new ConcurrentHashMap<>();

  /** A ruleset turned into what the scan loop needs. */
  record Compiled(KeywordIndex<Rule> keywords, ValueScanner values) {}

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
            settings.evidence(), Redactor.forRuleset(settings.evidence(), region, ruleset));
    Instant started = Instant.now();
    ItemStream.Totals totals =
        ItemStream.forEach(
            context,
            inputs,
            item -> {
              findings.nextItem();
              scan(compiled, TextItem.of(item), findings);
            });
    long total = 0;
    for (Findings.Category category : findings.categories()) {
      out.item(category.toJson(TYPE + ".", "category", JsonNodeFactory.instance.objectNode()));
      total += category.matches();
    }
    out.field("summary", findings.summary("categories"));
    out.field(
        "analysis_metadata",
        AnalysisMetadata.of(TYPE, ruleset, CONTRACT.toJson(bound), totals, started, Instant.now()));
    LOG.info(
        "{}: {} items scanned, {} categories found with {} matches",
        where,
        totals.items(),
        findings.categories().size(),
        total);
  }

  static Compiled compile(Ruleset ruleset, String region) {
    return COMPILED.computeIfAbsent(
        ruleset.reference() + "#" + ruleset.hashCode() + "#" + region,
        key -> {
          KeywordIndex.Builder<Rule> keywords = KeywordIndex.builder();
          for (Rule rule : ruleset.rules()) {
            rule.keywords().forEach(keyword -> keywords.add(keyword, rule));
          }
          Map<String, ValueDetector> detectors = ValueScanner.detectors(region);
          List<ValueScanner.Bound> bound = new ArrayList<>();
          for (DetectorBinding binding : ruleset.detectors()) {
            bound.add(
                new ValueScanner.Bound(detectors.get(binding.detector()), binding.category()));
          }
          return new Compiled(keywords.build(), new ValueScanner(bound));
        });
  }

  /** Finds every keyword and value in one item. */
  static void scan(Compiled compiled, TextItem item, Findings findings) {
    String text = item.text();
    if (text.isEmpty()) {
      return;
    }
    Tokens tokens = Tokens.of(text);
    compiled
        .keywords()
        .find(
            tokens,
            (rule, keyword, start, end) ->
                findings.match(rule.category(), keyword, rule.name(), item, start, end));
    for (ValueScanner.Match match : compiled.values().scan(text, tokens)) {
      String detector = match.detector().name();
      findings.match(match.category(), detector, detector, item, match.start(), match.end());
    }
  }
}
