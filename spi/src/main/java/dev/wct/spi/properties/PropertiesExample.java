package dev.wct.spi.properties;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Objects;

/**
 * One example of a component's {@code properties}, shown by {@code wct components} and in the
 * generated docs, and checked against the component's schema by a test.
 *
 * @param description what the example does, one sentence
 * @param properties the properties as a runbook gives them (placeholders unresolved)
 */
public record PropertiesExample(String description, ObjectNode properties) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  public PropertiesExample {
    Objects.requireNonNull(description, "description");
    properties = Objects.requireNonNull(properties, "properties").deepCopy();
  }

  /** An example written as YAML, e.g. {@code {path: ./src, include_patterns: ["*.php"]}}. */
  public static PropertiesExample of(String description, String yaml) {
    try {
      JsonNode node = YAML.readTree(yaml);
      if (!(node instanceof ObjectNode object)) {
        throw new IllegalArgumentException("example '" + description + "' is not a mapping");
      }
      return new PropertiesExample(description, object);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "example '" + description + "' is not valid YAML: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public ObjectNode properties() {
    return properties.deepCopy();
  }
}
