package dev.wct.bench;

import dev.wct.activities.worker.ProducerEnvironment;
import dev.wct.activities.worker.WctWorkers;
import dev.wct.bench.components.BenchComponents;
import dev.wct.bench.measure.RunSpans;
import dev.wct.bench.measure.TimingArtifactStore;
import dev.wct.bench.raw.LevelBarrierWorkflow;
import dev.wct.bench.raw.RawFanOutWorkflow;
import dev.wct.bench.raw.RawWorkers;
import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.run.RunStatus;
import dev.wct.engine.RunHandle;
import dev.wct.engine.RunLauncher;
import dev.wct.store.ArtifactStore;
import dev.wct.workflows.run.RunOptions;
import dev.wct.workflows.run.RunResult;
import dev.wct.workflows.testserver.TestServerLockLog;
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
      double cpuMillis,
      double launchMillis,
      RunResult result,
      Map<String, TimingArtifactStore.Total> storeTotals) {}

  BenchEngine(ArtifactStore backend, Path workingDirectory) {
    this.store = new TimingArtifactStore(Objects.requireNonNull(backend, "backend"));
    this.temporal =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    TestServerLockLog.turnOff(temporal);
    io.temporal.worker.WorkerOptions workerOptions =
        io.temporal.worker.WorkerOptions.newBuilder()
            .setMaxConcurrentActivityExecutionSize(Integer.getInteger("bench.activitySlots", 200))
            .build();
    WctWorkers.register(
        temporal.newWorker(WctWorkers.TASK_QUEUE, workerOptions),
        new ProducerEnvironment(store, BenchComponents.catalog(), name -> null, workingDirectory));
    RawWorkers.register(temporal.newWorker(RawWorkers.TASK_QUEUE, workerOptions));
    temporal.start();
    this.launcher = new RunLauncher(temporal.getWorkflowClient(), store);
  }

  /** Runs a plan through RunbookWorkflow, from launch to result; fails unless all succeeded. */
  WctRun runWct(ExecutionPlan plan) {
    store.reset();
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    RunHandle handle = launcher.start(plan, null, RunOptions.DEFAULT);
    long launched = System.nanoTime();
    RunResult result = handle.awaitResult();
    long end = System.nanoTime();
    if (result.status() != RunStatus.COMPLETED) {
      throw new IllegalStateException(
          "run " + result.runId() + " of '" + plan.runbook().name() + "' ended " + result.status());
    }
    long cpu = processCpuNanos() - cpuStart;
    return new WctRun(
        handle.workflowId(),
        millis(end - start),
        millis(cpu),
        millis(launched - start),
        result,
        store.totals());
  }

  /** How one raw workflow run went. */
  record RawRun(String workflowId, double wallMillis, double cpuMillis) {}

  /** Runs the raw fan-out (or chain) workflow. */
  RawRun runRawFanOut(int count, boolean chained) {
    WorkflowOptions options = rawOptions("fan-out");
    RawFanOutWorkflow workflow = client().newWorkflowStub(RawFanOutWorkflow.class, options);
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    int ran = workflow.run(count, chained);
    long end = System.nanoTime();
    long cpu = processCpuNanos() - cpuStart;
    check(ran, count);
    return new RawRun(options.getWorkflowId(), millis(end - start), millis(cpu));
  }

  /** Runs the level-barrier workflow. */
  RawRun runLevelBarrier(List<List<Long>> sleepMillisByLevel) {
    WorkflowOptions options = rawOptions("barrier");
    LevelBarrierWorkflow workflow = client().newWorkflowStub(LevelBarrierWorkflow.class, options);
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    int ran = workflow.run(sleepMillisByLevel);
    long end = System.nanoTime();
    long cpu = processCpuNanos() - cpuStart;
    check(ran, sleepMillisByLevel.stream().mapToInt(List::size).sum());
    return new RawRun(options.getWorkflowId(), millis(end - start), millis(cpu));
  }

  /** Head, producers and tail of a completed run, from its history. */
  RunSpans spans(String workflowId) {
    return RunSpans.of(client().fetchHistory(workflowId).getEvents());
  }

  /** How many events the workflow's history holds. */
  int historyEvents(String workflowId) {
    return client().fetchHistory(workflowId).getEvents().size();
  }

  /**
   * Where a run's time went between its activities, from the timestamps of its history: medians of
   * scheduled to started (waiting for a worker), started to completed (the activity itself) and, in
   * a chain, completed to the next activity's scheduling (the workflow's turn), in ms.
   */
  String activityPhases(String workflowId) {
    java.util.Map<Long, Long> scheduledAt = new java.util.HashMap<>();
    java.util.Map<Long, Long> startedAt = new java.util.HashMap<>();
    List<Double> waiting = new java.util.ArrayList<>();
    List<Double> running = new java.util.ArrayList<>();
    List<Double> turns = new java.util.ArrayList<>();
    long lastCompleted = -1;
    for (io.temporal.api.history.v1.HistoryEvent event :
        client().fetchHistory(workflowId).getEvents()) {
      long at = RunSpans.nanos(event);
      switch (event.getEventType()) {
        case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> {
          scheduledAt.put(event.getEventId(), at);
          if (lastCompleted >= 0) {
            turns.add(millis(at - lastCompleted));
            lastCompleted = -1;
          }
        }
        case EVENT_TYPE_ACTIVITY_TASK_STARTED -> {
          long scheduled = event.getActivityTaskStartedEventAttributes().getScheduledEventId();
          startedAt.put(scheduled, at);
          waiting.add(millis(at - scheduledAt.getOrDefault(scheduled, at)));
        }
        case EVENT_TYPE_ACTIVITY_TASK_COMPLETED -> {
          long scheduled = event.getActivityTaskCompletedEventAttributes().getScheduledEventId();
          running.add(millis(at - startedAt.getOrDefault(scheduled, at)));
          lastCompleted = at;
        }
        default -> {}
      }
    }
    return String.format(
        "scheduled→started %.2f, started→completed %.2f, completed→next scheduled %.2f (ms, medians"
            + " of %d activities)",
        median(waiting), median(running), median(turns), running.size());
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new java.util.ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
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

  /**
   * CPU time of the whole process, every thread: the engine, its workers and the embedded server
   * run here, so other processes on the machine do not count. The JIT compilers and the collector
   * do, whatever they happen to be working on during the run.
   */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
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
