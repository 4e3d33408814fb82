package dev.wct.connectors.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.wct.spi.error.WctException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a connector's resolved runbook properties, applying defaults. Placeholders are resolved
 * before a connector runs, so a number may arrive as a numeric string ({@code "3306"}); both are
 * accepted. Errors name the connector and the property, never the value of a secret.
 */
public final class PropertyReader {
  private final String connectorType;
  private final JsonNode properties;

  public PropertyReader(String connectorType, JsonNode properties) {
    this.connectorType = Objects.requireNonNull(connectorType, "connectorType");
    this.properties = properties == null ? MissingNode.getInstance() : properties;
    if (!this.properties.isMissingNode()
        && !this.properties.isNull()
        && !this.properties.isObject()) {
      throw invalid("properties must be a mapping");
    }
  }

  public String connectorType() {
    return connectorType;
  }

  /** A required, non-blank string. */
  public String requiredString(String name) {
    return optionalString(name).orElseThrow(() -> invalid("property '" + name + "' is required"));
  }

  /** A string, absent when missing, null or blank. */
  public Optional<String> optionalString(String name) {
    JsonNode value = properties.path(name);
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isValueNode() || value.isBinary()) {
      throw invalid("property '" + name + "' must be a string");
    }
    String text = value.asText();
    return text.isBlank() ? Optional.empty() : Optional.of(text);
  }

  /** A string that keeps its value as given (a password may be empty or padded). */
  public Optional<String> secret(String name) {
    JsonNode value = properties.path(name);
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isValueNode()) {
      throw invalid("property '" + name + "' must be a string");
    }
    return Optional.of(value.asText());
  }

  /** A whole number of at least {@code minimum}, given as a number or a numeric string. */
  public long wholeNumber(String name, long defaultValue, long minimum) {
    JsonNode value = properties.path(name);
    if (value.isMissingNode() || value.isNull()) {
      return defaultValue;
    }
    long number;
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      number = value.asLong();
    } else if (value.isTextual() && value.asText().trim().matches("[+-]?\\d{1,18}")) {
      number = Long.parseLong(value.asText().trim());
    } else {
      throw invalid("property '" + name + "' must be a whole number, got " + describe(value));
    }
    if (number < minimum) {
      throw invalid("property '" + name + "' must be at least " + minimum + ", got " + number);
    }
    return number;
  }

  /** An int-sized {@link #wholeNumber}. */
  public int integer(String name, int defaultValue, int minimum) {
    long number = wholeNumber(name, defaultValue, minimum);
    if (number > Integer.MAX_VALUE) {
      throw invalid("property '" + name + "' must be at most " + Integer.MAX_VALUE);
    }
    return (int) number;
  }

  /** A list of strings; a single string counts as a list of one. Empty when absent. */
  public List<String> stringList(String name) {
    JsonNode value = properties.path(name);
    if (value.isMissingNode() || value.isNull()) {
      return List.of();
    }
    if (value.isTextual()) {
      return List.of(value.asText());
    }
    if (!value.isArray()) {
      throw invalid("property '" + name + "' must be a list of strings");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode element : value) {
      if (!element.isTextual()) {
        throw invalid("property '" + name + "' must be a list of strings");
      }
      values.add(element.asText());
    }
    return List.copyOf(values);
  }

  /** One of {@code allowed} (case-insensitive), returned in lower case. */
  public String choice(String name, String defaultValue, List<String> allowed) {
    String value = optionalString(name).orElse(defaultValue).toLowerCase(Locale.ROOT);
    if (!allowed.contains(value)) {
      throw invalid("property '" + name + "' must be one of " + allowed + ", got '" + value + "'");
    }
    return value;
  }

  /** A user error naming this connector. */
  public WctException invalid(String message) {
    return WctException.user(connectorType + ": " + message);
  }

  private static String describe(JsonNode value) {
    return value.isTextual()
        ? "'" + value.asText() + "'"
        : value.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
