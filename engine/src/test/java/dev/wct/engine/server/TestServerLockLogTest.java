package dev.wct.engine.server;

import static dev.wct.testkit.components.TestComponents.connector;
import static dev.wct.testkit.components.TestComponents.items;
import static dev.wct.testkit.plans.PlanBuilder.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.activities.worker.ProducerEnvironment;
import dev.wct.activities.worker.WctWorkers;
import dev.wct.core.run.RunStatus;
import dev.wct.engine.RunLauncher;
import dev.wct.spi.ComponentCatalog;
import dev.wct.store.memory.InMemoryArtifactStore;
import dev.wct.testkit.plans.PlanBuilder;
import dev.wct.workflows.run.RunResult;
import dev.wct.workflows.testserver.TestServerLockLog;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestServerLockLogTest {
  private static final int STEPS = 30;

  @Test
  void aServerWithItsLockLogOffKeepsNothingOfTheStepsItRan() throws Exception {
    assertThat(lockLogAfterAChain(true)).isZero();
  }

  /** What the workaround is for: drop it once Temporal's server stops keeping these. */
  @Test
  void theTestServerItselfKeepsLockEntriesForEveryStep() throws Exception {
    assertThat(lockLogAfterAChain(false)).isGreaterThan(2 * STEPS);
  }

  /** Runs a chain of STEPS artifacts on a fresh in-process server; its lock log's size after. */
  private static int lockLogAfterAChain(boolean turnedOff) throws Exception {
    TestWorkflowEnvironment environment =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    try {
      if (turnedOff) {
        TestServerLockLog.turnOff(environment);
      }
      InMemoryArtifactStore store = new InMemoryArtifactStore();
      WctWorkers.register(
          environment.newWorker(WctWorkers.TASK_QUEUE),
          new ProducerEnvironment(
              store,
              ComponentCatalog.of(List.of(connector("test_source", items("row", 1))), List.of()),
              name -> null,
              Path.of(".")));
      environment.start();
      PlanBuilder chain = plan().source("a0");
      for (int i = 1; i < STEPS; i++) {
        chain.passThrough("a" + i, "a" + (i - 1));
      }
      RunResult result =
          new RunLauncher(environment.getWorkflowClient(), store)
              .start(chain.build(), "chain.yaml", null)
              .awaitResult();
      assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
      return TestServerLockLog.entries(environment);
    } finally {
      environment.close();
    }
  }
}
