package dev.wct.spi.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.wct.spi.error.WctException;
import dev.wct.spi.text.Suggestions;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A component's property contract, read from one record whose components carry {@link Property}:
 * the JSON Schema (draft 2020-12) the planner checks at plan time, and the binding of resolved
 * properties into the record at run time, with one error format: {@code <where>: property '<name>'
 * <problem>}.
 *
 * <p>The keyword {@value #PLACEHOLDER_KEYWORD}{@code : true} marks a schema that accepts a {@code
 * ${VAR}} placeholder where a typed value goes. A property whose type a placeholder would not
 * satisfy (a number, a boolean, a choice) is an {@code anyOf} of its type and a marked placeholder
 * alternative; a string with a pattern is marked itself, its pattern allowing either. Validators
 * that do not know the keyword ignore it; the planner uses it to report a wrong value once, not
 * once per alternative, and the docs to say "or ${VAR}".
 *
 * <p>A small reflective generator rather than a schema-generation library: the schema needs the
 * placeholder alternatives, enum ids, defaults from annotations, flattened groups and inline (never
 * {@code $ref}) nested objects, and the run-time binding needs the same model; a library would
 * generate one half and still need the other written here.
 *
 * @param <R> the properties record
 */
public final class PropertiesContract<R extends Record> {
  /** The keyword marking a schema as the "a ${VAR} placeholder" alternative of a property. */
  public static final String PLACEHOLDER_KEYWORD = "x-wct-placeholder";

  /** A string that is one placeholder, e.g. {@code ${DB_PORT}} or {@code ${DB_PORT:-3306}}. */
  public static final String PLACEHOLDER_PATTERN = "^\\$\\{.+\\}$";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Class<R> type;
  private final Map<String, String> defaults;
  private final Map<String, String> descriptions;
  private final List<Spec> specs;
  private final ObjectNode schema;

  private PropertiesContract(
      Class<R> type, Map<String, String> defaults, Map<String, String> descriptions) {
    this.type = type;
    this.defaults = Map.copyOf(defaults);
    this.descriptions = Map.copyOf(descriptions);
    this.specs = specs(type);
    this.schema = buildSchema();
  }

  /** The contract of {@code type}; checks the annotations now, so a mistake fails at startup. */
  public static <R extends Record> PropertiesContract<R> of(Class<R> type) {
    return new PropertiesContract<>(Objects.requireNonNull(type, "type"), Map.of(), Map.of());
  }

  /**
   * The same contract with another default for every property called {@code name}, for records
   * shared by components that differ in a default (a ruleset, a port).
   */
  public PropertiesContract<R> withDefault(String name, String defaultValue) {
    Map<String, String> changed = new LinkedHashMap<>(defaults);
    changed.put(
        Objects.requireNonNull(name, "name"), Objects.requireNonNull(defaultValue, "value"));
    requireDeclared(name);
    return new PropertiesContract<>(type, changed, descriptions);
  }

  /** The same contract with another description for every property called {@code name}. */
  public PropertiesContract<R> withDescription(String name, String description) {
    Map<String, String> changed = new LinkedHashMap<>(descriptions);
    changed.put(
        Objects.requireNonNull(name, "name"), Objects.requireNonNull(description, "description"));
    requireDeclared(name);
    return new PropertiesContract<>(type, defaults, changed);
  }

  /** The JSON Schema of the properties (a fresh copy). */
  public ObjectNode schema() {
    return schema.deepCopy();
  }

  /**
   * Binds resolved properties into the record, defaults applied. A number or boolean may arrive as
   * text (a resolved placeholder is text): {@code "5"} is read as 5.
   *
   * @param where names the producer in errors, e.g. {@code artifact 'pii' (personal_data)}
   * @throws WctException a user error naming the property
   */
  public R bind(String where, JsonNode properties) {
    ObjectNode object;
    if (properties == null || properties.isNull() || properties.isMissingNode()) {
      object = NODES.objectNode();
    } else if (properties instanceof ObjectNode given) {
      object = given;
    } else {
      throw WctException.user(where + ": properties must be a mapping");
    }
    return type.cast(bindRecord(where, "", type, specs, object));
  }

