package dev.wct.core.plan;

import dev.wct.core.planner.PlanLimits;
import java.time.Duration;
import java.util.Objects;

/** The run-wide settings of a plan: {@code config} of the runbook with defaults applied. */
public record RunSettings(Duration timeout, int maxConcurrency, RetrySettings retry) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);
  public static final int DEFAULT_MAX_CONCURRENCY = 10;

  public RunSettings {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(retry, "retry");
    PlanLimits.concurrency("maxConcurrency", maxConcurrency);
  }
}
