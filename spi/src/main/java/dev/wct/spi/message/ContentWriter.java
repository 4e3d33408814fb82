package dev.wct.spi.message;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a component writes the content of the message it produces, one item at a time, so that
 * memory stays bounded by the largest item.
 *
 * <p>Fields written before the first item come before the items array; fields written after it come
 * after (summaries). Each field name may be written once.
 */
public interface ContentWriter {
  /** Writes a top-level content field such as {@code name}, {@code metadata} or {@code summary}. */
  void field(String name, JsonNode value);

  /** Appends one item to the content's items array ({@link SchemaRef#itemsField()}). */
  void item(JsonNode item);

  /** How many items were written so far. */
  long itemCount();
}
