package dev.wct.activities.producer;

import dev.wct.core.run.CoverageCollector;
import dev.wct.spi.ProducerContext;
import io.temporal.activity.ActivityExecutionContext;
import java.nio.file.Path;

/**
 * A component's view of the activity running it; heartbeats go to Temporal, coverage to this
 * attempt's collector.
 */
record ActivityProducerContext(
    String runId,
    String artifactId,
    Path workingDirectory,
    ActivityExecutionContext activity,
    CoverageCollector coverage)
    implements ProducerContext {
  @Override
  public void heartbeat(Object progress) {
    activity.heartbeat(progress);
  }
}
