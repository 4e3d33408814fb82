package dev.wct.classifiers.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.spi.json.Json;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges two findings with the same id: the same category in the same place, read twice (two
 * artifacts over the same file or table, concatenated by a pass-through or given to one
 * classifier). The place was read twice, not two places found, so counts take the larger of the two
 * rather than their sum: each detector's matches, {@code values_examined} and {@code
 * values_matched}; {@code matches} is then the sum over the detectors. Examples are joined without
 * repeats up to the larger of the two lists; the confidence and {@code confidence_score} take the
 * higher; the location keeps the first finding's names and the earlier line.
 */
public final class FindingMerge {
  private static final List<String> CONFIDENCE = List.of("low", "medium", "high");

  private FindingMerge() {}

  /** Merges {@code other} into {@code into}. */
  public static void into(ObjectNode into, JsonNode other) {
    Map<String, ObjectNode> detectors = new LinkedHashMap<>();
    for (JsonNode finding : List.of(into, other)) {
      for (JsonNode detector : finding.path("detectors")) {
        String key = detector.path("kind").asText() + "|" + detector.path("rule").asText();
        ObjectNode existing = detectors.get(key);
        if (existing == null) {
          detectors.put(key, ((ObjectNode) detector).deepCopy());
        } else if (detector.path("matches").asLong() > existing.path("matches").asLong()) {
          existing.put("matches", detector.path("matches").asLong());
        }
      }
    }
    ArrayNode detectorArray = into.putArray("detectors");
    long matches = 0;
    for (ObjectNode detector : detectors.values()) {
      detectorArray.add(detector);
      matches += detector.path("matches").asLong();
    }
    into.put("matches", matches);
    for (String count : List.of("values_examined", "values_matched")) {
      if (other.has(count)) {
        into.put(count, Math.max(into.path(count).asLong(0), other.path(count).asLong()));
      }
    }
    if (other.has("confidence_score")) {
      into.put(
          "confidence_score",
          Math.max(into.path("confidence_score").asInt(0), other.path("confidence_score").asInt()));
    }
    if (CONFIDENCE.indexOf(other.path("confidence").asText())
        > CONFIDENCE.indexOf(into.path("confidence").asText())) {
      into.put("confidence", other.path("confidence").asText());
    }
    mergeExamples(into, other);
    mergeStrings(into, other, "services");
    JsonNode line = other.path("location").path("line");
    if (line.isInt() && into.get("location") instanceof ObjectNode location) {
      JsonNode mine = location.path("line");
      if (!mine.isInt() || line.asInt() < mine.asInt()) {
        location.put("line", line.asInt());
      }
    }
  }

  /** The place a location names, without the artifact that read it or the line. */
  public static String place(JsonNode location) {
    if (!(location instanceof ObjectNode object)) {
      return "";
    }
    ObjectNode place = object.deepCopy();
    place.remove(List.of("source", "line"));
    return place.toString();
  }

  private static void mergeExamples(ObjectNode into, JsonNode other) {
    int cap = Math.max(into.path("examples").size(), other.path("examples").size());
    Set<String> seen = new LinkedHashSet<>();
    ArrayNode examples = Json.mapper().createArrayNode();
    for (JsonNode finding : List.of(into.path("examples").deepCopy(), other.path("examples"))) {
      for (JsonNode example : finding) {
        if (examples.size() < cap && seen.add(example.toString())) {
          examples.add(example.deepCopy());
        }
      }
    }
    into.set("examples", examples);
  }

  private static void mergeStrings(ObjectNode into, JsonNode other, String field) {
    if (!other.has(field)) {
      return;
    }
    Set<String> values = new TreeSet<>();
    into.path(field).forEach(value -> values.add(value.asText()));
    other.path(field).forEach(value -> values.add(value.asText()));
    ArrayNode array = into.putArray(field);
    values.forEach(array::add);
  }
}
