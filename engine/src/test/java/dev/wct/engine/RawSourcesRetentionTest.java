package dev.wct.engine;

import static dev.wct.testkit.components.TestComponents.connector;
import static dev.wct.testkit.components.TestComponents.items;
import static dev.wct.testkit.plans.PlanBuilder.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.core.run.RunStatus;
import dev.wct.store.runs.RunRecord;
import dev.wct.workflows.run.RunResult;
import dev.wct.workflows.run.RunbookWorkerOptions;
import dev.wct.workflows.run.RunbookWorkflowImpl;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A whole run on the real activities: what stays in the store once it ends. */
class RawSourcesRetentionTest {
  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(RunbookWorkflowImpl.class)
          .setWorkerOptions(RunbookWorkerOptions.workerOptions())
          .setDoNotStart(true)
          .build();

  private Engine engine(TestWorkflowEnvironment env, Worker worker) {
    return new Engine(
        env, worker, List.of(connector("test_source", items("row", 2))), List.of(), Map.of());
  }

  @Test
  void byDefaultARunEndsWithItsRawSourcesDeletedAndSaysWhich(
      TestWorkflowEnvironment env, Worker worker) {
    Engine engine = engine(env, worker);

    RunResult result =
        engine.run(
            plan()
                .retention(false, Duration.ofDays(90))
                .source("db")
                .passThrough("copy", "db")
                .build());

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(engine.store.list(result.runId())).isEmpty();
    assertThat(engine.records.sourceDeletion(result.runId()).orElseThrow().deletedSources())
        .containsExactly("copy", "db");
    RunRecord run = engine.records.run(result.runId()).orElseThrow();
    assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(run.retention()).isEqualTo(Duration.ofDays(90));
  }

  @Test
  void keepSourcesKeepsThem(TestWorkflowEnvironment env, Worker worker) {
    Engine engine = engine(env, worker);

    RunResult result = engine.run(plan().retention(true, null).source("db").build());

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(engine.store.list(result.runId())).containsExactly("db");
    assertThat(engine.records.sourceDeletion(result.runId())).isEmpty();
  }
}
