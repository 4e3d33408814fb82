package dev.wct.bench.components;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.spi.Analyser;
import dev.wct.spi.ProducerContext;
import dev.wct.spi.message.ContentReader;
import dev.wct.spi.message.ContentWriter;
import dev.wct.spi.message.SchemaRef;
import java.util.List;
import java.util.Set;

/**
 * A derived artifact that ignores its inputs' items (the engine still opens and verifies them): it
 * sleeps (if it is a sleeping one) and writes one item.
 */
final class BenchAnalyser extends BenchComponent implements Analyser {
  BenchAnalyser(String type, boolean sleeps) {
    super(type, sleeps, "analyser");
  }

  @Override
  public List<Set<SchemaRef>> acceptedInputs() {
    return List.of(Set.of(BenchComponents.SCHEMA));
  }

  @Override
  public void analyse(
      ProducerContext context, JsonNode properties, List<ContentReader> inputs, ContentWriter out)
      throws InterruptedException {
    produce(context, properties, out);
  }
}
