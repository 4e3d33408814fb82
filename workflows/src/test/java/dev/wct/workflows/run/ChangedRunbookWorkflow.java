package dev.wct.workflows.run;

import dev.wct.core.plan.PlannedArtifact;
import dev.wct.workflows.producer.ProduceRequest;
import dev.wct.workflows.producer.ProducerActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;

/**
 * A deliberately incompatible change of the workflow: it records nothing, neither a scheduled run's
 * start nor any run's end, and runs the producers one by one. Replaying recorded histories with it
 * must fail.
 */
public class ChangedRunbookWorkflow implements RunbookWorkflow {
  private final ProducerActivities producers =
      Workflow.newActivityStub(
          ProducerActivities.class,
          ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());

  @Override
  public RunResult run(RunRequest request) {
    String runId = request.runId() != null ? request.runId() : "scheduled";
    for (PlannedArtifact artifact : request.plan().artifacts()) {
      producers.connect(new ProduceRequest(runId, artifact, List.of()));
    }
    return new RunResult(runId, dev.wct.core.run.RunStatus.COMPLETED, List.of());
  }

  @Override
  public RunProgress status() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void partitionProgress(java.util.List<dev.wct.workflows.partition.PartitionsDone> done) {}
}
