package dev.wct.spi.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.util.Iterator;

/**
 * Reads one stored message. Items are streamed once, in order; the fields written before the items
 * are available at once, those written after only when the items are exhausted.
 */
public interface ContentReader extends Closeable {
  MessageHeader header();

  /** The content fields that precede the items array. */
  ObjectNode fields();

  /** Streams the items. May be called once. */
  Iterator<JsonNode> items();

  /**
   * The content fields that follow the items array; complete once {@link #items()} is exhausted.
   */
  ObjectNode trailer();

  /** The schema of the message. */
  default SchemaRef schema() {
    return header().schema();
  }

  @Override
  void close();
}