  /**
   * A user error about one property in the binding's format, for checks a schema cannot state (a
   * known character encoding, an existing file): {@code <where>: property '<name>' <problem>}.
   */
  public static WctException invalid(String where, String name, String problem) {
    return WctException.user(where + ": property '" + name + "' " + problem);
  }

  /** The bound values as properties (secrets left out), e.g. for a result's metadata. */
  public ObjectNode toJson(R value) {
    return recordJson(specs, value);
  }

  // ---------------------------------------------------------------- model

  private enum Kind {
    STRING,
    OPTIONAL_STRING,
    INT,
    LONG,
    BOOLEAN,
    ENUM,
    STRING_LIST,
    RECORD
  }

  private record Spec(
      String name, RecordComponent component, Property property, Kind kind, List<Spec> nested) {
    boolean grouped() {
      return property.flatten() && !Property.NONE.equals(property.alsoUnder());
    }
  }

  private static List<Spec> specs(Class<?> recordType) {
    if (!recordType.isRecord()) {
      throw new IllegalArgumentException(recordType.getName() + " is not a record");
    }
    List<Spec> specs = new ArrayList<>();
    for (RecordComponent component : recordType.getRecordComponents()) {
      Property property = component.getAnnotation(Property.class);
      String where = recordType.getSimpleName() + "." + component.getName();
      if (property == null) {
        throw new IllegalArgumentException(where + " has no @Property");
      }
      Kind kind = kind(where, component);
      String name =
          Property.NONE.equals(property.name()) ? snakeCase(component.getName()) : property.name();
      List<Spec> nested = kind == Kind.RECORD ? specs(component.getType()) : List.of();
      if (property.flatten() && kind != Kind.RECORD) {
        throw new IllegalArgumentException(where + ": only a record can be flattened");
      }
      specs.add(new Spec(name, component, property, kind, nested));
    }
    return List.copyOf(specs);
  }

  private static Kind kind(String where, RecordComponent component) {
    Class<?> raw = component.getType();
    if (raw == String.class) {
      return Kind.STRING;
    } else if (raw == int.class || raw == Integer.class) {
      return Kind.INT;
    } else if (raw == long.class || raw == Long.class) {
      return Kind.LONG;
    } else if (raw == boolean.class || raw == Boolean.class) {
      return Kind.BOOLEAN;
    } else if (raw.isEnum()) {
      return Kind.ENUM;
    } else if (raw.isRecord()) {
      return Kind.RECORD;
    } else if ((raw == List.class || raw == Optional.class)
        && elementType(component) == String.class) {
      return raw == List.class ? Kind.STRING_LIST : Kind.OPTIONAL_STRING;
    }
    throw new IllegalArgumentException(where + " has an unsupported type " + component.getType());
  }

  private static Type elementType(RecordComponent component) {
    return component.getGenericType() instanceof ParameterizedType parameterized
        ? parameterized.getActualTypeArguments()[0]
        : Object.class;
  }

