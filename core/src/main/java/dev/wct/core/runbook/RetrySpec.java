package dev.wct.core.runbook;

import dev.wct.core.plan.RetrySettings;
import java.time.Duration;

/** A {@code retry} block as written: every field may be absent (null) and falls back. */
public record RetrySpec(
    Integer maxAttempts,
    Duration initialInterval,
    Double backoffCoefficient,
    Duration maximumInterval) {
  public static final RetrySpec EMPTY = new RetrySpec(null, null, null, null);

  /** These settings where given, {@code base} elsewhere. */
  public RetrySettings over(RetrySettings base) {
    return new RetrySettings(
        maxAttempts != null ? maxAttempts : base.maxAttempts(),
        initialInterval != null ? initialInterval : base.initialInterval(),
        backoffCoefficient != null ? backoffCoefficient : base.backoffCoefficient(),
        maximumInterval != null ? maximumInterval : base.maximumInterval());
  }
}
