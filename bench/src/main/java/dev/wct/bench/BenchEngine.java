package dev.wct.bench;

import dev.wct.activities.worker.ProducerEnvironment;
import dev.wct.engine.RunHandle;
import dev.wct.engine.RunLauncher;
import dev.wct.activities.worker.WctWorkers;
import dev.wct.bench.components.BenchComponents;
import dev.wct.bench.measure.TimingArtifactStore;
import dev.wct.bench.raw.LevelBarrierWorkflow;
import dev.wct.bench.raw.RawFanOutWorkflow;
import dev.wct.bench.raw.RawWorkers;
import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.run.RunStatus;
import dev.wct.store.ArtifactStore;
import dev.wct.workflows.run.RunOptions;
import dev.wct.workflows.run.RunResult;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded Temporal service (the in-process test server in real time, as {@code wct run} starts
 * it) hosting both contenders in one worker factory, so they share its workflow cache and thread
 * pools: the wct worker registered by {@link WctWorkers}, and a worker of raw baseline workflows on
 * a task queue of its own, both with the default worker options.
 */
final class BenchEngine implements AutoCloseable {
  private final TimingArtifactStore store;
  private final TestWorkflowEnvironment temporal;
  private final RunLauncher launcher;
  private final AtomicInteger rawRuns = new AtomicInteger();

  /** How one wct run went. */
  record WctRun(
      String workflowId,
      double wallMillis,
      double launchMillis,
      RunResult result,
      Map<String, TimingArtifactStore.Total> storeTotals) {}

  BenchEngine(ArtifactStore backend, Path workingDirectory) {
    this.store = new TimingArtifactStore(Objects.requireNonNull(backend, "backend"));
    this.temporal =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    WctWorkers.register(
        temporal.newWorker(WctWorkers.TASK_QUEUE),
        new ProducerEnvironment(store, BenchComponents.catalog(), name -> null, workingDirectory));
    RawWorkers.register(temporal.newWorker(RawWorkers.TASK_QUEUE));
    temporal.start();
    this.launcher = new RunLauncher(temporal.getWorkflowClient(), store);
  }

  /** Runs a plan through RunbookWorkflow, from launch to result; fails unless all succeeded. */
  WctRun runWct(ExecutionPlan plan) {
    store.reset();
    long start = System.nanoTime();
    RunHandle handle = launcher.start(plan, null, RunOptions.DEFAULT);
    long launched = System.nanoTime();
    RunResult result = handle.awaitResult();
    long end = System.nanoTime();
    if (result.status() != RunStatus.COMPLETED) {
      throw new IllegalStateException(
          "run " + result.runId() + " of '" + plan.runbook().name() + "' ended " + result.status());
    }
    return new WctRun(
        handle.workflowId(), millis(end - start), millis(launched - start), result, store.totals());
  }

  /** How one raw workflow run went. */
  record RawRun(String workflowId, double wallMillis) {}

  /** Runs the raw fan-out (or chain) workflow. */
  RawRun runRawFanOut(int count, boolean chained) {
    WorkflowOptions options = rawOptions("fan-out");
    RawFanOutWorkflow workflow = client().newWorkflowStub(RawFanOutWorkflow.class, options);
    long start = System.nanoTime();
    int ran = workflow.run(count, chained);
    long end = System.nanoTime();
    check(ran, count);
    return new RawRun(options.getWorkflowId(), millis(end - start));
  }

  /** Runs the level-barrier workflow. */
  RawRun runLevelBarrier(List<List<Long>> sleepMillisByLevel) {
    WorkflowOptions options = rawOptions("barrier");
    LevelBarrierWorkflow workflow = client().newWorkflowStub(LevelBarrierWorkflow.class, options);
    long start = System.nanoTime();
    int ran = workflow.run(sleepMillisByLevel);
    long end = System.nanoTime();
    check(ran, sleepMillisByLevel.stream().mapToInt(List::size).sum());
    return new RawRun(options.getWorkflowId(), millis(end - start));
  }

  /** How many events the workflow's history holds. */
  int historyEvents(String workflowId) {
    return client().fetchHistory(workflowId).getEvents().size();
  }

  private WorkflowOptions rawOptions(String kind) {
    return WorkflowOptions.newBuilder()
        .setTaskQueue(RawWorkers.TASK_QUEUE)
        .setWorkflowId("bench-" + kind + "-" + rawRuns.incrementAndGet())
        .build();
  }

  private WorkflowClient client() {
    return temporal.getWorkflowClient();
  }

  private static void check(int ran, int expected) {
    if (ran != expected) {
      throw new IllegalStateException("raw workflow ran " + ran + " activities of " + expected);
    }
  }

  private static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }

  @Override
  public void close() {
    temporal.shutdown();
    temporal.close();
    store.close();
  }
}
