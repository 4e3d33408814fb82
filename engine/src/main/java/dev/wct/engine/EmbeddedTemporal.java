package dev.wct.engine;

import dev.wct.activities.worker.ProducerEnvironment;
import dev.wct.activities.worker.WctWorkers;
import dev.wct.workflows.testserver.TestServerLockLog;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.Objects;

/**
 * An in-process Temporal (the Java test server, in real time) with a wct worker: what {@code wct
 * run} uses when no Temporal cluster is configured. Close it to stop both.
 */
public final class EmbeddedTemporal implements AutoCloseable {
  private final TestWorkflowEnvironment environment;

  private EmbeddedTemporal(TestWorkflowEnvironment environment) {
    this.environment = environment;
  }

  /** Starts the server and a worker on {@link WctWorkers#TASK_QUEUE}. */
  public static EmbeddedTemporal start(ProducerEnvironment producers) {
    Objects.requireNonNull(producers, "producers");
    TestWorkflowEnvironment environment =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    TestServerLockLog.turnOff(environment);
    try {
      WctWorkers.register(
          environment.newWorker(WctWorkers.TASK_QUEUE, WctWorkers.WORKER_OPTIONS), producers);
      environment.start();
      return new EmbeddedTemporal(environment);
    } catch (RuntimeException e) {
      environment.close();
      throw e;
    }
  }

  public WorkflowClient client() {
    return environment.getWorkflowClient();
  }

  @Override
  public void close() {
    environment.shutdown();
    environment.close();
  }
}
