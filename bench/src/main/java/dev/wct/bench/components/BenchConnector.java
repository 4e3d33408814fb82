package dev.wct.bench.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.wct.core.message.ContentWriter;
import dev.wct.core.message.SchemaRef;
import dev.wct.core.spi.Connector;
import dev.wct.core.spi.ProducerContext;
import java.util.List;

/** A source that reads nothing: it sleeps (if it is a sleeping one) and writes one item. */
final class BenchConnector implements Connector {
  private final String type;
  private final boolean sleeps;

  BenchConnector(String type, boolean sleeps) {
    this.type = type;
    this.sleeps = sleeps;
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public String description() {
    return sleeps
        ? "Benchmark source: sleeps `millis` ms, then writes one item"
        : "Benchmark source: writes one item at once";
  }

  @Override
  public JsonNode propertiesSchema() {
    return JsonNodeFactory.instance.objectNode();
  }

  @Override
  public List<SchemaRef> outputSchemas() {
    return List.of(BenchComponents.SCHEMA);
  }

  @Override
  public void extract(ProducerContext context, JsonNode properties, ContentWriter out)
      throws InterruptedException {
    long millis = sleeps ? BenchWork.millis(properties, context.artifactId()) : 0;
    BenchWork.sleepThenWriteOneItem(millis, context.artifactId(), out);
  }
}
