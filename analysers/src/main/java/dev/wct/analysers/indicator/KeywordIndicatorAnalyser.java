package dev.wct.analysers.indicator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.analysers.common.AnalysisMetadata;
import dev.wct.analysers.common.Catalogue;
import dev.wct.analysers.common.Findings;
import dev.wct.analysers.common.ItemStream;
import dev.wct.analysers.common.Location;
import dev.wct.analysers.common.PartitionMerge;
import dev.wct.analysers.common.PatternMatching;
import dev.wct.analysers.common.TextInputs;
import dev.wct.analysers.common.TextItem;
import dev.wct.analysers.personaldata.Redactor;
import dev.wct.analysers.ruleset.KnownDetectors;
import dev.wct.analysers.ruleset.Rule;
import dev.wct.analysers.ruleset.Ruleset;
import dev.wct.analysers.ruleset.RulesetLoader;
import dev.wct.analysers.text.KeywordIndex;
import dev.wct.analysers.text.Tokens;
import dev.wct.spi.Analyser;
import dev.wct.spi.PartitionOutputs;
import dev.wct.spi.ProducerContext;
import dev.wct.spi.message.ContentReader;
import dev.wct.spi.message.ContentWriter;
import dev.wct.spi.message.SchemaRef;
import dev.wct.spi.properties.PropertiesContract;
import dev.wct.spi.properties.PropertiesExample;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An analyser that reports the categories of a keyword ruleset found in the names (table, column,
 * file path) and text of its items: the shape shared by {@code data_subject} and {@code
 * processing_purpose}: one finding per (location, category), a table or column name from the
 * catalogue, a file path or the text of a file or cell. Evidence is redacted like personal data
 * findings.
 */
public abstract class KeywordIndicatorAnalyser implements Analyser {
  private static final Logger LOG = LoggerFactory.getLogger(KeywordIndicatorAnalyser.class);
  private static final Map<Ruleset, KeywordIndex<Rule>> INDEXES = new ConcurrentHashMap<>();

  /** The ruleset kind, e.g. {@code data_subject_indicator}; also the output schema name. */
  protected abstract String rulesetKind();

  /** The finding field that names the category, e.g. {@code subject}. */
  protected abstract String categoryField();

  /** The summary field counting findings per category, e.g. {@code subjects}. */
  protected abstract String summaryField();

  /** Adds analyser-specific fields to a finding, given the ruleset that produced it. */
  protected abstract void complete(ObjectNode finding, Findings.Finding category, Ruleset ruleset);

  /** The output schema: the ruleset kind, version 2.0.0 (one finding per location). */
  protected SchemaRef output() {
    return new SchemaRef(rulesetKind(), "2.0.0");
  }

  /** The version of the shipped ruleset used when a runbook names none. */
  protected String defaultRulesetVersion() {
    return "1.0.0";
  }

  private volatile PropertiesContract<IndicatorProperties> contract;

  /** The properties contract, with this analyser's default ruleset. */
  protected PropertiesContract<IndicatorProperties> contract() {
    PropertiesContract<IndicatorProperties> current = contract;
    if (current == null) {
      current =
          PropertiesContract.of(IndicatorProperties.class)
              .withDefault("ruleset", "local/" + rulesetKind() + "/" + defaultRulesetVersion());
      contract = current;
    }
    return current;
  }

  @Override
  public JsonNode propertiesSchema() {
    return contract().schema();
  }

  @Override
  public List<PropertiesExample> examples() {
    return List.of(
        PropertiesExample.of(
            "Your own ruleset, one example per finding",
            "{ruleset: 'file:./rules/" + rulesetKind() + ".yaml', maximum_evidence_count: 1}"),
        PropertiesExample.of(
            "Grouped as in the Python tool's runbooks",
            "{pattern_matching: {ruleset: local/"
                + rulesetKind()
                + "/1.0.0, evidence_context_size: large}}"));
  }

  @Override
  public List<Set<SchemaRef>> acceptedInputs() {
    return TextInputs.ACCEPTED;
  }

  @Override
  public List<SchemaRef> outputSchemas() {
    return List.of(output());
  }

  /** Findings are per item: it runs on each partition of a partitioned input. */
  @Override
  public boolean perItem() {
    return true;
  }

  @Override
  public void analyse(
      ProducerContext context, JsonNode properties, List<ContentReader> inputs, ContentWriter out) {
    String where = "artifact '" + context.artifactId() + "' (" + type() + ")";
    IndicatorProperties bound = contract().bind(where, properties);
    PatternMatching settings = bound.matching();
    Ruleset ruleset =
        RulesetLoader.load(
            settings.ruleset(), context.workingDirectory(), rulesetKind(), KnownDetectors.NAMES);
    KeywordIndex<Rule> keywords = INDEXES.computeIfAbsent(ruleset, KeywordIndicatorAnalyser::index);
    Findings findings =
        new Findings(
            type(), settings.evidence(), Redactor.forRuleset(settings.evidence(), "US", ruleset));
    Instant started = Instant.now();
    for (int index = 0; index < inputs.size(); index++) {
      scanCatalogue(keywords, Catalogue.of(inputs.get(index)), findings, index);
    }
    ItemStream.Totals totals =
        ItemStream.forEach(
            context,
            inputs,
            (position, input, item) -> {
              TextItem text = TextItem.of(item, input.header().id());
              if (findings.startItem(text, position)) {
                if (TextInputs.contentLeftOut(item)) {
                  findings.contentLeftOut();
                }
                scanItem(keywords, ruleset, text, findings);
              }
            });
    JsonNode state = context.producesPartition() ? findings.partitionState() : null;
    findings.recordCoverage(context.coverage());
    write(
        where,
        findings,
        ruleset,
        AnalysisMetadata.of(
            type(), ruleset, contract().toJson(bound), totals, started, Instant.now()),
        out);
    if (state != null) {
      out.field(PartitionMerge.STATE_FIELD, state);
    }
  }

