package dev.wct.classifiers.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.classifiers.ruleset.ClassificationRule;
import dev.wct.classifiers.ruleset.ClassificationRuleset;
import dev.wct.classifiers.ruleset.RuleIndex;
import dev.wct.classifiers.ruleset.RulesetLoader;
import dev.wct.classifiers.ruleset.RulesetReference;
import dev.wct.spi.Analyser;
import dev.wct.spi.ProducerContext;
import dev.wct.spi.error.WctException;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.ContentReader;
import dev.wct.spi.message.ContentWriter;
import dev.wct.spi.message.SchemaRef;
import dev.wct.spi.properties.PropertiesContract;
import dev.wct.spi.properties.PropertiesExample;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies indicator findings (2.0.0: one per location and category) through a classification
 * ruleset, carrying each finding's location, detectors, counts and examples through, then writes
 * the {@code summary}, {@code coverage} and {@code analysis_metadata}.
 *
 * <p>Findings with the same id are the same category in the same place, seen through two inputs (a
 * pass-through fan-in, or a classifier with several inputs): they are merged into one ({@link
 * FindingMerge}). Memory is therefore bounded by the number of distinct findings, each holding at
 * most {@code maximum_evidence_count} examples, not by the size of the scanned data.
 *
 * @param <D> the ruleset document type
 * @param <R> its rule type
 */
