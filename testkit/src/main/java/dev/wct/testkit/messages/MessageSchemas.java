package dev.wct.testkit.messages;

import dev.wct.spi.message.SchemaRef;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.wct.spi.error.WctException;
import dev.wct.spi.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The JSON Schemas of message content, loaded from the class path at {@link
 * SchemaRef#resourcePath()} (so a component jar can ship its own), and validation against them.
 * Thread-safe; schemas are loaded once.
 */
public final class MessageSchemas {
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final MessageSchemas BUILT_IN =
      new MessageSchemas(MessageSchemas.class.getClassLoader());

  private final ClassLoader loader;
  private final ConcurrentMap<SchemaRef, Optional<JsonSchema>> cache = new ConcurrentHashMap<>();
  private final ConcurrentMap<SchemaRef, JsonSchema> itemSchemas = new ConcurrentHashMap<>();

  public MessageSchemas(ClassLoader loader) {
    this.loader = Objects.requireNonNull(loader, "loader");
  }

  /** The schemas shipped with wct and any on wct-core's class path. */
  public static MessageSchemas builtIn() {
    return BUILT_IN;
  }

  /** True if a JSON Schema for {@code schema} is on the class path. */
  public boolean isKnown(SchemaRef schema) {
    return load(schema).isPresent();
  }

  /** The JSON Schema document for {@code schema}, if one is on the class path. */
  public Optional<JsonNode> document(SchemaRef schema) {
    return load(schema).map(JsonSchema::getSchemaNode);
  }

  /**
   * Validates a whole message {@code content} against the schema of {@code schema}.
   *
   * @return one line per violation, each naming the place (e.g. {@code $.findings[0].id: ...}), in
   *     a stable order; empty when the content is valid
   * @throws WctException (user error) if no JSON Schema is known for {@code schema}
   */
  public List<String> validate(SchemaRef schema, JsonNode content) {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(content, "content");
    return messages(known(schema).validate(content));
  }

  /**
   * Validates one item of the content's items array ({@link SchemaRef#itemsField()}) on its own, so
   * that a stream can be checked item by item in bounded memory; the other content fields can then
   * be checked by {@link #validate} with an empty items array.
   *
   * @return one line per violation, places relative to the item ({@code $.metadata: ...})
   * @throws WctException (user error) if no JSON Schema is known for {@code schema}
   */
  public List<String> validateItem(SchemaRef schema, JsonNode item) {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(item, "item");
    return messages(itemSchemas.computeIfAbsent(schema, this::itemSchema).validate(item));
  }

  private JsonSchema itemSchema(SchemaRef schema) {
    JsonNode root = known(schema).getSchemaNode();
    ObjectNode wrapper = Json.mapper().createObjectNode();
    wrapper.set("$schema", root.get("$schema"));
    if (root.has("$defs")) {
      wrapper.set("$defs", root.get("$defs"));
    }
    JsonNode items = root.path("properties").path(schema.itemsField()).path("items");
    wrapper.putArray("allOf").add(items.isMissingNode() ? Json.mapper().createObjectNode() : items);
    return FACTORY.getSchema(wrapper);
  }

  private JsonSchema known(SchemaRef schema) {
    return load(schema)
        .orElseThrow(
            () ->
                WctException.user(
                    "unknown message schema '"
                        + schema
                        + "' (no "
                        + schema.resourcePath()
                        + " on the class path)"));
  }

  private static List<String> messages(Set<ValidationMessage> violations) {
    return violations.stream().map(ValidationMessage::getMessage).sorted().distinct().toList();
  }

  private Optional<JsonSchema> load(SchemaRef schema) {
    return cache.computeIfAbsent(schema, this::read);
  }

  private Optional<JsonSchema> read(SchemaRef schema) {
    try (InputStream in = loader.getResourceAsStream(schema.resourcePath())) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(FACTORY.getSchema(Json.mapper().readTree(in)));
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable schema " + schema.resourcePath(), e);
    }
  }
}
