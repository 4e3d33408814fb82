package dev.wct.activities.producer;

import dev.wct.core.run.CoverageCollector;
import dev.wct.spi.ProducerContext;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityWorkerShutdownException;
import java.nio.file.Path;

/**
 * A component's view of the activity running it; heartbeats go to Temporal, coverage to this
 * attempt's collector. {@code producesPartition} is true for a per-item analyser's partition.
 */
record ActivityProducerContext(
    String runId,
    String artifactId,
    Path workingDirectory,
    ActivityExecutionContext activity,
    CoverageCollector coverage,
    boolean producesPartition)
    implements ProducerContext {
  ActivityProducerContext(
      String runId,
      String artifactId,
      Path workingDirectory,
      ActivityExecutionContext activity,
      CoverageCollector coverage) {
    this(runId, artifactId, workingDirectory, activity, coverage, false);
  }

  /**
   * Once its worker is shutting down, heartbeats no longer reach Temporal and the SDK says so by
   * throwing; the producer goes on instead, so that it finishes within the worker's grace period
   * rather than start over elsewhere. One still running when the grace period ends is interrupted
   * and retried on another worker.
   */
  @Override
  public void heartbeat(Object progress) {
    try {
      activity.heartbeat(progress);
    } catch (ActivityWorkerShutdownException draining) {
      // Finish the attempt: see above.
    }
  }
}