  private static String snakeCase(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  private void requireDeclared(String name) {
    if (!declares(specs, name)) {
      throw new IllegalArgumentException(type.getSimpleName() + " has no property '" + name + "'");
    }
  }

  private static boolean declares(List<Spec> specs, String name) {
    return specs.stream().anyMatch(s -> s.name().equals(name) || declares(s.nested(), name));
  }

  private String description(Spec spec) {
    return descriptions.getOrDefault(spec.name(), spec.property().description());
  }

  private Optional<String> defaultText(Spec spec) {
    String text = defaults.getOrDefault(spec.name(), spec.property().defaultValue());
    return Property.NONE.equals(text) ? Optional.empty() : Optional.of(text);
  }

  // ---------------------------------------------------------------- schema

  private ObjectNode buildSchema() {
    ObjectNode root = NODES.objectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.setAll(objectSchema(specs));
    return root;
  }

  private ObjectNode objectSchema(List<Spec> specs) {
    ObjectNode object = NODES.objectNode().put("type", "object");
    ObjectNode properties = object.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    for (Spec spec : specs) {
      if (spec.property().flatten()) {
        ObjectNode nested = objectSchema(spec.nested());
        properties.setAll((ObjectNode) nested.get("properties"));
        if (spec.grouped()) {
          ObjectNode group = NODES.objectNode().put("description", description(spec));
          group.setAll(nested);
          group.remove("required");
          properties.set(spec.property().alsoUnder(), group);
        } else if (nested.has("required")) {
          required.addAll((ArrayNode) nested.get("required"));
        }
        continue;
      }
      properties.set(spec.name(), propertySchema(spec));
      if (spec.property().required()) {
        required.add(spec.name());
      }
    }
    if (!required.isEmpty()) {
      object.set("required", required);
    }
    object.put("additionalProperties", false);
    return object;
  }

  private ObjectNode propertySchema(Spec spec) {
    Property property = spec.property();
    ObjectNode result = NODES.objectNode().put("description", description(spec));
    defaultText(spec).ifPresent(text -> result.set("default", json(spec, value(spec, text))));
    if (property.secret()) {
      result.put("writeOnly", true);
    }
    ObjectNode base = NODES.objectNode();
    boolean placeholderFits = false;
    switch (spec.kind()) {
      case STRING, OPTIONAL_STRING -> {
        base.put("type", "string");
        if (!Property.NONE.equals(property.pattern()) && property.placeholder()) {
          // One pattern, so that a wrong value is one violation: the value, or a placeholder.
          placeholderFits = true;
          base.put(
              "pattern",
              "^(?:" + bare(property.pattern()) + "|" + bare(PLACEHOLDER_PATTERN) + ")$");
          base.put(PLACEHOLDER_KEYWORD, true);
        } else if (!Property.NONE.equals(property.pattern())) {
          base.put("pattern", anchored(property.pattern()));
        } else {
          placeholderFits = true;
          if (defaultText(spec).isEmpty() && !property.secret()) {
            base.put("minLength", 1);
          }
        }
      }
      case INT, LONG -> {
        base.put("type", "integer");
        if (property.minimum() != Long.MIN_VALUE) {
          base.put("minimum", property.minimum());
        }
        if (property.maximum() != Long.MAX_VALUE) {
          base.put("maximum", property.maximum());
        }
      }
      case BOOLEAN -> base.put("type", "boolean");
      case ENUM -> {
        ArrayNode values = base.putArray("enum");
        for (Object constant : spec.component().getType().getEnumConstants()) {
          values.add(id((Enum<?>) constant));
        }
      }
      case STRING_LIST -> {
        placeholderFits = true;
        base.put("type", "array");
        base.putObject("items").put("type", "string").put("minLength", 1);
        if (property.minimum() != Long.MIN_VALUE) {
          base.put("minItems", property.minimum());
        }
        if (property.maximum() != Long.MAX_VALUE) {
          base.put("maxItems", property.maximum());
        }
      }
      case RECORD -> {
        placeholderFits = true;
        base.setAll(objectSchema(spec.nested()));
      }
    }
    if (property.placeholder() && !placeholderFits) {
      ArrayNode anyOf = result.putArray("anyOf");
      anyOf.add(base);
      anyOf.add(placeholderSchema());
    } else {
      result.setAll(base);
    }
    return result;
  }

  /** The schema of the "a placeholder" alternative. */
  public static ObjectNode placeholderSchema() {
    ObjectNode placeholder = NODES.objectNode();
    placeholder.put("type", "string");
    placeholder.put("pattern", PLACEHOLDER_PATTERN);
    placeholder.put(PLACEHOLDER_KEYWORD, true);
    return placeholder;
  }

  private static String bare(String pattern) {
    String start = pattern.startsWith("^") ? pattern.substring(1) : pattern;
    return start.endsWith("$") ? start.substring(0, start.length() - 1) : start;
  }

  private static String anchored(String pattern) {
    return (pattern.startsWith("^") ? "" : "^") + pattern + (pattern.endsWith("$") ? "" : "$");
  }

  private static String id(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  // ---------------------------------------------------------------- binding

  /** Thrown by conversions; {@link #bindRecord} adds where and the property name. */
  private static final class Invalid extends RuntimeException {
    Invalid(String problem) {
      super(problem, null, false, false);
    }
  }

  private Object bindRecord(
      String where, String prefix, Class<?> recordType, List<Spec> specs, ObjectNode object) {
    return bindRecord(where, prefix, recordType, specs, object, Map.of());
  }

  /**
   * @param shownAs names to show in errors for values taken from a group, by key
   */
  private Object bindRecord(
      String where,
      String prefix,
      Class<?> recordType,
      List<Spec> specs,
      ObjectNode object,
      Map<String, String> shownAs) {
    rejectUnknown(where, prefix, specs, object);
    Object[] arguments = new Object[specs.size()];
    for (int i = 0; i < specs.size(); i++) {
      Spec spec = specs.get(i);
      if (spec.property().flatten()) {
        Map<String, String> names = new LinkedHashMap<>();
        ObjectNode values = gather(where, prefix, spec, object, names);
        arguments[i] =
            bindRecord(where, prefix, spec.component().getType(), spec.nested(), values, names);
        continue;
      }
      String name = shownAs.getOrDefault(spec.name(), prefix + spec.name());
      JsonNode given = object.get(spec.name());
      try {
        arguments[i] = bindValue(where, name, spec, given);
      } catch (Invalid e) {
        throw WctException.user(where + ": property '" + name + "' " + e.getMessage());
      }
    }
    try {
      Constructor<?> constructor =
          recordType.getDeclaredConstructor(
              specs.stream().map(s -> s.component().getType()).toArray(Class<?>[]::new));
      constructor.setAccessible(true);
      return constructor.newInstance(arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof WctException wct) {
        throw wct;
      }
      if (e.getCause() instanceof IllegalArgumentException bad) {
        throw WctException.user(where + ": " + bad.getMessage());
      }
      throw new IllegalStateException("cannot create " + recordType.getName(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + recordType.getName(), e);
    }
  }

  /** A flattened group's values: from this level, or from its group, not from both. */
  private ObjectNode gather(
      String where, String prefix, Spec spec, ObjectNode object, Map<String, String> shownAs) {
    ObjectNode values = NODES.objectNode();
    for (Spec nested : spec.nested()) {
      if (object.has(nested.name())) {
        values.set(nested.name(), object.get(nested.name()));
      }
    }
    if (!spec.grouped()) {
      return values;
    }
    String group = spec.property().alsoUnder();
    JsonNode grouped = object.get(group);
    if (grouped == null || grouped.isNull()) {
      return values;
    }
    if (!(grouped instanceof ObjectNode groupObject)) {
      throw WctException.user(where + ": property '" + prefix + group + "' must be a mapping");
    }
    rejectUnknown(where, prefix + group + ".", spec.nested(), groupObject);
    for (Map.Entry<String, JsonNode> entry : groupObject.properties()) {
      if (values.has(entry.getKey())) {
        throw WctException.user(
            where
                + ": property '"
                + prefix
                + entry.getKey()
                + "' is set both at the top level and in "
                + group);
      }
      values.set(entry.getKey(), entry.getValue());
      shownAs.put(entry.getKey(), prefix + group + "." + entry.getKey());
    }
    return values;
  }

  private static void rejectUnknown(
      String where, String prefix, List<Spec> specs, ObjectNode object) {
    List<String> known = new ArrayList<>();
    collectNames(specs, known);
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      if (!known.contains(entry.getKey())) {
        String hint = Suggestions.hint(entry.getKey(), known);
        throw WctException.user(
            where
                + ": unknown property '"
                + prefix
                + entry.getKey()
                + "'"
                + (!hint.isEmpty()
                    ? hint
                    : known.isEmpty()
                        ? " (it takes no properties)"
                        : " (known: " + String.join(", ", known) + ")"));
      }
    }
  }

  private static void collectNames(List<Spec> specs, List<String> names) {
    for (Spec spec : specs) {
      if (spec.property().flatten()) {
        collectNames(spec.nested(), names);
        if (spec.grouped()) {
          names.add(spec.property().alsoUnder());
        }
      } else {
        names.add(spec.name());
      }
    }
  }

  private Object bindValue(String where, String name, Spec spec, JsonNode given) {
    boolean absent =
        given == null
            || given.isNull()
            || (given.isTextual() && given.asText().isBlank() && !spec.property().secret());
    if (absent) {
      if (spec.kind() == Kind.RECORD) {
        return bindRecord(
            where, name + ".", spec.component().getType(), spec.nested(), NODES.objectNode());
      }
      Optional<String> fallback = defaultText(spec);
      if (fallback.isPresent()) {
        return value(spec, fallback.get());
      }
      if (spec.property().required()) {
        throw new Invalid("is required");
      }
      if (spec.component().getType().isPrimitive()) {
        throw new IllegalStateException(
            type.getSimpleName() + ": property '" + spec.name() + "' needs a default");
      }
      return switch (spec.kind()) {
        case OPTIONAL_STRING -> Optional.empty();
        case STRING_LIST -> List.of();
        default -> null;
      };
    }
    if (spec.kind() == Kind.RECORD) {
      if (!(given instanceof ObjectNode object)) {
        throw new Invalid("must be a mapping, got " + describe(given, false));
      }
      return bindRecord(where, name + ".", spec.component().getType(), spec.nested(), object);
    }
    return convert(spec, given);
  }

  /** The value of a default written as text. */
  private Object value(Spec spec, String text) {
    if (spec.kind() == Kind.STRING_LIST) {
      List<String> items = new ArrayList<>();
      for (String item : text.split(",")) {
        items.add(item.strip());
      }
      return List.copyOf(items);
    }
    try {
      return convert(spec, TextNode.valueOf(text));
    } catch (Invalid e) {
      throw new IllegalArgumentException("default of '" + spec.name() + "' " + e.getMessage(), e);
    }
  }

  private static Object convert(Spec spec, JsonNode given) {
    Property property = spec.property();
    boolean secret = property.secret();
    return switch (spec.kind()) {
      case STRING, OPTIONAL_STRING -> {
        if (!given.isValueNode()) {
          throw new Invalid("must be a string, got " + describe(given, secret));
        }
        String text = secret ? given.asText() : given.asText().strip();
        if (!Property.NONE.equals(property.pattern())
            && !Pattern.compile(anchored(property.pattern())).matcher(text).matches()) {
          String expected =
              Property.NONE.equals(property.format())
                  ? "match " + property.pattern()
                  : "be " + property.format();
          throw new Invalid("must " + expected + ", got " + describe(given, secret));
        }
        yield spec.kind() == Kind.OPTIONAL_STRING ? Optional.of(text) : text;
      }
      case INT, LONG -> {
        long number;
        if (given.isIntegralNumber() && given.canConvertToLong()) {
          number = given.asLong();
        } else if (given.isTextual() && given.asText().strip().matches("[+-]?\\d{1,18}")) {
          number = Long.parseLong(given.asText().strip());
        } else {
          throw new Invalid("must be a whole number, got " + describe(given, secret));
        }
        long max =
            spec.kind() == Kind.INT
                ? Math.min(property.maximum(), Integer.MAX_VALUE)
                : property.maximum();
        long min =
            spec.kind() == Kind.INT
                ? Math.max(property.minimum(), Integer.MIN_VALUE)
                : property.minimum();
        if (number < min) {
          throw new Invalid("must be at least " + min + ", got " + number);
        }
        if (number > max) {
          throw new Invalid("must be at most " + max + ", got " + number);
        }
        yield spec.kind() == Kind.INT ? (Object) (int) number : (Object) number;
      }
      case BOOLEAN -> {
        if (given.isBoolean()) {
          yield given.asBoolean();
        }
        String text = given.isTextual() ? given.asText().strip().toLowerCase(Locale.ROOT) : "";
        if (text.equals("true") || text.equals("false")) {
          yield Boolean.parseBoolean(text);
        }
        throw new Invalid("must be true or false, got " + describe(given, secret));
      }
      case ENUM -> {
        Object[] constants = spec.component().getType().getEnumConstants();
        String text = given.isValueNode() ? given.asText().strip() : null;
        List<String> ids = new ArrayList<>();
        for (Object constant : constants) {
          String id = id((Enum<?>) constant);
          if (id.equalsIgnoreCase(text)) {
            yield constant;
          }
          ids.add(id);
        }
        throw new Invalid(
            "must be one of " + String.join(", ", ids) + ", got " + describe(given, secret));
      }
      case STRING_LIST -> {
        List<String> items = new ArrayList<>();
        if (given.isTextual()) {
          items.add(given.asText().strip());
        } else if (given.isArray()) {
          for (JsonNode element : given) {
            if (!element.isTextual()) {
              throw new Invalid("must be a list of strings");
            }
            items.add(element.asText().strip());
          }
        } else {
          throw new Invalid("must be a list of strings");
        }
        if (items.stream().anyMatch(String::isEmpty)) {
          throw new Invalid("must not contain blank entries");
        }
        if (items.size() < property.minimum()) {
          throw new Invalid("must have at least " + property.minimum() + " entries");
        }
        if (items.size() > property.maximum()) {
          throw new Invalid("must have at most " + property.maximum() + " entries");
        }
        yield List.copyOf(items);
      }
      case RECORD -> throw new IllegalStateException("records are bound by bindRecord");
    };
  }

  /** A value for an error message; a secret's value is never shown. */
  private static String describe(JsonNode value, boolean secret) {
    if (value.isArray()) {
      return "a list";
    }
    if (value.isObject()) {
      return "a mapping";
    }
    if (secret) {
      return "a " + value.getNodeType().name().toLowerCase(Locale.ROOT);
    }
    return value.isTextual() ? "'" + value.asText() + "'" : value.asText();
  }

  // ---------------------------------------------------------------- to JSON

  private ObjectNode recordJson(List<Spec> specs, Object record) {
    ObjectNode json = NODES.objectNode();
    for (Spec spec : specs) {
      Object value;
      try {
        value = spec.component().getAccessor().invoke(record);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + spec.component(), e);
      }
      if (spec.property().flatten()) {
        json.setAll(recordJson(spec.nested(), value));
      } else if (spec.kind() == Kind.RECORD) {
        json.set(spec.name(), recordJson(spec.nested(), value));
      } else if (!spec.property().secret()) {
        JsonNode node = json(spec, value);
        if (node != null) {
          json.set(spec.name(), node);
        }
      }
    }
    return json;
  }

  private static JsonNode json(Spec spec, Object value) {
    if (value instanceof Optional<?> optional) {
      return optional.map(v -> (JsonNode) TextNode.valueOf(v.toString())).orElse(null);
    }
    if (value == null) {
      return null;
    }
    return switch (spec.kind()) {
      case INT -> NODES.numberNode((Integer) value);
      case LONG -> NODES.numberNode((Long) value);
      case BOOLEAN -> NODES.booleanNode((Boolean) value);
      case ENUM -> TextNode.valueOf(id((Enum<?>) value));
      case STRING_LIST -> {
        ArrayNode array = NODES.arrayNode();
        ((List<?>) value).forEach(item -> array.add(item.toString()));
        yield array;
      }
      default -> TextNode.valueOf(value.toString());
    };
  }
}
