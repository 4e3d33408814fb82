package dev.wct.bench.raw;

import io.temporal.activity.ActivityOptions;
import io.temporal.worker.Worker;
import java.time.Duration;

/** Registers the raw baseline workflows and their activities. */
public final class RawWorkers {
  public static final String TASK_QUEUE = "wct-bench-raw";

  /** Same start-to-close limit as a benchmark producer; Temporal's default retry policy. */
  static final ActivityOptions ACTIVITY_OPTIONS =
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(10)).build();

  private RawWorkers() {}

  public static void register(Worker worker) {
    worker.registerWorkflowImplementationTypes(
        RawFanOutWorkflowImpl.class, LevelBarrierWorkflowImpl.class);
    worker.registerActivitiesImplementations(new BenchActivitiesImpl());
  }
}
