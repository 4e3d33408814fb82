package dev.wct.workflows.partition;

import dev.wct.core.plan.PlannedArtifact;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Produce partitions {@code from} (inclusive) to {@code to} (exclusive) of a group of artifacts.
 *
 * @param artifacts the partitioned source first, then the analysers that run per partition, each
 *     after its input
 * @param count the partitions of the group, all blocks together
 * @param heartbeatTimeout null for the default
 * @param progressWorkflowId the run's workflow, which the block signals its progress to; null for
 *     none (and in histories recorded before progress)
 */
public record BlockRequest(
    String runId,
    List<PlannedArtifact> artifacts,
    int from,
    int to,
    int count,
    int maxConcurrency,
    Duration heartbeatTimeout,
    String progressWorkflowId) {
  public BlockRequest {
    Objects.requireNonNull(runId, "runId");
    artifacts = List.copyOf(artifacts);
  }
}
