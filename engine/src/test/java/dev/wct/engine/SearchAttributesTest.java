package dev.wct.engine;

import static dev.wct.testkit.components.TestComponents.connector;
import static dev.wct.testkit.components.TestComponents.items;
import static dev.wct.testkit.plans.PlanBuilder.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.core.run.RunStatus;
import dev.wct.workflows.run.RunbookWorkerOptions;
import dev.wct.workflows.run.RunbookWorkflowImpl;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Where the server has wct's search attributes registered, runs can carry them. */
class SearchAttributesTest {
  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(RunbookWorkflowImpl.class)
          .setWorkerOptions(RunbookWorkerOptions.workerOptions())
          .registerSearchAttribute("WctRunbook", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("WctPlanHash", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .setDoNotStart(true)
          .build();

  @Test
  void aRunIsTaggedWithItsRunbookAndPlanHash(TestWorkflowEnvironment env, Worker worker) {
    Engine engine =
        new Engine(
            env, worker, List.of(connector("test_source", items("x", 1))), List.of(), Map.of());

    RunHandle run =
        engine
            .launcher
            .tagRunsWithSearchAttributes()
            .start(plan().source("db").build(), "runbook.yaml", null);

    assertThat(run.awaitResult().status()).isEqualTo(RunStatus.COMPLETED);
    var attributes =
        env.getWorkflowClient()
            .newUntypedWorkflowStub(run.workflowId())
            .describe()
            .getTypedSearchAttributes();
    assertThat(attributes.get(RunLauncher.RUNBOOK_ATTRIBUTE)).isEqualTo("test runbook");
    assertThat(attributes.get(RunLauncher.PLAN_HASH_ATTRIBUTE)).isEqualTo("plan-hash-1");
  }
}
