package dev.wct.core.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A validated runbook, ready to run: immutable, serialisable as JSON, and small enough to travel as
 * a Temporal workflow input.
 *
 * @param runbook where it came from
 * @param settings run-wide settings
 * @param artifacts every artifact, in topological order with ties broken by id
 * @param levels artifact ids by DAG depth (level 0: no inputs), each level sorted by id
 * @param criticalPath the longest dependency chain, by artifact count, first to last
 * @param contentHash SHA-256 of the plan's canonical JSON without this field
 */
public record ExecutionPlan(
    RunbookInfo runbook,
    RunSettings settings,
    List<PlannedArtifact> artifacts,
    List<List<String>> levels,
    List<String> criticalPath,
    String contentHash) {
  public ExecutionPlan {
    Objects.requireNonNull(runbook, "runbook");
    Objects.requireNonNull(settings, "settings");
    artifacts = List.copyOf(Objects.requireNonNull(artifacts, "artifacts"));
    levels = Objects.requireNonNull(levels, "levels").stream().map(List::copyOf).toList();
    criticalPath = List.copyOf(Objects.requireNonNull(criticalPath, "criticalPath"));
  }

  public Optional<PlannedArtifact> artifact(String id) {
    return artifacts.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  /** Artifacts by id, in plan order. */
  public Map<String, PlannedArtifact> artifactsById() {
    return artifacts.stream()
        .collect(
            Collectors.toMap(
                PlannedArtifact::id,
                Function.identity(),
                (a, b) -> a,
                java.util.LinkedHashMap::new));
  }
}
