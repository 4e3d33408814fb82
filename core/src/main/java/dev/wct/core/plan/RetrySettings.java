package dev.wct.core.plan;

import dev.wct.core.Checks;
import java.time.Duration;
import java.util.Objects;

/**
 * How a producer is retried. {@code maximumInterval} may be null (Temporal's default: 100 times the
 * initial interval).
 */
public record RetrySettings(
    int maxAttempts,
    Duration initialInterval,
    double backoffCoefficient,
    Duration maximumInterval) {
  public static final RetrySettings DEFAULT =
      new RetrySettings(3, Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1));

  public RetrySettings {
    Objects.requireNonNull(initialInterval, "initialInterval");
    Checks.atLeastOne("maxAttempts", maxAttempts);
    if (backoffCoefficient < 1.0) {
      throw new IllegalArgumentException(
          "backoffCoefficient must be at least 1.0, got " + backoffCoefficient);
    }
  }
}