public abstract class FindingClassifier<
        D extends ClassificationRuleset<R>, R extends ClassificationRule>
    implements Analyser {
  private static final Logger LOG = LoggerFactory.getLogger(FindingClassifier.class);
  private static final int HEARTBEAT_EVERY = 500;

  /** The category given to findings no rule matches. */
  public static final String UNCLASSIFIED = "unclassified";

  private final RulesetLoader loader = new RulesetLoader();
  private final ConcurrentMap<RulesetReference, D> shippedRulesets = new ConcurrentHashMap<>();

  /**
   * What distinguishes one classifier from another, besides its rules.
   *
   * @param type the runbook type name
   * @param description one sentence for {@code wct components}
   * @param rulesetName the ruleset name it reads, e.g. {@code gdpr_personal_data_classification}
   * @param rulesetType the ruleset document type
   * @param input the indicator schema it accepts
   * @param output the schema it produces
   * @param valueField the finding field holding the value to classify: category, subject or purpose
   */
  public record Definition<D>(
      String type,
      String description,
      String rulesetName,
      Class<D> rulesetType,
      SchemaRef input,
      SchemaRef output,
      String valueField) {}

  private final Definition<D> definition;

  private final PropertiesContract<ClassifierProperties> contract;

  protected FindingClassifier(Definition<D> definition) {
    this.definition = definition;
    this.contract =
        PropertiesContract.of(ClassifierProperties.class)
            .withDefault("ruleset", defaultRuleset().text());
  }

  @Override
  public String type() {
    return definition.type();
  }

  @Override
  public String description() {
    return definition.description();
  }

  @Override
  public List<SchemaRef> outputSchemas() {
    return List.of(definition.output());
  }

  /**
   * Classifies one finding.
   *
   * @param rule the rule for the finding's value, empty when none matches
   * @param ruleset the ruleset the rule belongs to
   */
  protected abstract ObjectNode classify(
      JsonNode finding, String value, Optional<R> rule, D ruleset);

  /** A fresh accumulator for one run's summary. */
  protected abstract Summary newSummary();

  /** Totals over classified findings, written after them. */
  protected interface Summary {
    void add(ObjectNode classified);

    ObjectNode toJson();
  }

  /** The reference used when the runbook names none. */
  public RulesetReference defaultRuleset() {
    return RulesetReference.local(definition.rulesetName(), "1.0.0");
  }

  /** The ruleset {@code reference} names, validated; shipped rulesets are read once. */
  public D ruleset(RulesetReference reference, ProducerContext context) {
    if (reference.isLocal()) {
      return shippedRulesets.computeIfAbsent(
          reference,
          local -> loader.load(local, definition.rulesetName(), definition.rulesetType(), null));
    }
    return loader.load(
        reference, definition.rulesetName(), definition.rulesetType(), context.workingDirectory());
  }

  @Override
  public List<Set<SchemaRef>> acceptedInputs() {
    return List.of(Set.of(definition.input()));
  }

  @Override
  public JsonNode propertiesSchema() {
    return contract.schema();
  }

  @Override
  public List<PropertiesExample> examples() {
    return List.of(
        PropertiesExample.of(
            "Your own rules, next to the runbook",
            "{ruleset: 'file:./rules/" + definition.rulesetName() + ".yaml'}"),
        PropertiesExample.of("The ruleset chosen per environment", "{ruleset: '${GDPR_RULESET}'}"));
  }

  @Override
  public void analyse(
      ProducerContext context, JsonNode properties, List<ContentReader> inputs, ContentWriter out) {
    RulesetReference reference = rulesetReference(context, properties);
    D ruleset = ruleset(reference, context);
    RuleIndex<R> rules = RuleIndex.of(ruleset.rules());
    Map<String, ObjectNode> merged = new LinkedHashMap<>();
    ArrayNode coverage = Json.mapper().createArrayNode();
    long position = 0;
    long duplicates = 0;
    for (ContentReader input : inputs) {
      Iterator<JsonNode> findings = input.items();
      while (findings.hasNext()) {
        JsonNode finding = findings.next();
        String value = valueOf(finding, context, input, position);
        ObjectNode classified = classify(finding, value, rules.find(value), ruleset);
        ObjectNode earlier = merged.putIfAbsent(classified.get("id").asText(), classified);
        if (earlier != null) {
          FindingMerge.into(earlier, classified);
          duplicates++;
        }
        position++;
        if (position % HEARTBEAT_EVERY == 0) {
          context.heartbeat(position);
        }
      }
      if (input.trailer().get("coverage") instanceof ArrayNode records) {
        coverage.addAll(records);
      }
    }
    Summary summary = newSummary();
    Set<String> values = new TreeSet<>();
    Set<String> locations = new TreeSet<>();
    for (ObjectNode classified : merged.values()) {
      out.item(classified);
      summary.add(classified);
      values.add(classified.get(definition.valueField()).asText());
      locations.add(FindingMerge.place(classified.get("location")));
    }
    ObjectNode totals = Json.mapper().createObjectNode().put("total_findings", merged.size());
    totals.put("distinct_categories", values.size());
    totals.put("distinct_locations", locations.size());
    totals.put("merged_findings", duplicates);
    out.field("summary", totals.setAll(summary.toJson()));
    out.field("coverage", coverage);
    ObjectNode metadata = Json.mapper().createObjectNode();
    metadata.put("analyser", type());
    metadata.put("ruleset", reference.text());
    metadata.put("ruleset_name", ruleset.name());
    metadata.put("ruleset_version", ruleset.version());
    metadata.put("input_count", inputs.size());
    out.field("analysis_metadata", metadata);
    LOG.info(
        "{}: {} classified {} findings ({} merged) with {}",
        context.artifactId(),
        type(),
        position,
        duplicates,
        reference);
  }

  private RulesetReference rulesetReference(ProducerContext context, JsonNode properties) {
    return RulesetReference.parse(contract.bind(context.artifactId(), properties).ruleset());
  }

  private String valueOf(
      JsonNode finding, ProducerContext context, ContentReader input, long position) {
    JsonNode value = finding.get(definition.valueField());
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw WctException.user(
          context.artifactId()
              + ": finding "
              + position
              + " of input '"
              + input.header().id()
              + "' has no '"
              + definition.valueField()
              + "' to classify");
    }
    return value.asText();
  }

  /** Starts an output finding with the input's id and classified value. */
  protected ObjectNode start(JsonNode finding, String value) {
    ObjectNode classified = Json.mapper().createObjectNode();
    classified.put("id", finding.path("id").asText(definition.valueField() + "-" + value));
    classified.put(definition.valueField(), value);
    return classified;
  }

  /**
   * Carries the rest of the input finding through (location, confidence, counts, detectors,
   * examples and any analyser-specific field), after the classification.
   */
  protected ObjectNode finish(ObjectNode classified, JsonNode finding, String note) {
    finding
        .fields()
        .forEachRemaining(
            field -> {
              if (!classified.has(field.getKey())) {
                classified.set(field.getKey(), field.getValue().deepCopy());
              }
            });
    if (note != null) {
      classified.put("classification_note", note);
    }
    return classified;
  }

  /** The note on a finding no rule matched. */
  protected String unclassifiedNote(String value) {
    return "no rule in the ruleset classifies "
        + definition.valueField()
        + " '"
        + value
        + "': review it manually or extend the ruleset";
  }

  /** A JSON array of strings. */
  protected static ArrayNode strings(List<String> values) {
    ArrayNode array = Json.mapper().createArrayNode();
    values.forEach(array::add);
    return array;
  }
}
