package dev.wct.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which artifacts of a plan are raw copies of scanned data: connector outputs, pass-throughs or
 * reuses whose content is such a copy (a pass-through of raw inputs only, or anything that carries
 * the connectors' {@code standard_input} schema), and {@code source_code} artifacts that copy each
 * file's content ({@code include_content}, on unless set to false). Other analyser outputs are
 * derived data.
 */
public final class RawSources {
  /** The schema connectors write: the scanned content itself. */
  public static final String CONNECTOR_SCHEMA = "standard_input";

  /** The schema of code units, which hold each file's content unless told not to. */
  public static final String SOURCE_CODE_SCHEMA = "source_code";

  private RawSources() {}

  /** The ids of the plan's raw artifacts, in plan order. */
  public static List<String> of(ExecutionPlan plan) {
    Set<String> raw = new HashSet<>();
    List<String> ids = new ArrayList<>();
    for (PlannedArtifact artifact : plan.artifacts()) {
      if (isRaw(artifact, raw)) {
        raw.add(artifact.id());
        ids.add(artifact.id());
      }
    }
    return List.copyOf(ids);
  }

  /**
   * Whether an artifact is raw by itself: a connector output, or a copy that carries the
   * connectors' schema. (A pass-through is also raw when all its inputs are: see {@link #of}.)
   */
  public static boolean isRaw(PlannedArtifact artifact) {
    Producer producer = artifact.producer();
    if (producer instanceof Producer.Source) {
      return true;
    }
    String schema = artifact.outputSchema().name();
    if (producer instanceof Producer.Process process) {
      return SOURCE_CODE_SCHEMA.equals(schema) && copiesContent(process);
    }
    return CONNECTOR_SCHEMA.equals(schema) || SOURCE_CODE_SCHEMA.equals(schema);
  }

  /** True unless {@code include_content} is literally false (a placeholder counts as true). */
  private static boolean copiesContent(Producer.Process process) {
    JsonNode include =
        process.properties() == null ? null : process.properties().get("include_content");
    return include == null || !"false".equalsIgnoreCase(include.asText().trim());
  }

  private static boolean isRaw(PlannedArtifact artifact, Set<String> rawSoFar) {
    if (isRaw(artifact)) {
      return true;
    }
    Producer producer = artifact.producer();
    return producer instanceof Producer.PassThrough
        && !artifact.inputs().isEmpty()
        && rawSoFar.containsAll(artifact.inputs());
  }
}
