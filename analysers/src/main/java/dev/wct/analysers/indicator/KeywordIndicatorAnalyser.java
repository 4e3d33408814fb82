package dev.wct.analysers.indicator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.analysers.common.AnalyserSettings;
import dev.wct.analysers.common.AnalysisMetadata;
import dev.wct.analysers.common.Findings;
import dev.wct.analysers.common.ItemStream;
import dev.wct.analysers.common.PropertiesSchemas;
import dev.wct.analysers.common.TextItem;
import dev.wct.analysers.personaldata.Redactor;
import dev.wct.analysers.ruleset.KnownDetectors;
import dev.wct.analysers.ruleset.Rule;
import dev.wct.analysers.ruleset.Ruleset;
import dev.wct.analysers.ruleset.RulesetLoader;
import dev.wct.analysers.text.KeywordIndex;
import dev.wct.analysers.text.Tokens;
import dev.wct.spi.message.ContentReader;
import dev.wct.spi.message.ContentWriter;
import dev.wct.spi.message.SchemaRef;
import dev.wct.spi.Analyser;
import dev.wct.spi.ProducerContext;
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
 * processing_purpose}. Evidence is redacted like personal data findings.
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
  protected abstract void complete(ObjectNode finding, Findings.Category category, Ruleset ruleset);

  @Override
  public JsonNode propertiesSchema() {
    return PropertiesSchemas.load(type());
  }

  @Override
  public List<Set<SchemaRef>> acceptedInputs() {
    return PropertiesSchemas.TEXT_INPUTS;
  }

  @Override
  public List<SchemaRef> outputSchemas() {
    return List.of(SchemaRef.of(rulesetKind()));
  }

  @Override
  public void analyse(
      ProducerContext context, JsonNode properties, List<ContentReader> inputs, ContentWriter out) {
    String where = "artifact '" + context.artifactId() + "' (" + type() + ")";
    AnalyserSettings settings =
        AnalyserSettings.parse(where, properties, "local/" + rulesetKind() + "/1.0.0", Map.of());
    Ruleset ruleset =
        RulesetLoader.load(
            settings.ruleset(), context.workingDirectory(), rulesetKind(), KnownDetectors.NAMES);
    KeywordIndex<Rule> index = INDEXES.computeIfAbsent(ruleset, KeywordIndicatorAnalyser::index);
    Findings findings = new Findings(settings.evidence(), new Redactor(settings.evidence(), "US"));
    Instant started = Instant.now();
    ItemStream.Totals totals =
        ItemStream.forEach(
            context,
            inputs,
            item -> {
              findings.nextItem();
              scan(index, TextItem.of(item), findings);
            });
    for (Findings.Category category : findings.categories()) {
      ObjectNode finding =
          category.toJson(type() + ".", categoryField(), JsonNodeFactory.instance.objectNode());
      complete(finding, category, ruleset);
      out.item(finding);
    }
    out.field("summary", findings.summary(summaryField()));
    out.field(
        "analysis_metadata",
        AnalysisMetadata.of(type(), ruleset, settings, totals, started, Instant.now()));
    LOG.info(
        "{}: {} items scanned, {} {} found",
        where,
        totals.items(),
        findings.categories().size(),
        summaryField());
  }

  private static KeywordIndex<Rule> index(Ruleset ruleset) {
    KeywordIndex.Builder<Rule> builder = KeywordIndex.builder();
    for (Rule rule : ruleset.rules()) {
      rule.keywords().forEach(keyword -> builder.add(keyword, rule));
    }
    return builder.build();
  }

  /** Matches names first (they weigh more), then the text. */
  static void scan(KeywordIndex<Rule> index, TextItem item, Findings findings) {
    for (String name : item.names()) {
      index.find(
          Tokens.of(name),
          (rule, keyword, start, end) ->
              findings.nameMatch(rule.category(), keyword, rule.name(), item, name));
    }
    if (!item.text().isEmpty()) {
      index.find(
          Tokens.of(item.text()),
          (rule, keyword, start, end) ->
              findings.match(rule.category(), keyword, rule.name(), item, start, end));
    }
  }
}
