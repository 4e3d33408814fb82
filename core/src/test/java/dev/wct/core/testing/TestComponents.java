package dev.wct.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.spi.Analyser;
import dev.wct.spi.ComponentCatalog;
import dev.wct.spi.PartitionedConnector;
import dev.wct.spi.ProducerContext;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.ContentReader;
import dev.wct.spi.message.ContentWriter;
import dev.wct.spi.message.SchemaRef;
import java.util.List;
import java.util.Set;

/**
 * Components for tests, registered through the same SPI as the real ones, so that planning can be
 * tested without the real connectors and analysers. Shared with other modules in the core test-jar.
 *
 * <ul>
 *   <li>{@code test_source}: connector, produces {@code standard_input}; requires {@code path}
 *   <li>{@code test_personal_data}: accepts {@code standard_input} or {@code source_code}; produces
 *       {@code personal_data_indicator} (default) or {@code data_subject_indicator}
 *   <li>{@code test_source_code}: accepts {@code standard_input}; produces {@code source_code}
 *   <li>{@code test_classifier}: accepts only {@code personal_data_indicator}; produces {@code
 *       gdpr_personal_data}
 * </ul>
 */
public final class TestComponents {
  public static final SchemaRef STANDARD_INPUT = SchemaRef.of("standard_input");
  public static final SchemaRef SOURCE_CODE = SchemaRef.of("source_code");
  public static final SchemaRef PERSONAL_DATA = SchemaRef.of("personal_data_indicator");
  public static final SchemaRef DATA_SUBJECT = SchemaRef.of("data_subject_indicator");
  public static final SchemaRef GDPR_PERSONAL_DATA = SchemaRef.of("gdpr_personal_data");

  private TestComponents() {}

  /** Every test component. */
  public static ComponentCatalog catalog() {
    return ComponentCatalog.of(
        List.of(new TestSource()),
        List.of(new TestPersonalData(), new TestSourceCode(), new TestClassifier()));
  }

  static JsonNode schema(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /**
   * Writes one item per {@code items} property (default 1), each {@code {"content": "item N"}};
   * partitioned by size (or by rows, the items standing for rows), {@code max_items} items per
   * partition.
   */
  public static final class TestSource implements PartitionedConnector {
    @Override
    public String type() {
      return "test_source";
    }

    @Override
    public String description() {
      return "Test connector that produces a few fixed text items.";
    }

    @Override
    public JsonNode propertiesSchema() {
      return schema(
          """
          {"type": "object",
           "properties": {
             "path": {"type": "string", "description": "Where the items come from."},
             "items": {"type": "integer", "minimum": 0, "default": 1,
                       "description": "How many items to write."},
             "secret": {"type": "string", "description": "A credential, usually ${VAR}."},
             "tags": {"type": "array", "items": {"type": "string"}}
           },
           "required": ["path"],
           "additionalProperties": false}
          """);
    }

    @Override
    public List<SchemaRef> outputSchemas() {
      return List.of(STANDARD_INPUT);
    }

    @Override
    public void extract(ProducerContext context, JsonNode properties, ContentWriter out) {
      int items = properties.path("items").asInt(1);
      for (int i = 0; i < items; i++) {
        out.item(Json.mapper().createObjectNode().put("content", "item " + i));
      }
    }

    @Override
    public Set<Cut> cuts() {
      return Set.of(Cut.SIZE, Cut.ROWS);
    }

    @Override
    public List<JsonNode> partitions(
        ProducerContext context, JsonNode properties, PartitionLimits limits) {
      int items = properties.path("items").asInt(1);
      int per = Math.max(1, limits.maxItems());
      List<JsonNode> partitions = new java.util.ArrayList<>();
      for (int from = 0; from < items; from += per) {
        partitions.add(
            Json.mapper()
                .createObjectNode()
                .put("from", from)
                .put("to", Math.min(items, from + per)));
      }
      return partitions;
    }

    @Override
    public void extractPartition(
        ProducerContext context, JsonNode properties, JsonNode partition, ContentWriter out) {
      for (int i = partition.path("from").asInt(); i < partition.path("to").asInt(); i++) {
        out.item(Json.mapper().createObjectNode().put("content", "item " + i));
      }
    }
  }

  /** Passes items through as findings. */
  public static final class TestPersonalData implements Analyser {
    @Override
    public boolean perItem() {
      return true;
    }

    @Override
    public String type() {
      return "test_personal_data";
    }

    @Override
    public String description() {
      return "Test analyser that reports every item as a finding.";
    }

    @Override
    public JsonNode propertiesSchema() {
      return schema(
          """
          {"type": "object",
           "properties": {
             "ruleset": {"type": "string", "default": "local/personal_data_indicator/1.0.0",
                         "description": "Ruleset reference."},
             "maximum_evidence_count": {"type": "integer", "minimum": 0, "default": 3},
             "evidence_context_size": {"anyOf": [
               {"enum": ["small", "medium", "large"]},
               {"type": "string", "pattern": "^\\\\$\\\\{[^}]+\\\\}$",
                "x-wct-placeholder": true}]}
           },
           "additionalProperties": false}
          """);
    }

    @Override
    public List<Set<SchemaRef>> acceptedInputs() {
      return List.of(Set.of(STANDARD_INPUT), Set.of(SOURCE_CODE));
    }

    @Override
    public List<SchemaRef> outputSchemas() {
      return List.of(PERSONAL_DATA, DATA_SUBJECT);
    }

    @Override
    public void analyse(
        ProducerContext context, JsonNode properties, List<ContentReader> inputs, ContentWriter out)
        throws Exception {
      for (ContentReader input : inputs) {
        for (JsonNode item : (Iterable<JsonNode>) input::items) {
          out.item(item);
        }
      }
    }
  }

  /** Turns standard_input into source_code. */
  public static final class TestSourceCode extends Passing {
    public TestSourceCode() {
      super("test_source_code", STANDARD_INPUT, SOURCE_CODE);
    }
  }

  /** Accepts only personal_data_indicator. */
  public static final class TestClassifier extends Passing {
    public TestClassifier() {
      super("test_classifier", PERSONAL_DATA, GDPR_PERSONAL_DATA);
    }
  }

  /** An analyser with no properties that copies items from one schema to another. */
  abstract static class Passing implements Analyser {
    private final String type;
    private final SchemaRef accepts;
    private final SchemaRef produces;

    Passing(String type, SchemaRef accepts, SchemaRef produces) {
      this.type = type;
      this.accepts = accepts;
      this.produces = produces;
    }

    @Override
    public String type() {
      return type;
    }

    @Override
    public String description() {
      return "Test analyser from " + accepts + " to " + produces + ".";
    }

    @Override
    public JsonNode propertiesSchema() {
      return schema("{\"type\": \"object\", \"additionalProperties\": false}");
    }

    @Override
    public List<Set<SchemaRef>> acceptedInputs() {
      return List.of(Set.of(accepts));
    }

    @Override
    public List<SchemaRef> outputSchemas() {
      return List.of(produces);
    }

    @Override
    public void analyse(
        ProducerContext context, JsonNode properties, List<ContentReader> inputs, ContentWriter out)
        throws Exception {
      for (ContentReader input : inputs) {
        for (JsonNode item : (Iterable<JsonNode>) input::items) {
          out.item(item);
        }
      }
    }
  }
}
