package dev.wct.cli.components;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.spi.properties.PropertiesContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One documented component property, read from the component's properties JSON Schema.
 *
 * @param name dotted for nested objects, e.g. {@code pattern_matching.ruleset}
 * @param type JSON Schema type(s), or the allowed values
 * @param defaultValue as JSON text, or null
 * @param description may be null
 */
record PropertyDoc(
    String name, String type, boolean required, String defaultValue, String description) {

  /** Every property of {@code schema}, nested objects flattened, in schema order. */
  static List<PropertyDoc> of(JsonNode schema) {
    List<PropertyDoc> docs = new ArrayList<>();
    collect(schema, "", docs);
    return docs;
  }

  private static void collect(JsonNode schema, String prefix, List<PropertyDoc> docs) {
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(name -> required.add(name.asText()));
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      JsonNode definition = property.getValue();
      String name = prefix + property.getKey();
      docs.add(
          new PropertyDoc(
              name,
              type(definition),
              required.contains(property.getKey()),
              definition.has("default") ? definition.get("default").toString() : null,
              definition.has("description") ? definition.get("description").asText() : null));
      if (definition.has("properties")) {
        collect(definition, name + ".", docs);
      }
    }
  }

  private static String type(JsonNode definition) {
    String type = baseType(definition);
    return isPlaceholder(definition) && !type.endsWith("${VAR}") ? type + " or ${VAR}" : type;
  }

  /** Marked as accepting a placeholder (see {@link PropertiesContract#PLACEHOLDER_KEYWORD}). */
  private static boolean isPlaceholder(JsonNode definition) {
    return definition.path(PropertiesContract.PLACEHOLDER_KEYWORD).asBoolean(false);
  }

  private static String baseType(JsonNode definition) {
    if (definition.has("enum")) {
      List<String> values = new ArrayList<>();
      definition.get("enum").forEach(v -> values.add(v.isTextual() ? v.asText() : v.toString()));
      return "one of " + String.join("|", values);
    }
    JsonNode type = definition.path("type");
    if (type.isArray()) {
      List<String> types = new ArrayList<>();
      type.forEach(t -> types.add(t.asText()));
      return String.join("|", types);
    }
    if (type.isTextual()) {
      String items = definition.path("items").path("type").asText("");
      return type.asText().equals("array") && !items.isEmpty()
          ? "array of " + items
          : type.asText();
    }
    JsonNode alternatives =
        definition.has("anyOf") ? definition.get("anyOf") : definition.get("oneOf");
    if (alternatives != null && alternatives.isArray()) {
      List<String> types = new ArrayList<>();
      for (JsonNode alternative : alternatives) {
        String text = isPlaceholder(alternative) ? "${VAR}" : baseType(alternative);
        if (!types.contains(text)) {
          types.add(text);
        }
      }
      return String.join(" or ", types);
    }
    return "any";
  }
}
