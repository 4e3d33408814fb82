package dev.wct.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.spi.Connector;
import dev.wct.spi.ProducerContext;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.ContentWriter;
import dev.wct.spi.message.SchemaRef;
import java.util.List;

/** A connector that heartbeats for {@code seconds} before writing one item: a slow database. */
public final class SlowSource implements Connector {
  @Override
  public String type() {
    return "test_slow";
  }

  @Override
  public String description() {
    return "Test connector that takes its time.";
  }

  @Override
  public JsonNode propertiesSchema() {
    return Json.mapper()
        .createObjectNode()
        .put("type", "object")
        .set(
            "properties",
            Json.mapper()
                .createObjectNode()
                .set("seconds", Json.mapper().createObjectNode().put("type", "integer")));
  }

  @Override
  public List<SchemaRef> outputSchemas() {
    return List.of(SchemaRef.of("standard_input"));
  }

  @Override
  public void extract(ProducerContext context, JsonNode properties, ContentWriter out)
      throws InterruptedException {
    long until = System.currentTimeMillis() + properties.path("seconds").asLong(30) * 1000;
    while (System.currentTimeMillis() < until) {
      context.heartbeat("waiting");
      Thread.sleep(100);
    }
    out.item(Json.mapper().createObjectNode().put("content", "late"));
  }
}
