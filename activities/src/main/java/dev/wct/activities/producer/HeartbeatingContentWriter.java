package dev.wct.activities.producer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.spi.message.ContentWriter;
import dev.wct.spi.ProducerContext;

/**
 * Heartbeats every {@value #HEARTBEAT_EVERY_ITEMS} items written, so a producer that streams items
 * is never mistaken for a stuck one, and a cancelled run stops it at the next beat.
 */
final class HeartbeatingContentWriter implements ContentWriter {
  static final int HEARTBEAT_EVERY_ITEMS = 200;

  private final ContentWriter delegate;
  private final ProducerContext context;

  HeartbeatingContentWriter(ContentWriter delegate, ProducerContext context) {
    this.delegate = delegate;
    this.context = context;
  }

  @Override
  public void field(String name, JsonNode value) {
    delegate.field(name, value);
  }

  @Override
  public void item(JsonNode item) {
    delegate.item(item);
    if (delegate.itemCount() % HEARTBEAT_EVERY_ITEMS == 0) {
      context.heartbeat(delegate.itemCount());
    }
  }

  @Override
  public long itemCount() {
    return delegate.itemCount();
  }
}
