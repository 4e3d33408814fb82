package dev.wct.analysers.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.spi.message.ContentReader;
import dev.wct.spi.message.MessageHeader;
import dev.wct.spi.message.SchemaRef;
import java.util.Iterator;
import java.util.List;

/** Builds input messages for analyser tests, streaming items from any iterator. */
public final class Inputs {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Inputs() {}

  public static ObjectNode file(String path, String content) {
    ObjectNode item = JSON.objectNode();
    item.put("content", content);
    item.putObject("metadata")
        .put("source", path)
        .put("connector_type", "filesystem")
        .put("file_path", path);
    return item;
  }

  public static ObjectNode cell(String table, String column, String value) {
    ObjectNode item = JSON.objectNode();
    item.put("content", column + ": " + value);
    item.putObject("metadata")
        .put("source", "test.db/" + table)
        .put("connector_type", "sqlite")
        .put("schema", "main")
        .put("table", table)
        .put("column", column);
    return item;
  }

  public static ContentReader standardInput(List<? extends JsonNode> items) {
    return reader(
        SchemaRef.of("standard_input"), items.stream().map(JsonNode.class::cast).iterator());
  }

  /** A reader over items produced lazily by {@code items}: nothing is held but the current one. */
  public static ContentReader reader(SchemaRef schema, Iterator<JsonNode> items) {
    return new ContentReader() {
      private boolean taken;

      @Override
      public MessageHeader header() {
        return new MessageHeader(
            "input", schema, "run", "connector:test", "2026-01-01T00:00:00Z", null);
      }

      @Override
      public ObjectNode fields() {
        return JSON.objectNode().put("name", "input");
      }

      @Override
      public Iterator<JsonNode> items() {
        if (taken) {
          throw new IllegalStateException("items can be streamed once");
        }
        taken = true;
        return items;
      }

      @Override
      public ObjectNode trailer() {
        return JSON.objectNode();
      }

      @Override
      public void close() {}
    };
  }
}
