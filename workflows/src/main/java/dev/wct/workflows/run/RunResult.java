package dev.wct.workflows.run;

import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.run.RunStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a run: its status and every artifact's outcome, in plan order.
 *
 * @param artifactsInRecords true when the run was too large to return its outcomes through Temporal
 *     (payloads are limited to 2 MiB): {@code artifacts} is then empty and the outcomes are in the
 *     run records ({@code RunHandle.awaitResult()} reads them back)
 */
public record RunResult(
    String runId, RunStatus status, List<ArtifactOutcome> artifacts, boolean artifactsInRecords) {
  public RunResult {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(status, "status");
    artifacts = List.copyOf(Objects.requireNonNull(artifacts, "artifacts"));
  }

  public RunResult(String runId, RunStatus status, List<ArtifactOutcome> artifacts) {
    this(runId, status, artifacts, false);
  }

  public Optional<ArtifactOutcome> artifact(String id) {
    return artifacts.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  /** Ids of the artifacts in {@code state}, in plan order. */
  public List<String> idsIn(ArtifactState state) {
    return artifacts.stream().filter(a -> a.state() == state).map(ArtifactOutcome::id).toList();
  }
}
