package dev.wct.workflows.partition;

import dev.wct.core.plan.PlannedArtifact;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Produce a partitioned source and the analysers that run per partition of it.
 *
 * @param workflowId the group's own workflow ID, which its blocks' IDs extend (known from the
 *     request, so that a replay under another ID issues the same commands)
 * @param artifacts the source first, then its per-partition analysers in plan order
 * @param heartbeatTimeout null for the default
 * @param activitiesPerBlock partition activities per child block workflow; 0 for {@link
 *     PartitionedArtifactWorkflowImpl#ACTIVITIES_PER_BLOCK}
 */
public record GroupRequest(
    String runId,
    String workflowId,
    List<PlannedArtifact> artifacts,
    int maxConcurrency,
    Duration heartbeatTimeout,
    int activitiesPerBlock) {
  public GroupRequest {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(workflowId, "workflowId");
    artifacts = List.copyOf(artifacts);
  }
}
