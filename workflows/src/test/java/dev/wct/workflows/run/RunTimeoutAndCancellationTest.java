package dev.wct.workflows.run;

import static dev.wct.testkit.plans.PlanBuilder.plan;
import static dev.wct.workflows.run.FakeProducers.hangUntilCancelled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.run.RunStatus;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RunTimeoutAndCancellationTest {
  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowTestSupport.extension();

  private final EventLog log = new EventLog();
  private final FakeProducers producers = new FakeProducers(log);
  private final FakeRecords records = new FakeRecords();

  /** The producer itself saw the cancellation (at its next heartbeat) and stopped. */
  private void awaitEvent(String event) throws InterruptedException {
    for (int i = 0; i < 1_000 && !log.events().contains(event); i++) {
      Thread.sleep(20);
    }
    assertThat(log.events()).contains(event).doesNotContain("end:stuck");
  }

  @Test
  void aRunTimeoutKeepsWhatWasProducedAndSkipsTheRest(TestWorkflowEnvironment env, Worker worker)
      throws InterruptedException {
    producers.on("stuck", hangUntilCancelled());
    RunRequest request =
        new RunRequest(
            "r3",
            plan()
                .timeout(Duration.ofSeconds(2))
                .source("quick")
                .source("stuck")
                .analyser("stuck_pii", "stuck")
                .build(),
            null);

    RunbookWorkflow workflow =
        WorkflowTestSupport.start(env, worker, "r3", request, producers, records);
    RunResult result = WorkflowTestSupport.result(workflow);

    assertThat(result.status()).isEqualTo(RunStatus.TIMED_OUT);
    assertThat(result.idsIn(ArtifactState.SUCCEEDED)).containsExactly("quick");
    assertThat(result.artifact("stuck").orElseThrow().skipReason()).isEqualTo("timeout");
    assertThat(result.artifact("stuck_pii").orElseThrow().skipReason()).isEqualTo("timeout");
    awaitEvent("cancelled:stuck");
    assertThat(records.finished)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(RunStatus.TIMED_OUT);
              assertThat(f.unsucceeded())
                  .extracting(ArtifactOutcome::id)
                  .containsExactly("stuck", "stuck_pii");
            });
  }

  @Test
  void cancellingARunCancelsItsProducersAndRecordsTheOutcome(
      TestWorkflowEnvironment env, Worker worker) throws Exception {
    producers.on("stuck", hangUntilCancelled());
    RunRequest request =
        new RunRequest(
            "r4", plan().source("quick").source("stuck").analyser("pii", "stuck").build(), null);
    RunbookWorkflow workflow =
        WorkflowTestSupport.start(env, worker, "r4", request, producers, records);
    while (!log.events().contains("start:stuck") || !log.events().contains("end:quick")) {
      Thread.sleep(20);
    }

    WorkflowStub.fromTyped(workflow).cancel();

    assertThatThrownBy(() -> WorkflowTestSupport.result(workflow))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    assertThat(records.finished)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(RunStatus.CANCELLED);
              assertThat(f.unsucceeded())
                  .extracting(ArtifactOutcome::id, ArtifactOutcome::skipReason)
                  .containsExactly(
                      org.assertj.core.groups.Tuple.tuple("stuck", "cancelled"),
                      org.assertj.core.groups.Tuple.tuple("pii", "cancelled"));
            });
    awaitEvent("cancelled:stuck");
    RunProgress progress = workflow.status();
    assertThat(progress.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(progress.succeeded()).isEqualTo(1);
    assertThat(progress.skipped()).isEqualTo(2);
  }
}