  /** Findings are per place: the seal merges a column's findings across row ranges. */
  @Override
  public boolean mergesSplitPlaces() {
    return true;
  }

  /**
   * One finding per (place, category) as a whole run gives: the partitions' findings of a place
   * merged ({@link Findings#addPartition}), bare keywords dropped after the merge, confidence,
   * scores and summary computed from the merged findings.
   */
  @Override
  public void mergePartitions(
      ProducerContext context, JsonNode properties, PartitionOutputs partitions, ContentWriter out)
      throws Exception {
    String where = "artifact '" + context.artifactId() + "' (" + type() + ")";
    PatternMatching settings = contract().bind(where, properties).matching();
    Ruleset ruleset =
        RulesetLoader.load(
            settings.ruleset(), context.workingDirectory(), rulesetKind(), KnownDetectors.NAMES);
    Findings findings =
        new Findings(
            type(), settings.evidence(), Redactor.forRuleset(settings.evidence(), "US", ruleset));
    ObjectNode metadata = PartitionMerge.addAll(partitions, findings, where);
    write(where, findings, ruleset, metadata, out);
  }

  /** Drops what the ruleset does not report on its own, then writes the report. */
  private void write(
      String where, Findings findings, Ruleset ruleset, ObjectNode metadata, ContentWriter out) {
    int uncorroborated =
        findings.dropUncorroborated(ruleset.corroborationRequired())
            + findings.dropWithoutProcessingEvidence(ruleset.processingEvidenceRequired());
    for (Findings.Finding category : findings.findings()) {
      ObjectNode finding = findings.toJson(category, categoryField());
      complete(finding, category, ruleset);
      out.item(finding);
    }
    out.field("summary", findings.summary(summaryField()));
    out.field("coverage", findings.coverage());
    out.field("analysis_metadata", metadata);
    LOG.info(
        "{}: {} items scanned, {} findings, {} resting on bare keywords or words for people left unreported",
        where,
        metadata.path("items_scanned").asLong(),
        findings.findings().size(),
        uncorroborated);
  }

  /** Scans one item; analysers that read code differently from prose override it. */
  protected void scanItem(
      KeywordIndex<Rule> keywords, Ruleset ruleset, TextItem item, Findings findings) {
    scan(keywords, item, findings);
  }

  private static KeywordIndex<Rule> index(Ruleset ruleset) {
    KeywordIndex.Builder<Rule> builder = KeywordIndex.builder();
    for (Rule rule : ruleset.rules()) {
      rule.keywords().forEach(keyword -> builder.add(keyword, rule));
    }
    return builder.build();
  }

  /** Analyses the table and column names of a database catalogue, empty tables included. */
  static void scanCatalogue(
      KeywordIndex<Rule> index, List<Catalogue.Table> tables, Findings findings, int input) {
    for (Catalogue.Table table : tables) {
      if (!findings.claim(table.table(), input)) {
        continue;
      }
      String tableName = table.table().json().path("table").asText();
      scanName(index, tableName, table.table(), Findings.Kind.COLUMN_NAME, findings);
      for (int i = 0; i < table.columns().size(); i++) {
        scanName(
            index,
            table.columns().get(i),
            table.columnLocations().get(i),
            Findings.Kind.COLUMN_NAME,
            findings);
      }
    }
  }

  private static void scanName(
      KeywordIndex<Rule> index,
      String name,
      Location location,
      Findings.Kind kind,
      Findings findings) {
    if (!findings.firstSight(location)) {
      return;
    }
    index.find(
        Tokens.of(name),
        (rule, keyword, start, end) ->
            findings.nameMatch(rule.category(), keyword, rule.name(), kind, location, name));
  }

  /**
   * Matches the item's names once per place (a cell's table and column, a file's path), then its
   * text: a cell's value, a file's content.
   */
  protected static void scan(KeywordIndex<Rule> index, TextItem item, Findings findings) {
    scan(index, item, findings, (rule, start) -> Findings.Kind.KEYWORD);
  }

  /** What kind of signal a keyword of {@code rule} at {@code start} of an item's text is. */
  @FunctionalInterface
  protected interface SignalKind {
    Findings.Kind of(Rule rule, int start);
  }

  /**
   * {@link #scan(KeywordIndex, TextItem, Findings)}, with each text match's kind from {@code
   * kinds}.
   */
  protected static void scan(
      KeywordIndex<Rule> index, TextItem item, Findings findings, SignalKind kinds) {
    int valueStart = Math.max(0, item.cellValueStart());
    if (item.isCell()) {
      Location table = Location.objectOf(item);
      scanName(index, item.table(), table, Findings.Kind.COLUMN_NAME, findings);
      scanName(
          index, item.column(), findings.currentLocation(), Findings.Kind.COLUMN_NAME, findings);
    } else if (item.filePath() != null) {
      // A path names what a file is about, but it is no schema: its words weigh as keywords.
      scanName(index, item.filePath(), findings.currentLocation(), Findings.Kind.KEYWORD, findings);
    }
    if (!item.text().isEmpty()) {
      index.find(
          Tokens.of(item.text()),
          (rule, keyword, start, end) -> {
            if (start >= valueStart) {
              findings.match(
                  rule.category(), keyword, rule.name(), kinds.of(rule, start), item, start, end);
            }
          });
    }
  }
}
