package dev.wct.core.runbook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A {@code source} or {@code process} block: a component type and its properties, placeholders
 * kept.
 */
public record ComponentSpec(String type, ObjectNode properties) {
  public ComponentSpec {
    Objects.requireNonNull(type, "type");
    properties = properties == null ? null : properties.deepCopy();
  }
}
