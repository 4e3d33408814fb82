package dev.wct.workflows.producer;

import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.plan.Producer;
import dev.wct.core.plan.RetrySettings;
import dev.wct.spi.error.ErrorKind;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/** Activity options of one producer, from its plan: retry policy, timeouts and UI summary. */
public final class ProducerOptions {
  /**
   * Connectors and analysers heartbeat through their context and at least every few hundred items
   * written; one that stays silent this long is considered stuck and retried. Temporal throttles
   * heartbeats to a fraction of this, so frequent heartbeats cost nothing.
   */
  public static final Duration DEFAULT_HEARTBEAT_TIMEOUT = Duration.ofSeconds(60);

  private ProducerOptions() {}

  public static ActivityOptions of(PlannedArtifact artifact, Duration heartbeatTimeout) {
    ActivityOptions.Builder options =
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(artifact.timeout())
            .setRetryOptions(retryOptions(artifact.retry()))
            .setSummary(artifact.id() + ": " + artifact.producer().label());
    if (heartbeats(artifact.producer())) {
      options.setHeartbeatTimeout(
          heartbeatTimeout != null ? heartbeatTimeout : DEFAULT_HEARTBEAT_TIMEOUT);
    }
    return options.build();
  }

  private static boolean heartbeats(Producer producer) {
    return producer instanceof Producer.Source || producer instanceof Producer.Process;
  }

  private static RetryOptions retryOptions(RetrySettings retry) {
    RetryOptions.Builder options =
        RetryOptions.newBuilder()
            .setMaximumAttempts(retry.maxAttempts())
            .setInitialInterval(retry.initialInterval())
            .setBackoffCoefficient(retry.backoffCoefficient())
            .setDoNotRetry(ErrorKind.USER.name());
    if (retry.maximumInterval() != null) {
      options.setMaximumInterval(retry.maximumInterval());
    }
    return options.build();
  }
}
