package dev.wct.connectors.common;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.spi.message.SchemaRef;
import java.util.List;

/** The {@code standard_input/1.0.0} content every connector writes. */
public final class StandardInput {
  public static final SchemaRef SCHEMA = new SchemaRef("standard_input", "1.0.0");
  public static final List<SchemaRef> SCHEMAS = List.of(SCHEMA);

  private StandardInput() {}

  /**
   * A new item: {@code {content, metadata: {source, connector_type}}}; callers add their own
   * metadata fields to {@link #metadataOf}.
   */
  public static ObjectNode item(String content, String source, String connectorType) {
    ObjectNode item = JsonNodeFactory.instance.objectNode();
    item.put("content", content);
    ObjectNode metadata = item.putObject("metadata");
    metadata.put("source", source);
    metadata.put("connector_type", connectorType);
    return item;
  }

  public static ObjectNode metadataOf(ObjectNode item) {
    return (ObjectNode) item.get("metadata");
  }
}
