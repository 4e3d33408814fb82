package dev.wct.workflows.run;

import dev.wct.core.plan.PlanLimits;
import java.time.Duration;

/**
 * Per-run overrides of the plan's settings.
 *
 * @param maxConcurrency producers in flight at once, at most {@link PlanLimits#MAX_CONCURRENCY};
 *     null keeps the plan's {@code max_concurrency}
 * @param heartbeatTimeout how long a connector or analyser may stay silent before it is considered
 *     stuck and retried; null keeps the default of 60 s
 */
public record RunOptions(Integer maxConcurrency, Duration heartbeatTimeout) {
  public static final RunOptions DEFAULT = new RunOptions(null, null);

  public RunOptions {
    if (maxConcurrency != null) {
      PlanLimits.concurrency("maxConcurrency", maxConcurrency);
    }
    if (heartbeatTimeout != null && (heartbeatTimeout.isNegative() || heartbeatTimeout.isZero())) {
      throw new IllegalArgumentException(
          "heartbeatTimeout must be positive, got " + heartbeatTimeout);
    }
  }

  public RunOptions(Integer maxConcurrency) {
    this(maxConcurrency, null);
  }
}
