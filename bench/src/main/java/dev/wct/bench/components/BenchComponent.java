package dev.wct.bench.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.wct.spi.Component;
import dev.wct.spi.ProducerContext;
import dev.wct.spi.message.ContentWriter;
import dev.wct.spi.message.SchemaRef;
import java.util.List;

/** What the benchmark connector and analyser share: sleep (if a sleeping one), write one item. */
abstract class BenchComponent implements Component {
  private final String type;
  private final boolean sleeps;
  private final String role;

  BenchComponent(String type, boolean sleeps, String role) {
    this.type = type;
    this.sleeps = sleeps;
    this.role = role;
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public String description() {
    return sleeps
        ? "Benchmark " + role + ": sleeps `millis` ms, then writes one item"
        : "Benchmark " + role + ": writes one item at once";
  }

  @Override
  public JsonNode propertiesSchema() {
    return JsonNodeFactory.instance.objectNode();
  }

  @Override
  public List<SchemaRef> outputSchemas() {
    return List.of(BenchComponents.SCHEMA);
  }

  final void produce(ProducerContext context, JsonNode properties, ContentWriter out)
      throws InterruptedException {
    long millis = sleeps ? BenchWork.millis(properties, context.artifactId()) : 0;
    BenchWork.sleepThenWriteOneItem(millis, context.artifactId(), out);
  }
}
