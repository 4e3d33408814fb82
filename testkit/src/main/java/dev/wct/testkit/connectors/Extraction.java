package dev.wct.testkit.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.MessageHeader;
import dev.wct.core.message.MessageReader;
import dev.wct.testkit.messages.MessageSchemas;
import dev.wct.core.message.MessageWriter;
import dev.wct.spi.Connector;
import dev.wct.spi.ProducerContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a connector into a real message stream and reads it back as a consumer would.
 *
 * @param fields the content fields before the items
 * @param items the items, in stream order
 * @param trailer the content fields after the items
 * @param raw the whole message as written
 */
public record Extraction(ObjectNode fields, List<JsonNode> items, ObjectNode trailer, String raw) {
  public Extraction {
    items = List.copyOf(items);
  }

  public static Extraction run(Connector connector, ProducerContext context, JsonNode properties)
      throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    MessageHeader header =
        new MessageHeader(
            context.artifactId(),
            StandardInput.SCHEMA,
            context.runId(),
            "connector:" + connector.type(),
            "2026-01-01T00:00:00Z",
            null);
    try (MessageWriter writer = MessageWriter.open(Json.mapper(), bytes, header)) {
      connector.extract(context, properties, writer);
    }
    try (MessageReader reader =
        MessageReader.open(Json.mapper(), new ByteArrayInputStream(bytes.toByteArray()))) {
      ObjectNode fields = reader.fields().deepCopy();
      List<JsonNode> items = new ArrayList<>();
      reader.items().forEachRemaining(items::add);
      return new Extraction(fields, items, reader.trailer().deepCopy(), bytes.toString());
    }
  }

  /** The whole content object, as a store would hold it. */
  public ObjectNode content() {
    ObjectNode content = fields.deepCopy();
    content.putArray("data").addAll(items);
    content.setAll(trailer.deepCopy());
    return content;
  }

  /** Violations of the {@code standard_input/1.0.0} JSON Schema shipped with wct-core. */
  public List<String> schemaViolations() {
    return MessageSchemas.builtIn().validate(StandardInput.SCHEMA, content());
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
