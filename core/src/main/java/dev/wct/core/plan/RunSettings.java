package dev.wct.core.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.time.Duration;
import java.util.Objects;

/**
 * The run-wide settings of a plan: {@code config} of the runbook with defaults applied.
 *
 * @param keepSources whether raw source artifacts stay in the store after the run; left out of the
 *     JSON when false, so plans (and their hashes) without it read as before
 * @param retention the runbook's {@code config.retention}, recorded with the run; null if none
 */
public record RunSettings(
    Duration timeout,
    int maxConcurrency,
    RetrySettings retry,
    @JsonInclude(Include.NON_DEFAULT) boolean keepSources,
    @JsonInclude(Include.NON_NULL) Duration retention) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);
  public static final int DEFAULT_MAX_CONCURRENCY = 10;

  public RunSettings {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(retry, "retry");
    PlanLimits.concurrency("maxConcurrency", maxConcurrency);
    if (retention != null && (retention.isNegative() || retention.isZero())) {
      throw new IllegalArgumentException("retention must be positive, got " + retention);
    }
  }

  /** Settings that delete raw sources at the end of the run and set no retention. */
  public RunSettings(Duration timeout, int maxConcurrency, RetrySettings retry) {
    this(timeout, maxConcurrency, retry, false, null);
  }
}
