package dev.wct.classifiers.datasubject;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Arrays;
import java.util.Locale;

/** How much care processing a data subject's data calls for, in increasing order. */
public enum RiskLevel {
  STANDARD,
  ELEVATED,
  HIGH;

  /** The ruleset and message name, e.g. {@code elevated}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static RiskLevel fromKey(String key) {
    return Arrays.stream(values())
        .filter(level -> level.key().equals(key))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown risk level '" + key + "' (known: standard, elevated, high)"));
  }

  public RiskLevel max(RiskLevel other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
