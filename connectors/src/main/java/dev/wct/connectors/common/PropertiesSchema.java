package dev.wct.connectors.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * Builds a connector's JSON Schema (draft 2020-12) for its properties. Values may be {@code ${VAR}}
 * placeholders that are resolved only on the worker, so every non-string property also accepts a
 * placeholder string.
 */
public final class PropertiesSchema {
  /** A string that is one placeholder, e.g. {@code ${DB_PORT}} or {@code ${DB_PORT:-3306}}. */
  public static final String PLACEHOLDER_PATTERN = "^\\$\\{.*\\}$";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectNode schema = NODES.objectNode();
  private final ObjectNode properties = NODES.objectNode();
  private final ArrayNode required = NODES.arrayNode();

  private PropertiesSchema(String title, String description) {
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("title", Objects.requireNonNull(title, "title"));
    schema.put("description", Objects.requireNonNull(description, "description"));
    schema.put("type", "object");
  }

  public static PropertiesSchema builder(String title, String description) {
    return new PropertiesSchema(title, description);
  }

  public PropertiesSchema string(String name, String description) {
    return add(name, description, typed("string").put("minLength", 1));
  }

  public PropertiesSchema string(String name, String description, String defaultValue) {
    ObjectNode property = typed("string");
    property.put("default", defaultValue);
    return add(name, description, property);
  }

  /** A string in which secrets may be given; may be empty. */
  public PropertiesSchema secret(String name, String description) {
    ObjectNode property = typed("string");
    property.put("writeOnly", true);
    return add(name, description, property);
  }

  public PropertiesSchema integer(String name, String description, long defaultValue, long min) {
    ObjectNode number = typed("integer").put("minimum", min);
    ObjectNode property = placeholderOr(number);
    property.put("default", defaultValue);
    return add(name, description, property);
  }

  public PropertiesSchema choice(
      String name, String description, String defaultValue, List<String> allowed) {
    ObjectNode choice = NODES.objectNode();
    ArrayNode values = choice.putArray("enum");
    allowed.forEach(values::add);
    ObjectNode property = placeholderOr(choice);
    property.put("default", defaultValue);
    return add(name, description, property);
  }

  public PropertiesSchema stringList(String name, String description) {
    ObjectNode property = typed("array");
    property.set("items", typed("string"));
    return add(name, description, property);
  }

  public PropertiesSchema stringList(String name, String description, List<String> defaults) {
    ObjectNode property = typed("array");
    property.set("items", typed("string"));
    property.put("minItems", 1);
    ArrayNode values = property.putArray("default");
    defaults.forEach(values::add);
    return add(name, description, property);
  }

  public PropertiesSchema required(String... names) {
    for (String name : names) {
      if (!properties.has(name)) {
        throw new IllegalArgumentException("required property '" + name + "' is not declared");
      }
      required.add(name);
    }
    return this;
  }

  public JsonNode build() {
    ObjectNode result = schema.deepCopy();
    result.set("properties", properties.deepCopy());
    if (!required.isEmpty()) {
      result.set("required", required.deepCopy());
    }
    result.put("additionalProperties", false);
    return result;
  }

  private PropertiesSchema add(String name, String description, ObjectNode property) {
    Objects.requireNonNull(name, "name");
    if (properties.has(name)) {
      throw new IllegalArgumentException("property '" + name + "' declared twice");
    }
    ObjectNode described = NODES.objectNode();
    described.put("description", Objects.requireNonNull(description, "description"));
    described.setAll(property);
    properties.set(name, described);
    return this;
  }

  private static ObjectNode typed(String type) {
    return NODES.objectNode().put("type", type);
  }

  private static ObjectNode placeholderOr(ObjectNode alternative) {
    ObjectNode property = NODES.objectNode();
    ArrayNode anyOf = property.putArray("anyOf");
    anyOf.add(alternative);
    anyOf.add(typed("string").put("pattern", PLACEHOLDER_PATTERN));
    return property;
  }
}
