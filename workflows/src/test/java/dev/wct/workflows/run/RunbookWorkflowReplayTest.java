package dev.wct.workflows.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.wct.workflows.partition.PartitionBlockWorkflowImpl;
import dev.wct.workflows.partition.PartitionedArtifactWorkflowImpl;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.NonDeterministicException;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.util.Throwables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Recorded histories (see {@link RecordHistories}) must replay against the current workflow: a
 * failure here means the change breaks runs in flight and needs {@code Workflow.getVersion}.
 */
class RunbookWorkflowReplayTest {
  private static final AtomicInteger queues = new AtomicInteger();
  private static TestWorkflowEnvironment env;

  @BeforeAll
  static void startEnvironment() {
    env = TestWorkflowEnvironment.newInstance();
  }

  @AfterAll
  static void closeEnvironment() {
    env.close();
  }

  /**
   * A replay worker; the first replay in a cold, shared JVM can exceed the 1 s deadlock detector
   * while classes load, which would hide the real outcome.
   */
  private static Worker worker(Class<?> workflow) {
    Worker worker =
        env.newWorker(
            "replay-" + queues.incrementAndGet(),
            WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(60_000).build());
    worker.registerWorkflowImplementationTypes(workflow);
    return worker;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "success-fan-in",
        "failure-skipped-dependents",
        "retry-then-success",
        "success-deleting-raw-sources",
        "completed-with-warnings",
        "failed-run-fails-workflow",
        "retry-reusing-succeeded",
        "scheduled-run-upserting-status",
        "launched-run-ending-in-one-call",
        "partitioned",
        "partitioned-progress"
      })
  void recordedRunsReplayWithTheCurrentWorkflow(String history) {
    assertThatCode(
            () ->
                WorkflowReplayer.replayWorkflowExecutionFromResource(
                    "histories/" + history + ".json", worker(RunbookWorkflowImpl.class)))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"partitioned", "partitioned-progress"})
  void recordedPartitionWorkflowsReplay(String history) {
    assertThatCode(
            () -> {
              WorkflowReplayer.replayWorkflowExecutionFromResource(
                  "histories/" + history + "-group.json",
                  worker(PartitionedArtifactWorkflowImpl.class));
              WorkflowReplayer.replayWorkflowExecutionFromResource(
                  "histories/" + history + "-block.json", worker(PartitionBlockWorkflowImpl.class));
            })
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "success-fan-in",
        "failure-skipped-dependents",
        "retry-then-success",
        "success-deleting-raw-sources",
        "completed-with-warnings",
        "failed-run-fails-workflow",
        "retry-reusing-succeeded",
        "scheduled-run-upserting-status",
        "launched-run-ending-in-one-call"
      })
  void anIncompatibleChangeIsDetectedOnReplay(String history) {
    Throwable thrown =
        catchThrowable(
            () ->
                WorkflowReplayer.replayWorkflowExecutionFromResource(
                    "histories/" + history + ".json", worker(ChangedRunbookWorkflow.class)));

    assertThat(thrown).isNotNull();
    assertThat(Throwables.getStackTrace(thrown))
        .contains(NonDeterministicException.class.getName());
  }
}
