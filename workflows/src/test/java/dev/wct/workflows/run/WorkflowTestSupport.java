package dev.wct.workflows.run;

import dev.wct.workflows.testserver.TestServerLockLog;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;

/** Starts runs the way the launcher does: {@code WorkflowClient.start} with the run's ID. */
final class WorkflowTestSupport {
  private WorkflowTestSupport() {}

  static TestWorkflowExtension extension() {
    return TestWorkflowExtension.newBuilder()
        .registerWorkflowImplementationTypes(RunbookWorkerOptions.workflowImplementations())
        .setWorkerOptions(RunbookWorkerOptions.workerOptions())
        .setDoNotStart(true)
        // As wct's servers do, so that runs can upsert their status.
        .registerSearchAttribute("WctRunbook", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
        .registerSearchAttribute("WctStatus", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
        .registerSearchAttribute("WctFailedArtifacts", IndexedValueType.INDEXED_VALUE_TYPE_INT)
        .registerSearchAttribute("WctSchedule", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
        .build();
  }

  static RunbookWorkflow start(
      TestWorkflowEnvironment env,
      Worker worker,
      String runId,
      RunRequest request,
      Object... activities) {
    return startWithWorkflowId(env, worker, RunbookWorkflow.workflowId(runId), request, activities);
  }

  /** Starts a run with its own workflow ID, e.g. a scheduled run's. */
  static RunbookWorkflow startWithWorkflowId(
      TestWorkflowEnvironment env,
      Worker worker,
      String workflowId,
      RunRequest request,
      Object... activities) {
    worker.registerActivitiesImplementations(activities);
    TestServerLockLog.turnOff(env);
    env.start();
    WorkflowClient client = env.getWorkflowClient();
    RunbookWorkflow workflow =
        client.newWorkflowStub(
            RunbookWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(worker.getTaskQueue())
                .build());
    WorkflowClient.start(workflow::run, request);
    return workflow;
  }

  /**
   * The run's result; for a failed run, which fails its workflow, the outcomes its status query
   * still answers with.
   */
  static RunResult result(RunbookWorkflow workflow) {
    try {
      return WorkflowStub.fromTyped(workflow).getResult(RunResult.class);
    } catch (WorkflowFailedException failed) {
      if (!(failed.getCause() instanceof ApplicationFailure application)
          || !RunOutcomeText.RUN_FAILED.equals(application.getType())) {
        throw failed;
      }
      RunProgress progress = workflow.status();
      return new RunResult(progress.runId(), progress.status(), progress.artifacts());
    }
  }
}
