package dev.wct.workflows.run;

import static dev.wct.testkit.plans.PlanBuilder.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.core.run.RunStatus;
import io.temporal.activity.Activity;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HeartbeatTimeoutTest {
  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowTestSupport.extension();

  private final FakeProducers producers = new FakeProducers(new EventLog());

  private RunResult run(TestWorkflowEnvironment env, Worker worker) {
    RunRequest request =
        new RunRequest(
            "hb", plan().source("db").build(), new RunOptions(null, Duration.ofSeconds(1)));
    return WorkflowTestSupport.result(
        WorkflowTestSupport.start(env, worker, "hb", request, producers, new FakeRecords()));
  }

  @Test
  void aProducerThatHeartbeatsOutlivesTheHeartbeatTimeout(
      TestWorkflowEnvironment env, Worker worker) {
    producers.on(
        "db",
        invocation -> {
          for (int i = 0; i < 30; i++) {
            Activity.getExecutionContext().heartbeat(i);
            Thread.sleep(100);
          }
        });

    RunResult result = run(env, worker);

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(producers.invocations("db")).isEqualTo(1);
  }

  @Test
  void aSilentProducerIsConsideredStuckAndRetried(TestWorkflowEnvironment env, Worker worker) {
    producers.on(
        "db",
        invocation -> {
          if (invocation == 1) {
            Thread.sleep(3_000);
          }
        });

    RunResult result = run(env, worker);

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(result.artifact("db").orElseThrow().attempts()).isEqualTo(2);
  }
}
