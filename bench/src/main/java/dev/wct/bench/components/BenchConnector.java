package dev.wct.bench.components;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.spi.Connector;
import dev.wct.spi.ProducerContext;
import dev.wct.spi.message.ContentWriter;

/** A source that reads nothing: it sleeps (if it is a sleeping one) and writes one item. */
final class BenchConnector extends BenchComponent implements Connector {
  BenchConnector(String type, boolean sleeps) {
    super(type, sleeps, "source");
  }

  @Override
  public void extract(ProducerContext context, JsonNode properties, ContentWriter out)
      throws InterruptedException {
    produce(context, properties, out);
  }
}
