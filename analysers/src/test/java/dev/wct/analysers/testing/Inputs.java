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

  /** A file as the filesystem connector writes it, with its root folder and artifact. */
  public static ObjectNode file(String artifact, String root, String path, String content) {
    ObjectNode item = file(path, content);
    ((ObjectNode) item.get("metadata")).put("root", root).put("artifact", artifact);
    return item;
  }

  /** A cell as a database connector writes it, naming its system and artifact. */
  public static ObjectNode cell(
      String artifact, String system, String schema, String table, String column, String value) {
    ObjectNode item = cell(table, column, value);
    ((ObjectNode) item.get("metadata"))
        .put("source", schema + "." + table + "." + column)
        .put("schema", schema)
        .put("artifact", artifact)
        .put("system", system);
    return item;
  }

  /**
   * Database connector message metadata: {@code system} and a catalogue of {@code tables}, each
   * {@code schema.table: [columns]}.
   */
  public static ObjectNode databaseFields(
      String system, java.util.Map<String, List<String>> tables) {
    ObjectNode fields = JSON.objectNode().put("name", "input");
    ObjectNode metadata = fields.putObject("metadata").put("system", system);
    com.fasterxml.jackson.databind.node.ArrayNode array =
        metadata.putObject("catalogue").putArray("tables");
    tables.forEach(
        (name, columns) -> {
          int dot = name.indexOf('.');
          ObjectNode table =
              array
                  .addObject()
                  .put("schema", name.substring(0, dot))
                  .put("name", name.substring(dot + 1));
          com.fasterxml.jackson.databind.node.ArrayNode columnArray = table.putArray("columns");
          columns.forEach(
              column -> columnArray.addObject().put("name", column).put("data_type", "text"));
        });
    return fields;
  }

  /** A standard_input message with an id (its artifact) and content fields before the items. */
  public static ContentReader standardInput(
      String id, ObjectNode fields, List<? extends JsonNode> items) {
    return reader(
        id,
        SchemaRef.of("standard_input"),
        fields,
        items.stream().map(JsonNode.class::cast).iterator());
  }

  public static ContentReader standardInput(List<? extends JsonNode> items) {
    return reader(
        SchemaRef.of("standard_input"), items.stream().map(JsonNode.class::cast).iterator());
  }

  /** A reader over items produced lazily by {@code items}: nothing is held but the current one. */
  public static ContentReader reader(SchemaRef schema, Iterator<JsonNode> items) {
    return reader("input", schema, JSON.objectNode().put("name", "input"), items);
  }

  public static ContentReader reader(
      String id, SchemaRef schema, ObjectNode fields, Iterator<JsonNode> items) {
    return new ContentReader() {
      private boolean taken;

      @Override
      public MessageHeader header() {
        return new MessageHeader(id, schema, "run", "connector:test", "2026-01-01T00:00:00Z", null);
      }

      @Override
      public ObjectNode fields() {
        return fields;
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
