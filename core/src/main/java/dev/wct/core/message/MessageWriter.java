package dev.wct.core.message;

import dev.wct.spi.message.MessageHeader;
import dev.wct.spi.message.ContentWriter;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Streams a message as JSON: the envelope first, then the content, whose items array is written
 * item by item. {@link #close()} completes the document; a writer that is not closed leaves an
 * incomplete document, which stores must never publish.
 */
public final class MessageWriter implements ContentWriter, Closeable {
  private final JsonGenerator json;
  private final String itemsField;
  private final Set<String> written = new HashSet<>();
  private State state = State.BEFORE_ITEMS;
  private long itemCount;

  private enum State {
    BEFORE_ITEMS,
    IN_ITEMS,
    AFTER_ITEMS,
    CLOSED
  }

  private MessageWriter(JsonGenerator json, String itemsField) {
    this.json = json;
    this.itemsField = itemsField;
  }

  /** Starts a message on {@code out}; the stream is closed with the writer. */
  public static MessageWriter open(ObjectMapper mapper, OutputStream out, MessageHeader header) {
    Objects.requireNonNull(header, "header");
    try {
      JsonGenerator json = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8);
      json.writeStartObject();
      json.writeStringField("id", header.id());
      json.writeObjectFieldStart("schema");
      json.writeStringField("name", header.schema().name());
      json.writeStringField("version", header.schema().version());
      json.writeEndObject();
      json.writeStringField("run_id", header.runId());
      json.writeStringField("source", header.source());
      json.writeStringField("timestamp", header.timestamp());
      if (header.execution() != null) {
        json.writeFieldName("execution");
        json.writeTree(header.execution());
      }
      json.writeObjectFieldStart("content");
      return new MessageWriter(json, header.schema().itemsField());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void field(String name, JsonNode value) {
    Objects.requireNonNull(name, "name");
    if (name.equals(itemsField)) {
      throw new IllegalArgumentException("'" + name + "' holds the items: write them with item()");
    }
    if (!written.add(name)) {
      throw new IllegalStateException("content field '" + name + "' written twice");
    }
    try {
      if (state == State.IN_ITEMS) {
        json.writeEndArray();
        state = State.AFTER_ITEMS;
      }
      checkOpen();
      json.writeFieldName(name);
      json.writeTree(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void item(JsonNode item) {
    Objects.requireNonNull(item, "item");
    try {
      if (state == State.BEFORE_ITEMS) {
        json.writeArrayFieldStart(itemsField);
        state = State.IN_ITEMS;
      } else if (state != State.IN_ITEMS) {
        throw new IllegalStateException("items must be written together, before trailing fields");
      }
      json.writeTree(item);
      itemCount++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public long itemCount() {
    return itemCount;
  }

  /** Flushes what was written so far to the underlying stream. */
  public void flush() {
    try {
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (state == State.CLOSED) {
      return;
    }
    try {
      if (state == State.BEFORE_ITEMS) {
        json.writeArrayFieldStart(itemsField);
        json.writeEndArray();
      } else if (state == State.IN_ITEMS) {
        json.writeEndArray();
      }
      state = State.CLOSED;
      json.writeEndObject(); // content
      json.writeEndObject(); // message
      json.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void checkOpen() {
    if (state == State.CLOSED) {
      throw new IllegalStateException("message already closed");
    }
  }
}
