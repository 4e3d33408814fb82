package dev.wct.analysers.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.spi.message.ContentWriter;
import java.util.ArrayList;
import java.util.List;

/** Collects what an analyser writes into one content object, keeping the order of calls. */
public final class CollectingWriter implements ContentWriter {
  private final ObjectNode content = JsonNodeFactory.instance.objectNode();
  private final ArrayNode items;
  private final List<String> calls = new ArrayList<>();

  public CollectingWriter(String itemsField) {
    this.items = content.putArray(itemsField);
  }

  @Override
  public void field(String name, JsonNode value) {
    calls.add("field:" + name);
    content.set(name, value);
  }

  @Override
  public void item(JsonNode item) {
    calls.add("item");
    items.add(item);
  }

  @Override
  public long itemCount() {
    return items.size();
  }

  public ObjectNode content() {
    return content;
  }

  public ArrayNode items() {
    return items;
  }

  /** {@code item} or {@code field:<name>} per call, in order. */
  public List<String> calls() {
    return calls;
  }

  /** The item whose {@code field} equals {@code value}, or null. */
  public JsonNode item(String field, String value) {
    for (JsonNode item : items) {
      if (item.path(field).asText().equals(value)) {
        return item;
      }
    }
    return null;
  }

  /** Every item whose {@code field} equals {@code value}, in order. */
  public List<JsonNode> items(String field, String value) {
    List<JsonNode> found = new java.util.ArrayList<>();
    for (JsonNode item : items) {
      if (item.path(field).asText().equals(value)) {
        found.add(item);
      }
    }
    return found;
  }
}
