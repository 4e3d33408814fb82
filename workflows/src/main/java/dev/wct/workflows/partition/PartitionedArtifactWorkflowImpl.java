package dev.wct.workflows.partition;

import dev.wct.core.plan.PlannedArtifact;
import dev.wct.workflows.producer.ProduceRequest;
import dev.wct.workflows.producer.Produced;
import dev.wct.workflows.producer.ProducerFailures;
import dev.wct.workflows.producer.ProducerOptions;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the partitions, produces them block by block in child workflows, and seals each artifact
 * whose partitions all exist. One block runs at a time, with the run's concurrency cap: the blocks
 * keep every history small (a real server allows 51,200 events and 50 MiB per workflow), the cap
 * keeps pending activities under the server's 2,000 per workflow.
 */
public class PartitionedArtifactWorkflowImpl implements PartitionedArtifactWorkflow {
  /**
   * Partition activities per block. Each costs about 6 events (scheduled, started, completed and a
   * share of workflow tasks) and 2 KiB, so a block stays near 24,000 events and 8 MiB.
   */
  static final int ACTIVITIES_PER_BLOCK = 4_000;

  private static final ActivityOptions SEAL_OPTIONS =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(10))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(10).build())
          .setSummary("seal partitions")
          .build();

  @Override
  public GroupResult run(GroupRequest request) {
    List<PlannedArtifact> artifacts = request.artifacts();
    PlannedArtifact source = artifacts.get(0);
    PartitionActivities list =
        Workflow.newActivityStub(
            PartitionActivities.class, ProducerOptions.of(source, request.heartbeatTimeout()));
    int count;
    try {
      count = list.listPartitions(new ProduceRequest(request.runId(), source, List.of())).count();
    } catch (ActivityFailure failure) {
      ProducerFailures.Decoded decoded =
          ProducerFailures.decode(failure, source.retry().maxAttempts());
      List<GroupOutcome> outcomes = new ArrayList<>();
      for (PlannedArtifact artifact : artifacts) {
        outcomes.add(
            artifact == source
                ? new GroupOutcome(
                    source.id(), null, decoded.message(), decoded.kind(), decoded.attempts(), 0, 0)
                : new GroupOutcome(
                    artifact.id(), null, "input '" + source.id() + "' failed", "SKIPPED", 0, 0, 0));
      }
      return new GroupResult(outcomes);
    }
    List<PartitionTotals> totals = produceBlocks(request, count);
    PartitionActivities seal = Workflow.newActivityStub(PartitionActivities.class, SEAL_OPTIONS);
    List<GroupOutcome> outcomes = new ArrayList<>();
    for (int k = 0; k < artifacts.size(); k++) {
      PlannedArtifact artifact = artifacts.get(k);
      PartitionTotals done = totals.get(k);
      if (!done.complete()) {
        String error =
            done.error() != null
                ? done.failed() + " of " + count + " partitions failed; first: " + done.error()
                : done.skipped() + " of " + count + " partitions skipped: their input failed";
        outcomes.add(
            new GroupOutcome(
                artifact.id(),
                null,
                error,
                done.errorKind() != null ? done.errorKind() : "SKIPPED",
                Math.max(1, done.attempts()),
                count,
                done.succeeded()));
        continue;
      }
      Produced sealed =
          seal.sealPartitions(new SealRequest(request.runId(), artifact, count, done.items()));
      outcomes.add(new GroupOutcome(artifact.id(), sealed, null, null, 1, count, count));
    }
    return new GroupResult(outcomes);
  }

  private static List<PartitionTotals> produceBlocks(GroupRequest request, int count) {
    List<PlannedArtifact> artifacts = request.artifacts();
    int perBlockActivities =
        request.activitiesPerBlock() > 0 ? request.activitiesPerBlock() : ACTIVITIES_PER_BLOCK;
    int perBlock = Math.max(1, perBlockActivities / artifacts.size());
    List<PartitionTotals> totals = new ArrayList<>();
    for (PlannedArtifact artifact : artifacts) {
      totals.add(PartitionTotals.none(artifact.id()));
    }
    String parent = request.workflowId();
    String run = Workflow.getInfo().getParentWorkflowId().orElse(null);
    for (int from = 0, block = 0; from < count; from += perBlock, block++) {
      PartitionBlockWorkflow child =
          Workflow.newChildWorkflowStub(
              PartitionBlockWorkflow.class,
              ChildWorkflowOptions.newBuilder().setWorkflowId(parent + "/block-" + block).build());
      BlockResult result =
          child.run(
              new BlockRequest(
                  request.runId(),
                  artifacts,
                  from,
                  Math.min(count, from + perBlock),
                  count,
                  request.maxConcurrency(),
                  request.heartbeatTimeout(),
                  run));
      for (int k = 0; k < totals.size(); k++) {
        totals.set(k, totals.get(k).plus(result.totals().get(k)));
      }
    }
    return totals;
  }
}
