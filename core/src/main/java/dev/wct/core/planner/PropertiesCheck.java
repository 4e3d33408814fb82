package dev.wct.core.planner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.wct.spi.text.Suggestions;
import dev.wct.spi.Component;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks component properties against the component's own JSON Schema. Schemas are compiled once
 * per component type, so checking thousands of artifacts stays cheap.
 */
final class PropertiesCheck {
  /**
   * One rejected property.
   *
   * @param subPath where under {@code properties}, e.g. {@code .host} or {@code .tables[2]}; empty
   *     for the properties object itself
   */
  record Violation(String subPath, String message) {}

  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private final Map<String, Object> compiled = new ConcurrentHashMap<>();

  /** Violations, sorted by place then message. */
  List<Violation> check(Component component, ObjectNode properties) {
    JsonNode instance = properties == null ? JsonNodeFactory.instance.objectNode() : properties;
    Object schema =
        compiled.computeIfAbsent(
            component.getClass().getName() + "/" + component.type(), k -> compile(component));
    if (schema instanceof String brokenSchema) {
      return List.of(new Violation("", brokenSchema));
    }
    List<Violation> violations = new ArrayList<>();
    for (ValidationMessage message : ((JsonSchema) schema).validate(instance)) {
      violations.add(violation(message, instance, component.propertiesSchema()));
    }
    violations.removeIf(v -> isPlaceholderAlternative(v) && hasOtherAt(v, violations));
    violations.sort(Comparator.comparing(Violation::subPath).thenComparing(Violation::message));
    return violations;
  }

  /**
   * Schemas accept a {@code ${VAR}} string wherever a typed value goes (oneOf: the type, or a
   * placeholder). A value that fails both only needs the first reason: the user did not mean a
   * placeholder.
   */
  private static boolean isPlaceholderAlternative(Violation violation) {
    return violation.message().contains("regex pattern ^\\$\\{");
  }

  private static boolean hasOtherAt(Violation violation, List<Violation> all) {
    return all.stream()
        .anyMatch(
            other ->
                other != violation
                    && other.subPath().equals(violation.subPath())
                    && !isPlaceholderAlternative(other));
  }

  private static Object compile(Component component) {
    try {
      return FACTORY.getSchema(component.propertiesSchema());
    } catch (RuntimeException e) {
      return "component '"
          + component.type()
          + "' has an invalid properties schema, report this to its authors: "
          + e.getMessage();
    }
  }

  private static Violation violation(
      ValidationMessage message, JsonNode instance, JsonNode schema) {
    StringBuilder subPath = new StringBuilder();
    JsonNode at = instance;
    JsonNodePath location = message.getInstanceLocation();
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      if (element instanceof Integer index) {
        subPath.append('[').append(index).append(']');
        at = at == null ? null : at.get(index);
      } else {
        subPath.append('.').append(element);
        at = at == null ? null : at.get(element.toString());
      }
    }
    String property = message.getProperty();
    if ("additionalProperties".equals(message.getType()) && property != null) {
      JsonNode known = schemaAt(schema, location).path("properties");
      List<String> names = new ArrayList<>();
      known.properties().forEach(entry -> names.add(entry.getKey()));
      String hint = Suggestions.hint(property, names);
      return new Violation(
          subPath + "." + property,
          "unknown property '"
              + property
              + "'"
              + (!hint.isEmpty()
                  ? hint
                  : names.isEmpty()
                      ? " (it takes no properties here)"
                      : " (known: " + String.join(", ", names) + ")"));
    }
    if (property != null
        && at != null
        && at.has(property)
        && !"required".equals(message.getType())) {
      subPath.append('.').append(property);
    }
    return new Violation(subPath.toString(), text(message));
  }

  /** The sub-schema describing the instance at {@code location}, following plain properties. */
  private static JsonNode schemaAt(JsonNode schema, JsonNodePath location) {
    JsonNode current = schema;
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      current =
          element instanceof Integer
              ? current.path("items")
              : current.path("properties").path(element.toString());
    }
    return current;
  }

  /** The validator's message without its {@code $.x: } prefix: the place is given separately. */
  private static String text(ValidationMessage message) {
    String text = message.getMessage();
    String prefix = message.getInstanceLocation().toString() + ": ";
    return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
  }
}
