package dev.wct.workflows.run;

import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.run.RunStatus;
import dev.wct.workflows.partition.PartitionsDone;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A live view of a run, answered by the {@code status} query.
 *
 * @param artifacts every artifact, in plan order
 * @param partitions partitions done of total for each partitioned artifact whose blocks have
 *     reported, in the order they first reported; an artifact keeps its last count once finished
 */
public record RunProgress(
    String runId,
    RunStatus status,
    int waiting,
    int running,
    int succeeded,
    int failed,
    int skipped,
    List<ArtifactOutcome> artifacts,
    List<PartitionsDone> partitions) {
  public RunProgress {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(status, "status");
    artifacts = List.copyOf(Objects.requireNonNull(artifacts, "artifacts"));
    partitions = partitions == null ? List.of() : List.copyOf(partitions);
  }

  /** Without partition counts. */
  public RunProgress(
      String runId,
      RunStatus status,
      int waiting,
      int running,
      int succeeded,
      int failed,
      int skipped,
      List<ArtifactOutcome> artifacts) {
    this(runId, status, waiting, running, succeeded, failed, skipped, artifacts, List.of());
  }

  /** The partition count of {@code artifactId}, if it is partitioned and has reported. */
  public Optional<PartitionsDone> partitionsOf(String artifactId) {
    return partitions.stream().filter(p -> p.artifactId().equals(artifactId)).findFirst();
  }

  static RunProgress of(
      String runId,
      RunStatus status,
      List<ArtifactOutcome> artifacts,
      List<PartitionsDone> partitions) {
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
        artifacts,
        partitions);
  }

  public int total() {
    return artifacts.size();
  }
}
