package dev.wct.workflows.run;

import static dev.wct.testkit.plans.PlanBuilder.plan;
import static dev.wct.workflows.run.FakeProducers.failUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.run.RunStatus;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A run a schedule started names itself after its fire, and runs tell visibility their status. */
class ScheduledRunAndStatusTest {
  private static final String FIRED = "wct-sched-nightly-2026-12-01T02:00:00Z";

  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowTestSupport.extension();

  private final FakeProducers producers = new FakeProducers(new EventLog());
  private final FakeRecords records = new FakeRecords();

  @Test
  void aScheduledRunTakesItsRunIdFromItsFireAndStoresItsPlan(
      TestWorkflowEnvironment env, Worker worker) {
    ExecutionPlan plan = plan().source("db").analyser("pii", "db").build();
    RunRequest request = RunRequest.scheduled(plan, null, "nightly", true);

    RunResult result =
        WorkflowTestSupport.result(
            WorkflowTestSupport.startWithWorkflowId(
                env, worker, FIRED, request, producers, records));

    assertThat(result.runId()).isEqualTo("20261201-020000-nightly");
    assertThat(records.started.get(0).runId()).isEqualTo("20261201-020000-nightly");
    assertThat(records.started.get(0).workflowId()).isEqualTo(FIRED);
    assertThat(records.savedPlans).containsEntry("20261201-020000-nightly", plan);
    assertThat(statusAttributes(env, FIRED))
        .containsEntry("WctStatus", "completed")
        .containsEntry("WctFailedArtifacts", 0L);
  }

  @Test
  void aFailedRunSaysFailedWithItsCountOfFailedArtifacts(
      TestWorkflowEnvironment env, Worker worker) {
    producers.on("db", failUser("bad password"));
    ExecutionPlan plan = plan().source("db").source("files").analyser("pii", "db").build();
    RunRequest request = new RunRequest("r1", plan, null).withStatusAttributes(true);

    RunResult result =
        WorkflowTestSupport.result(
            WorkflowTestSupport.start(env, worker, "r1", request, producers, records));

    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(statusAttributes(env, RunbookWorkflow.workflowId("r1")))
        .containsEntry("WctStatus", "failed")
        .containsEntry("WctFailedArtifacts", 1L);
    assertThat(records.savedPlans).isEmpty();
  }

  @Test
  void aRunToldTheServerLacksTheAttributesUpsertsNothing(
      TestWorkflowEnvironment env, Worker worker) {
    RunRequest request = new RunRequest("r2", plan().source("db").build(), null);

    WorkflowTestSupport.result(
        WorkflowTestSupport.start(env, worker, "r2", request, producers, records));

    assertThat(statusAttributes(env, RunbookWorkflow.workflowId("r2"))).isEmpty();
  }

  private static Map<String, Object> statusAttributes(
      TestWorkflowEnvironment env, String workflowId) {
    Map<String, Payload> fields =
        env.getWorkflowServiceStubs()
            .blockingStub()
            .describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace(env.getNamespace())
                    .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                    .build())
            .getWorkflowExecutionInfo()
            .getSearchAttributes()
            .getIndexedFieldsMap();
    Map<String, Object> values = new java.util.TreeMap<>();
    fields.forEach(
        (name, payload) -> {
          Object value =
              DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
                  payload, Object.class, Object.class);
          values.put(name, value instanceof Number number ? (Object) number.longValue() : value);
        });
    return values;
  }
}
