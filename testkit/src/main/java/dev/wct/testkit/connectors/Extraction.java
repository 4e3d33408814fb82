package dev.wct.testkit.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.core.message.MessageReader;
import dev.wct.core.message.MessageWriter;
import dev.wct.spi.Connector;
import dev.wct.spi.PartitionedConnector;
import dev.wct.spi.ProducerContext;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.ContentWriter;
import dev.wct.spi.message.MessageHeader;
import dev.wct.spi.message.SchemaRef;
import dev.wct.testkit.messages.MessageSchemas;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a connector into a real message stream and reads it back as a consumer would.
 *
 * @param schema the schema the connector wrote
 * @param fields the content fields before the items
 * @param items the items, in stream order
 * @param trailer the content fields after the items
 * @param raw the whole message as written
 */
public record Extraction(
    SchemaRef schema, ObjectNode fields, List<JsonNode> items, ObjectNode trailer, String raw) {
  public Extraction {
    items = List.copyOf(items);
  }

  public static Extraction run(Connector connector, ProducerContext context, JsonNode properties)
      throws Exception {
    return run(connector, context, out -> connector.extract(context, properties, out));
  }

  /** Extracts one partition, given its descriptor from {@code connector.partitions}. */
  public static Extraction runPartition(
      PartitionedConnector connector,
      ProducerContext context,
      JsonNode properties,
      JsonNode partition)
      throws Exception {
    return run(
        connector, context, out -> connector.extractPartition(context, properties, partition, out));
  }

  private interface Body {
    void write(ContentWriter out) throws Exception;
  }

  private static Extraction run(Connector connector, ProducerContext context, Body body)
      throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    MessageHeader header =
        new MessageHeader(
            context.artifactId(),
            connector.outputSchemas().get(0),
            context.runId(),
            "connector:" + connector.type(),
            "2026-01-01T00:00:00Z",
            null);
    try (MessageWriter writer = MessageWriter.open(Json.mapper(), bytes, header)) {
      body.write(writer);
    }
    try (MessageReader reader =
        MessageReader.open(Json.mapper(), new ByteArrayInputStream(bytes.toByteArray()))) {
      ObjectNode fields = reader.fields().deepCopy();
      List<JsonNode> items = new ArrayList<>();
      reader.items().forEachRemaining(items::add);
      return new Extraction(
          header.schema(), fields, items, reader.trailer().deepCopy(), bytes.toString());
    }
  }

  /** The whole content object, as a store would hold it. */
  public ObjectNode content() {
    ObjectNode content = fields.deepCopy();
    content.putArray("data").addAll(items);
    content.setAll(trailer.deepCopy());
    return content;
  }

  /** Violations of the JSON Schema of the message the connector wrote. */
  public List<String> schemaViolations() {
    return MessageSchemas.builtIn().validate(schema, content());
  }

  public JsonNode metadata() {
    return fields.path("metadata");
  }

  /**
   * The summary; it follows the items, or precedes an empty items array (the writer cannot put a
   * field after items it never started).
   */
  public JsonNode summary() {
    return trailer.has("summary") ? trailer.path("summary") : fields.path("summary");
  }

  public List<String> contents() {
    return items.stream().map(item -> item.path("content").asText()).toList();
  }

  /** Items' metadata field {@code name}, in order. */
  public List<String> itemMetadata(String name) {
    return items.stream().map(item -> item.path("metadata").path(name).asText()).toList();
  }
}
