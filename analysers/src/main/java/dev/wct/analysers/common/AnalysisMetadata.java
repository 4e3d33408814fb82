package dev.wct.analysers.common;

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
}
