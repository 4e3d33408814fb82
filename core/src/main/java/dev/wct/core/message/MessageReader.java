package dev.wct.core.message;

import dev.wct.spi.message.SchemaRef;
import dev.wct.spi.message.MessageHeader;
import dev.wct.spi.message.ContentReader;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Streams a message written by {@link MessageWriter} (or any message whose envelope fields precede
 * its {@code content}). Only one item is held in memory at a time.
 */
public final class MessageReader implements ContentReader {
  private final ObjectMapper mapper;
  private final JsonParser json;
  private final MessageHeader header;
  private final ObjectNode fields;
  private final ObjectNode trailer;
  private boolean itemsPending;
  private boolean itemsTaken;

  private MessageReader(ObjectMapper mapper, JsonParser json) throws IOException {
    this.mapper = mapper;
    this.json = json;
    this.fields = mapper.createObjectNode();
    this.trailer = mapper.createObjectNode();
    if (json.nextToken() != JsonToken.START_OBJECT) {
      throw new IOException("a message must be a JSON object");
    }
    ObjectNode envelope = mapper.createObjectNode();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      json.nextToken();
      if (name.equals("content")) {
        break;
      }
      envelope.set(name, mapper.readTree(json));
    }
    if (json.currentToken() != JsonToken.START_OBJECT) {
      throw new IOException("message has no content object");
    }
    this.header = headerOf(envelope);
    readFieldsUntilItems(fields);
  }

  public static MessageReader open(ObjectMapper mapper, InputStream in) {
    try {
      return new MessageReader(mapper, mapper.getFactory().createParser(in));
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable message: " + e.getMessage(), e);
    }
  }

  private MessageHeader headerOf(ObjectNode envelope) throws IOException {
    JsonNode schema = envelope.path("schema");
    if (!schema.hasNonNull("name")) {
      throw new IOException("message has no schema");
    }
    return new MessageHeader(
        envelope.path("id").asText(""),
        new SchemaRef(
            schema.get("name").asText(), schema.path("version").asText(SchemaRef.DEFAULT_VERSION)),
        envelope.path("run_id").asText(""),
        envelope.path("source").asText(""),
        envelope.path("timestamp").asText(""),
        envelope.get("execution"));
  }

  /** Reads content fields into {@code target} until the items array starts or content ends. */
  private void readFieldsUntilItems(ObjectNode target) throws IOException {
    String itemsField = header.schema().itemsField();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      if (name.equals(itemsField) && value == JsonToken.START_ARRAY && !itemsTaken) {
        itemsPending = true;
        return;
      }
      target.set(name, mapper.readTree(json));
    }
  }

  @Override
  public MessageHeader header() {
    return header;
  }

  @Override
  public ObjectNode fields() {
    return fields;
  }

  @Override
  public ObjectNode trailer() {
    return trailer;
  }

  @Override
  public Iterator<JsonNode> items() {
    if (itemsTaken) {
      throw new IllegalStateException("items can be streamed once");
    }
    itemsTaken = true;
    return new Iterator<>() {
      private JsonNode next = advance();

      private JsonNode advance() {
        if (!itemsPending) {
          return null;
        }
        try {
          if (json.nextToken() == JsonToken.END_ARRAY) {
            itemsPending = false;
            readFieldsUntilItems(trailer);
            return null;
          }
          return mapper.readTree(json);
        } catch (IOException e) {
          throw new UncheckedIOException("unreadable message item: " + e.getMessage(), e);
        }
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public JsonNode next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        JsonNode current = next;
        next = advance();
        return current;
      }
    };
  }

  @Override
  public void close() {
    try {
      json.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
