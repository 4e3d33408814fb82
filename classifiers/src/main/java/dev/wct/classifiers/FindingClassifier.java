package dev.wct.classifiers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.classifiers.ruleset.ClassificationRule;
import dev.wct.classifiers.ruleset.ClassificationRuleset;
import dev.wct.classifiers.ruleset.RuleIndex;
import dev.wct.classifiers.ruleset.RulesetLoader;
import dev.wct.classifiers.ruleset.RulesetReference;
import dev.wct.spi.error.WctException;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.ContentReader;
import dev.wct.spi.message.ContentWriter;
import dev.wct.spi.message.SchemaRef;
import dev.wct.spi.Analyser;
import dev.wct.spi.ProducerContext;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams indicator findings through a classification ruleset: each finding is read, classified and
 * written on its own, then the {@code summary} and {@code analysis_metadata} follow. Memory stays
 * bounded by one finding whatever the input size.
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

  protected FindingClassifier(Definition<D> definition) {
    this.definition = definition;
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
    ObjectNode schema = Json.mapper().createObjectNode();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("type", "object");
    ObjectNode ruleset = schema.putObject("properties").putObject("ruleset");
    ruleset.put("type", "string");
    ruleset.put("pattern", RulesetReference.PATTERN);
    ruleset.put("default", defaultRuleset().text());
    ruleset.put(
        "description",
        "The classification ruleset: local/<name>/<version> or file:<path> (relative to the"
            + " working directory)");
    schema.put("additionalProperties", false);
    return schema;
  }

  @Override
  public void analyse(
      ProducerContext context, JsonNode properties, List<ContentReader> inputs, ContentWriter out) {
    RulesetReference reference = rulesetReference(context, properties);
    D ruleset = ruleset(reference, context);
    RuleIndex<R> rules = RuleIndex.of(ruleset.rules());
    Summary summary = newSummary();
    Map<String, Integer> ids = new HashMap<>();
    long position = 0;
    for (ContentReader input : inputs) {
      Iterator<JsonNode> findings = input.items();
      while (findings.hasNext()) {
        JsonNode finding = findings.next();
        String value = valueOf(finding, context, input, position);
        ObjectNode classified = classify(finding, value, rules.find(value), ruleset);
        keepIdUnique(classified, ids);
        out.item(classified);
        summary.add(classified);
        position++;
        if (position % HEARTBEAT_EVERY == 0) {
          context.heartbeat(position);
        }
      }
    }
    ObjectNode totals = Json.mapper().createObjectNode().put("total_findings", position);
    out.field("summary", totals.setAll(summary.toJson()));
    ObjectNode metadata = Json.mapper().createObjectNode();
    metadata.put("analyser", type());
    metadata.put("ruleset", reference.text());
    metadata.put("ruleset_name", ruleset.name());
    metadata.put("ruleset_version", ruleset.version());
    metadata.put("input_count", inputs.size());
    out.field("analysis_metadata", metadata);
    LOG.info(
        "{}: {} classified {} findings with {}", context.artifactId(), type(), position, reference);
  }

  /**
   * Indicator ids are unique per message, but a pass-through fan-in concatenates messages: a
   * repeated id gets a suffix ({@code personal_data.email-2}) so that reports can key on ids.
   */
  private static void keepIdUnique(ObjectNode classified, Map<String, Integer> ids) {
    String id = classified.get("id").asText();
    int seen = ids.merge(id, 1, Integer::sum);
    if (seen > 1) {
      String unique = id + "-" + seen;
      while (ids.putIfAbsent(unique, 1) != null) {
        unique = id + "-" + ++seen;
      }
      ids.put(id, seen);
      classified.put("id", unique);
    }
  }

  private RulesetReference rulesetReference(ProducerContext context, JsonNode properties) {
    JsonNode value = properties == null ? null : properties.get("ruleset");
    if (value == null || value.isNull()) {
      return defaultRuleset();
    }
    if (!value.isTextual()) {
      throw WctException.user(
          context.artifactId() + ": property 'ruleset' must be a string, got " + value);
    }
    return RulesetReference.parse(value.asText());
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

  /** Copies the evidence, matched patterns and metadata of the input finding. */
  protected ObjectNode finish(ObjectNode classified, JsonNode finding, String note) {
    classified.set("matched_patterns", arrayOf(finding.get("matched_patterns")));
    classified.set("evidence", arrayOf(finding.get("evidence")));
    ObjectNode metadata =
        finding.get("metadata") instanceof ObjectNode original
            ? original.deepCopy()
            : Json.mapper().createObjectNode();
    if (note != null) {
      metadata.put("classification_note", note);
    }
    classified.set("metadata", metadata);
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

  private static ArrayNode arrayOf(JsonNode node) {
    return node instanceof ArrayNode array ? array.deepCopy() : Json.mapper().createArrayNode();
  }
}
