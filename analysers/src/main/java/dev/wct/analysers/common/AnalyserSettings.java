package dev.wct.analysers.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.spi.error.WctException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The runbook properties shared by the detection analysers: {@code ruleset}, {@code
 * evidence_context_size}, {@code maximum_evidence_count} and {@code evidence_redaction}, at the top
 * level or nested under {@code pattern_matching}, plus analyser-specific extras. Values may be
 * strings (resolved placeholders): {@code "5"} is read as 5.
 *
 * @param ruleset the ruleset reference
 * @param evidence evidence settings
 * @param extras other recognised properties, by name
 */
public record AnalyserSettings(
    String ruleset, EvidenceSettings evidence, Map<String, String> extras) {
  private static final Set<String> COMMON =
      Set.of("ruleset", "evidence_context_size", "maximum_evidence_count", "evidence_redaction");
  private static final String NESTED = "pattern_matching";

  public AnalyserSettings {
    Objects.requireNonNull(ruleset, "ruleset");
    Objects.requireNonNull(evidence, "evidence");
    extras = java.util.Collections.unmodifiableMap(new TreeMap<>(extras));
  }

  /**
   * Reads and checks the properties.
   *
   * @param where names the artifact and analyser in error messages
   * @param extraDefaults analyser-specific properties and their defaults
   */
  public static AnalyserSettings parse(
      String where, JsonNode properties, String defaultRuleset, Map<String, String> extraDefaults) {
    Map<String, JsonNode> values = new TreeMap<>();
    if (properties != null && !properties.isNull() && !properties.isMissingNode()) {
      if (!properties.isObject()) {
        throw WctException.user(where + ": properties must be a mapping");
      }
      collect(where, "", properties, values, extraDefaults.keySet(), true);
    }
    String ruleset = text(values, "ruleset", defaultRuleset);
    String size =
        text(values, "evidence_context_size", EvidenceSettings.DEFAULTS.contextSize().id());
    String redaction =
        text(values, "evidence_redaction", EvidenceSettings.DEFAULTS.redaction().id());
    String count =
        text(
            values,
            "maximum_evidence_count",
            String.valueOf(EvidenceSettings.DEFAULTS.maximumEvidenceCount()));
    EvidenceSettings evidence =
        new EvidenceSettings(
            choice(where, "evidence_context_size", size, EvidenceSettings.ContextSize.class),
            count(where, count),
            choice(where, "evidence_redaction", redaction, EvidenceSettings.Redaction.class));
    Map<String, String> extras = new TreeMap<>(extraDefaults);
    extraDefaults
        .keySet()
        .forEach(key -> extras.put(key, text(values, key, extraDefaults.get(key))));
    return new AnalyserSettings(ruleset, evidence, extras);
  }

  private static void collect(
      String where,
      String prefix,
      JsonNode node,
      Map<String, JsonNode> values,
      Set<String> extras,
      boolean topLevel) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String key = entry.getKey();
      if (topLevel && key.equals(NESTED) && entry.getValue().isObject()) {
        collect(where, NESTED + ".", entry.getValue(), values, extras, false);
      } else if (COMMON.contains(key) || (topLevel && extras.contains(key))) {
        if (values.put(key, entry.getValue()) != null) {
          throw WctException.user(
              where + ": property '" + key + "' is set both at the top level and in " + NESTED);
        }
      } else {
        TreeSet<String> known = new TreeSet<>(COMMON);
        if (topLevel) {
          known.addAll(extras);
          known.add(NESTED);
        }
        throw WctException.user(
            where
                + ": unknown property '"
                + prefix
                + key
                + "' (known: "
                + String.join(", ", known)
                + ")");
      }
    }
  }

  private static String text(Map<String, JsonNode> values, String key, String fallback) {
    JsonNode value = values.get(key);
    return value == null || value.isNull() ? fallback : value.asText();
  }

  private static int count(String where, String value) {
    try {
      int count = Integer.parseInt(value.trim());
      if (count >= 0) {
        return count;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw WctException.user(
        where + ": maximum_evidence_count must be a whole number >= 0, not '" + value + "'");
  }

  private static <E extends Enum<E>> E choice(
      String where, String key, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      StringBuilder allowed = new StringBuilder();
      for (E constant : type.getEnumConstants()) {
        allowed
            .append(allowed.length() == 0 ? "" : ", ")
            .append(constant.name().toLowerCase(Locale.ROOT));
      }
      throw WctException.user(
          where + ": " + key + " must be one of " + allowed + ", not '" + value + "'");
    }
  }

  /** The settings as reported in {@code analysis_metadata.settings}. */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("ruleset", ruleset);
    json.put("evidence_context_size", evidence.contextSize().id());
    json.put("maximum_evidence_count", evidence.maximumEvidenceCount());
    json.put("evidence_redaction", evidence.redaction().id());
    extras.forEach(json::put);
    return json;
  }
}
