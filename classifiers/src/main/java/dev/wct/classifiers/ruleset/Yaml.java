package dev.wct.classifiers.ruleset;

import java.util.List;
import java.util.Objects;

/** Checks for ruleset records, failing with messages that name the YAML key. */
public final class Yaml {
  private Yaml() {}

  /** Returns {@code value}, or fails naming the missing {@code key}. */
  public static <T> T required(T value, String key) {
    if (value == null) {
      throw new IllegalArgumentException("missing required key '" + key + "'");
    }
    return value;
  }

  /** Returns {@code value}, or fails if it is missing or blank. */
  public static String requiredText(String value, String key) {
    if (required(value, key).isBlank()) {
      throw new IllegalArgumentException("'" + key + "' must not be empty");
    }
    return value;
  }

  /**
   * An immutable copy of {@code values}, empty when the key is absent; elements must be present.
   */
  public static <T> List<T> list(List<T> values, String key) {
    if (values == null) {
      return List.of();
    }
    for (T value : values) {
      Objects.requireNonNull(value, () -> "'" + key + "' must not contain empty entries");
    }
    return List.copyOf(values);
  }

  /** Like {@link #list} but the list must have at least one entry. */
  public static <T> List<T> nonEmptyList(List<T> values, String key) {
    List<T> copy = list(required(values, key), key);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("'" + key + "' must list at least one entry");
    }
    return copy;
  }
}
