package dev.wct.workflows.run;

import static dev.wct.testkit.plans.PlanBuilder.plan;
import static dev.wct.workflows.run.FakeProducers.failUser;
import static dev.wct.workflows.run.FakeProducers.hangUntilCancelled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wct.core.run.RunStatus;
import dev.wct.workflows.producer.ProducerActivities;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every end state deletes the raw sources once, before the run is recorded as finished, in the
 * run's one last activity.
 */
class RawSourcesDeletedAtRunEndTest {
  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowTestSupport.extension();

  private final EventLog log = new EventLog();
  private final FakeProducers producers = new FakeProducers(log);
  private final FakeRecords records = new FakeRecords();

  @Test
  void aCompletedRunDeletesItsRawSourcesBeforeRecordingItsEnd(
      TestWorkflowEnvironment env, Worker worker) {
    RunRequest request =
        new RunRequest("c1", plan().source("db").analyser("pii", "db").build(), null);

    RunResult result =
        WorkflowTestSupport.result(
            WorkflowTestSupport.start(env, worker, "c1", request, producers, records));

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(records.calls).containsExactly("deleteRawSources:c1", "runFinished:c1");
  }

  /**
   * What the Temporal UI lists besides the producers: a launched run, which its launcher recorded,
   * ends in one activity whose summary says what it does.
   */
  @Test
  void aLaunchedRunsOwnBookkeepingIsOneActivityThatSaysWhatItDoes(
      TestWorkflowEnvironment env, Worker worker) {
    RunRequest request =
        new RunRequest("e1", plan().source("db").analyser("pii", "db").build(), null);

    WorkflowTestSupport.result(
        WorkflowTestSupport.start(env, worker, "e1", request, producers, records));

    List<String> bookkeeping = new ArrayList<>();
    for (HistoryEvent event :
        env.getWorkflowClient().fetchHistory(RunbookWorkflow.workflowId("e1")).getEvents()) {
      if (event.hasActivityTaskScheduledEventAttributes()) {
        String type = event.getActivityTaskScheduledEventAttributes().getActivityType().getName();
        String summary =
            DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
                event.getUserMetadata().getSummary(), String.class, String.class);
        if (!type.equals(ProducerActivities.CONNECT) && !type.equals(ProducerActivities.ANALYSE)) {
          bookkeeping.add(type + ": " + summary);
        }
      }
    }
    assertThat(bookkeeping)
        .containsExactly("EndRun: end of run: delete raw sources, record the outcome");
  }

  @Test
  void aFailedRunDeletesItsRawSources(TestWorkflowEnvironment env, Worker worker) {
    producers.on("pii", failUser("bad ruleset"));
    RunRequest request =
        new RunRequest("f1", plan().source("db").analyser("pii", "db").build(), null);

    RunResult result =
        WorkflowTestSupport.result(
            WorkflowTestSupport.start(env, worker, "f1", request, producers, records));

    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(records.calls).containsExactly("deleteRawSources:f1", "runFinished:f1");
  }

  @Test
  void aTimedOutRunDeletesItsRawSources(TestWorkflowEnvironment env, Worker worker) {
    producers.on("stuck", hangUntilCancelled());
    RunRequest request =
        new RunRequest(
            "t1",
            plan().timeout(Duration.ofSeconds(2)).source("quick").source("stuck").build(),
            null);

    RunResult result =
        WorkflowTestSupport.result(
            WorkflowTestSupport.start(env, worker, "t1", request, producers, records));

    assertThat(result.status()).isEqualTo(RunStatus.TIMED_OUT);
    assertThat(records.calls).containsExactly("deleteRawSources:t1", "runFinished:t1");
  }

  /**
   * Bounded: once (2026-12-02, in a full {@code verify}) the cancelled run never closed on the test
   * server and this test waited for its result until killed; it has not recurred in 10 runs since.
   * A hang fails this test after two minutes instead of holding up the build.
   */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aCancelledRunStillDeletesItsRawSources(TestWorkflowEnvironment env, Worker worker)
      throws InterruptedException {
    producers.on("stuck", hangUntilCancelled());
    RunRequest request = new RunRequest("x1", plan().source("quick").source("stuck").build(), null);
    RunbookWorkflow workflow =
        WorkflowTestSupport.start(env, worker, "x1", request, producers, records);
    while (!log.events().contains("start:stuck")) {
      Thread.sleep(20);
    }

    WorkflowStub.fromTyped(workflow).cancel();

    assertThatThrownBy(() -> WorkflowTestSupport.result(workflow))
        .isInstanceOf(WorkflowFailedException.class);
    assertThat(records.calls).containsExactly("deleteRawSources:x1", "runFinished:x1");
  }

  @Test
  void aDeletionThatKeepsFailingLeavesTheRunOutcomeStanding(
      TestWorkflowEnvironment env, Worker worker) {
    AtomicInteger attempts = new AtomicInteger();
    FakeRecords broken =
        new FakeRecords() {
          @Override
          public void deleteRawSources(String runId) {
            attempts.incrementAndGet();
            throw ApplicationFailure.newFailure("store unreachable", "EXTERNAL");
          }
        };
    RunRequest request = new RunRequest("b1", plan().source("db").build(), null);

    RunResult result =
        WorkflowTestSupport.result(
            WorkflowTestSupport.start(env, worker, "b1", request, producers, broken));

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(attempts).hasValue(10);
    assertThat(broken.finished)
        .singleElement()
        .extracting(f -> f.status())
        .isEqualTo(RunStatus.COMPLETED);
  }
}
