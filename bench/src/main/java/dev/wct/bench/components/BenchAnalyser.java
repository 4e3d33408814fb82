package dev.wct.bench.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.wct.core.message.ContentReader;
import dev.wct.core.message.ContentWriter;
import dev.wct.core.message.SchemaRef;
import dev.wct.core.spi.Analyser;
import dev.wct.core.spi.ProducerContext;
import java.util.List;
import java.util.Set;

/**
 * A derived artifact that ignores its inputs' items (the engine still opens and verifies them): it
 * sleeps (if it is a sleeping one) and writes one item.
 */
final class BenchAnalyser implements Analyser {
  private final String type;
  private final boolean sleeps;

  BenchAnalyser(String type, boolean sleeps) {
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
        ? "Benchmark analyser: sleeps `millis` ms, then writes one item"
        : "Benchmark analyser: writes one item at once";
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
  public List<Set<SchemaRef>> acceptedInputs() {
    return List.of(Set.of(BenchComponents.SCHEMA));
  }

  @Override
  public void analyse(
      ProducerContext context, JsonNode properties, List<ContentReader> inputs, ContentWriter out)
      throws InterruptedException {
    long millis = sleeps ? BenchWork.millis(properties, context.artifactId()) : 0;
    BenchWork.sleepThenWriteOneItem(millis, context.artifactId(), out);
  }
}
