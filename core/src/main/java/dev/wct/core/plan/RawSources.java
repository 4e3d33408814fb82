package dev.wct.core.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which artifacts of a plan are raw copies of scanned data: connector outputs, and pass-throughs or
 * reuses whose content is such a copy (a pass-through of raw inputs only, or anything that carries
 * the connectors' {@code standard_input} schema). Analyser outputs are derived data.
 */
public final class RawSources {
  /** The schema connectors write: the scanned content itself. */
  public static final String CONNECTOR_SCHEMA = "standard_input";

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

  private static boolean isRaw(PlannedArtifact artifact, Set<String> rawSoFar) {
    Producer producer = artifact.producer();
    if (producer instanceof Producer.Source) {
      return true;
    }
    if (producer instanceof Producer.Process) {
      return false;
    }
    if (CONNECTOR_SCHEMA.equals(artifact.outputSchema().name())) {
      return true;
    }
    return producer instanceof Producer.PassThrough
        && !artifact.inputs().isEmpty()
        && rawSoFar.containsAll(artifact.inputs());
  }
}
