package dev.wct.workflows.run;

import dev.wct.workflows.partition.PartitionBlockWorkflowImpl;
import dev.wct.workflows.partition.PartitionedArtifactWorkflowImpl;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;

/** Worker settings the engine relies on; every worker hosting wct should use them. */
public final class RunbookWorkerOptions {
  /**
   * How often a producer's heartbeats actually reach the server, and so how soon a producer learns
   * that its run was cancelled or timed out. The SDK's default (80% of the heartbeat timeout, so 48
   * s here) would leave cancelled producers running for most of a minute.
   */
  public static final Duration HEARTBEAT_THROTTLE = Duration.ofSeconds(1);

  /**
   * The deadlock detector's 1 s default trips when a large plan fans out hundreds of producers in
   * one workflow task on a busy machine (the task is retried, but the run slows down).
   */
  public static final Duration DEADLOCK_DETECTION = Duration.ofSeconds(5);

  private RunbookWorkerOptions() {}

  /** The workflow implementations a worker hosting wct registers: the run and its children. */
  public static Class<?>[] workflowImplementations() {
    return new Class<?>[] {
      RunbookWorkflowImpl.class,
      PartitionedArtifactWorkflowImpl.class,
      PartitionBlockWorkflowImpl.class
    };
  }

  public static WorkerOptions workerOptions() {
    return WorkerOptions.newBuilder()
        .setMaxHeartbeatThrottleInterval(HEARTBEAT_THROTTLE)
        .setDefaultHeartbeatThrottleInterval(HEARTBEAT_THROTTLE)
        .setDefaultDeadlockDetectionTimeout(DEADLOCK_DETECTION.toMillis())
        .build();
  }
}
