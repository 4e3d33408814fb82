package dev.wct.spi.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A message schema, {@code name/version}, such as {@code standard_input/1.0.0}. Serialised as that
 * string.
 */
public record SchemaRef(String name, String version) implements Comparable<SchemaRef> {
  public static final String DEFAULT_VERSION = "1.0.0";
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

  public SchemaRef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid schema name '" + name + "'");
    }
    if (!VERSION.matcher(version).matches()) {
      throw new IllegalArgumentException(
          "invalid schema version '" + version + "' (expected MAJOR.MINOR.PATCH)");
    }
  }

  public static SchemaRef of(String name) {
    return new SchemaRef(name, DEFAULT_VERSION);
  }

  /** Parses {@code name} or {@code name/version}; the version defaults to 1.0.0. */
  @JsonCreator
  public static SchemaRef parse(String text) {
    Objects.requireNonNull(text, "text");
    int slash = text.indexOf('/');
    return slash < 0
        ? of(text)
        : new SchemaRef(text.substring(0, slash), text.substring(slash + 1));
  }

  /** The field of the message content that holds the streamed items. */
  public String itemsField() {
    return name.equals("standard_input") || name.equals("source_code") ? "data" : "findings";
  }

  /** The classpath resource holding this schema's JSON Schema. */
  public String resourcePath() {
    return "schemas/" + name + "/" + version + ".json";
  }

  @JsonValue
  @Override
  public String toString() {
    return name + "/" + version;
  }

  @Override
  public int compareTo(SchemaRef other) {
    return toString().compareTo(other.toString());
  }
}
