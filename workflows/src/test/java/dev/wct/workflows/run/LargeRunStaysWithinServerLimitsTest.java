package dev.wct.workflows.run;

import static dev.wct.testkit.plans.PlanBuilder.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.run.RunStatus;
import dev.wct.testkit.plans.PlanBuilder;
import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The test server enforces none of a real server's limits, so this run of 5,000 artifacts measures
 * its own history against them: 51,200 events, 50 MiB, 2 MiB per payload, 2,000 pending activities.
 */
class LargeRunStaysWithinServerLimitsTest {
  static final int MAX_EVENTS = 51_200;
  static final long MAX_HISTORY_BYTES = 50L * 1024 * 1024;
  static final long MAX_PAYLOAD_BYTES = 2L * 1024 * 1024;
  static final int MAX_PENDING_ACTIVITIES = 2_000;

  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowTestSupport.extension();

  /** 500 sources, each analysed by 9 analysers: 5,000 artifacts, up to 500 in flight. */
  private static ExecutionPlan fiveThousandArtifacts() {
    PlanBuilder plan = plan().maxConcurrency(500);
    for (int s = 0; s < 500; s++) {
      String source = String.format("s%03d", s);
      plan.source(source);
      for (int a = 0; a < 9; a++) {
        plan.analyser(source + "_a" + a, source);
      }
    }
    return plan.build();
  }

  @Test
  void aFiveThousandArtifactRunStaysWithinTheLimitsOfARealServer(
      TestWorkflowEnvironment env, Worker worker) {
    ExecutionPlan plan = fiveThousandArtifacts();
    assertThat(plan.artifacts()).hasSize(5_000);
    FakeProducers producers = new FakeProducers(new EventLog());
    ExecutionPlan withoutArtifacts =
        new ExecutionPlan(
            plan.runbook(), plan.settings(), List.of(), List.of(), List.of(), plan.contentHash());

    RunbookWorkflow workflow =
        WorkflowTestSupport.start(
            env,
            worker,
            "big",
            new RunRequest("big", withoutArtifacts, null, true),
            producers,
            new FakeRecords(plan));
    RunResult result = WorkflowTestSupport.result(workflow);

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(result.artifactsInRecords()).isTrue();
    assertThat(producers.invocations("s499_a8")).isEqualTo(1);
    History history =
        env.getWorkflowClient().fetchHistory(RunbookWorkflow.workflowId("big")).getHistory();
    int pending = 0;
    int maxPending = 0;
    long largestEvent = 0;
    java.util.Map<String, Integer> largestByType = new java.util.TreeMap<>();
    for (HistoryEvent event : history.getEventsList()) {
      largestEvent = Math.max(largestEvent, event.getSerializedSize());
      largestByType.merge(event.getEventType().name(), event.getSerializedSize(), Math::max);
      if (event.hasWorkflowTaskFailedEventAttributes()) {
        for (var f = event.getWorkflowTaskFailedEventAttributes().getFailure();
            f != null;
            f = f.hasCause() ? f.getCause() : null) {
          System.out.println("workflow task failed: " + f.getMessage());
        }
      }
      switch (event.getEventType()) {
        case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> maxPending = Math.max(maxPending, ++pending);
        case EVENT_TYPE_ACTIVITY_TASK_COMPLETED,
            EVENT_TYPE_ACTIVITY_TASK_FAILED,
            EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT,
            EVENT_TYPE_ACTIVITY_TASK_CANCELED ->
            pending--;
        default -> {}
      }
    }
    System.out.printf(
        "5,000 artifacts: %d events, %d history bytes, largest event %d bytes, max pending %d%n",
        history.getEventsCount(), history.getSerializedSize(), largestEvent, maxPending);
    System.out.println(largestByType);
    assertThat(history.getEventsCount()).isLessThan(MAX_EVENTS);
    assertThat((long) history.getSerializedSize()).isLessThan(MAX_HISTORY_BYTES);
    assertThat(largestEvent).isLessThan(MAX_PAYLOAD_BYTES);
    assertThat(maxPending).isLessThanOrEqualTo(500).isLessThanOrEqualTo(MAX_PENDING_ACTIVITIES);
  }
}
