package dev.wct.analysers.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.analysers.ruleset.Ruleset;
import java.time.Duration;
import java.time.Instant;

/** Builds the {@code analysis_metadata} field every detection analyser writes last. */
public final class AnalysisMetadata {
  private AnalysisMetadata() {}

  public static ObjectNode of(
      String analyser,
      Ruleset ruleset,
      ObjectNode settings,
      ItemStream.Totals totals,
      Instant started,
      Instant finished) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("analyser", analyser);
    json.put("ruleset", ruleset.reference());
    json.put("ruleset_version", ruleset.version());
    json.set("settings", settings);
    json.put("items_scanned", totals.items());
    json.put("characters_scanned", totals.characters());
    json.put("started_at", started.toString());
    json.put("duration_ms", Duration.between(started, finished).toMillis());
    return json;
  }

  /**
   * Adds a partition's {@code analysis_metadata} to {@code total} (null before the first): the
   * first partition's fields, with the items and characters scanned and the analysis time summed.
   */
  public static ObjectNode add(ObjectNode total, JsonNode partition) {
    if (total == null) {
      return partition.isObject()
          ? (ObjectNode) partition.deepCopy()
          : JsonNodeFactory.instance.objectNode();
    }
    for (String field : new String[] {"items_scanned", "characters_scanned", "duration_ms"}) {
      total.put(field, total.path(field).asLong() + partition.path(field).asLong());
    }
    return total;
  }
}
