package dev.wct.cli.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.cli.report.inventory.Presentations;
import dev.wct.cli.report.inventory.StoredRun;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactState;
import dev.wct.spi.json.Json;
import dev.wct.store.ArtifactStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which findings artifacts of a run hold unmasked evidence: those whose analyser ran with {@code
 * evidence_redaction: none}, as its {@code analysis_metadata.settings} records. The run summary and
 * the HTML report say so, so that nobody takes such a report for a masked one.
 */
public final class UnmaskedEvidence {
  private UnmaskedEvidence() {}

  /**
   * The ids of the run's findings artifacts whose evidence is not masked, in run order: those an
   * analyser wrote with {@code evidence_redaction: none} and the findings derived from them (a
   * classifier copies the evidence it classifies).
   */
  public static List<String> artifacts(
      ArtifactStore store, StoredRun run, Presentations presentations) {
    Set<String> unmasked = new LinkedHashSet<>();
    for (ArtifactOutcome artifact : run.artifacts()) {
      if (artifact.state() != ArtifactState.SUCCEEDED
          || artifact.output() == null
          || !presentations.isFindings(artifact.output().schema())) {
        continue;
      }
      boolean derived =
          run.planned(artifact.id())
              .map(planned -> planned.inputs().stream().anyMatch(unmasked::contains))
              .orElse(false);
      if (derived || "none".equals(redaction(store, run.run().runId(), artifact.id()))) {
        unmasked.add(artifact.id());
      }
    }
    return List.copyOf(unmasked);
  }

  /** One sentence naming the artifacts, for the run summary and the report. */
  public static String warning(List<String> artifacts) {
    return "Evidence is NOT masked in "
        + String.join(", ", artifacts)
        + " (evidence_redaction: none): its snippets show the scanned values in clear.";
  }

  /** The {@code evidence_redaction} an artifact's analyser recorded, or null. */
  private static String redaction(ArtifactStore store, String runId, String artifactId) {
    try (InputStream in = store.read(runId, artifactId);
        JsonParser parser = Json.mapper().getFactory().createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT || !enter(parser, "content")) {
        return null;
      }
      if (parser.currentToken() != JsonToken.START_OBJECT || !enter(parser, "analysis_metadata")) {
        return null;
      }
      JsonNode metadata = parser.readValueAsTree();
      JsonNode value =
          metadata == null ? null : metadata.path("settings").get("evidence_redaction");
      return value == null ? null : value.asText();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read artifact '" + artifactId + "' of run " + runId, e);
    }
  }

  /** Moves the parser, inside an object, onto the value of {@code field}; false if absent. */
  private static boolean enter(JsonParser parser, String field) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      boolean found = parser.currentName().equals(field);
      parser.nextToken();
      if (found) {
        return true;
      }
      parser.skipChildren();
    }
    return false;
  }
}
