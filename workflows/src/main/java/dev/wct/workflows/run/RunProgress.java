package dev.wct.workflows.run;

import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.run.RunStatus;
import java.util.List;
import java.util.Objects;

/**
 * A live view of a run, answered by the {@code status} query.
 *
 * @param artifacts every artifact, in plan order
 */
public record RunProgress(
    String runId,
    RunStatus status,
    int waiting,
    int running,
    int succeeded,
    int failed,
    int skipped,
    List<ArtifactOutcome> artifacts) {
  public RunProgress {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(status, "status");
    artifacts = List.copyOf(Objects.requireNonNull(artifacts, "artifacts"));
  }

  static RunProgress of(String runId, RunStatus status, List<ArtifactOutcome> artifacts) {
    int[] counts = new int[ArtifactState.values().length];
    artifacts.forEach(a -> counts[a.state().ordinal()]++);
    return new RunProgress(
        runId,
        status,
        counts[ArtifactState.WAITING.ordinal()],
        counts[ArtifactState.RUNNING.ordinal()],
        counts[ArtifactState.SUCCEEDED.ordinal()],
        counts[ArtifactState.FAILED.ordinal()],
        counts[ArtifactState.SKIPPED.ordinal()],
        artifacts);
  }

  public int total() {
    return artifacts.size();
  }
}
