package dev.wct.core.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.spi.message.SchemaRef;
import java.util.Objects;

/**
 * An input a child runbook declares: {@code inputs: {name: {input_schema, optional, default,
 * description}}}.
 *
 * @param defaultValue kept for compatibility with the Python tool; not used by the planner
 */
public record ChildInput(
    SchemaRef inputSchema, boolean optional, JsonNode defaultValue, String description) {
  public ChildInput {
    Objects.requireNonNull(inputSchema, "inputSchema");
    defaultValue = defaultValue == null ? null : defaultValue.deepCopy();
  }
}
