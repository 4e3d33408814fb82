package dev.wct.it.slow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.spi.Connector;
import dev.wct.spi.ProducerContext;
import dev.wct.spi.message.ContentWriter;
import dev.wct.spi.message.SchemaRef;
import java.util.List;

/**
 * A source that takes its time: {@code items} made-up items, {@code delay_ms} apart, heartbeating
 * after each, so that a fault test can hit a run while its producers are running. Loaded by the
 * worker and CLI processes of the fault tests only (their class path gets this folder), never
 * shipped.
 */
public final class SlowConnector implements Connector {
  public static final String TYPE = "slow_test_source";

  private static final JsonNode SCHEMA = schema();

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "Test source: items written slowly (fault tests only)";
  }

  @Override
  public JsonNode propertiesSchema() {
    return SCHEMA;
  }

  @Override
  public List<SchemaRef> outputSchemas() {
    return List.of(new SchemaRef("standard_input", "1.0.0"));
  }

  @Override
  public void extract(ProducerContext context, JsonNode properties, ContentWriter out)
      throws Exception {
    int items = properties.path("items").asInt(5);
    long delay = properties.path("delay_ms").asLong(500);
    for (int i = 1; i <= items; i++) {
      Thread.sleep(delay);
      ObjectNode item = JsonNodeFactory.instance.objectNode();
      item.put("content", "item " + i + " of " + context.artifactId());
      ObjectNode metadata = item.putObject("metadata");
      metadata.put("source", context.artifactId() + "/" + i);
      metadata.put("connector_type", TYPE);
      out.item(item);
      context.heartbeat(i);
    }
  }

  private static JsonNode schema() {
    try {
      return new ObjectMapper()
          .readTree(
              """
              {"type": "object", "additionalProperties": false,
               "properties": {"items": {"type": "integer", "minimum": 0},
                              "delay_ms": {"type": "integer", "minimum": 0}}}
              """);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
