package dev.wct.workflows.run;

import dev.wct.workflows.partition.PartitionProgressSignal;
import dev.wct.workflows.partition.PartitionsDone;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * Runs an execution plan: every artifact starts as soon as its own inputs are done, with at most
 * {@code max_concurrency} producers in flight. Cancel it with {@code WorkflowStub.cancel()}.
 */
@WorkflowInterface
public interface RunbookWorkflow {
  /** The workflow type name, as the Temporal UI shows it. */
  String TYPE = "Runbook";

  /** The workflow ID of a run: {@code wct-run-{runId}}. */
  static String workflowId(String runId) {
    return "wct-run-" + runId;
  }

  @WorkflowMethod(name = TYPE)
  RunResult run(RunRequest request);

  /** Live progress: every artifact's state, counts and timings; never artifact content. */
  @QueryMethod(name = "status")
  RunProgress status();

  /** Partitions newly done, from the blocks of partitioned artifacts; shown by {@code status}. */
  @SignalMethod(name = PartitionProgressSignal.NAME)
  void partitionProgress(List<PartitionsDone> newlyDone);
}
