package dev.wct.workflows.producer;

import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;
import java.util.Locale;

/**
 * How producer errors cross the activity boundary: the type is the {@link ErrorKind} name (or the
 * exception class for unexpected errors), the only detail is the attempt number, the message one
 * line.
 */
public final class ProducerFailures {
  private ProducerFailures() {}

  /** Converts an error of attempt {@code attempt}; user errors are never retried. */
  public static ApplicationFailure of(Throwable error, int attempt) {
    String message = oneLine(error);
    if (error instanceof WctException wct) {
      return wct.kind().retryable()
          ? ApplicationFailure.newFailure(message, wct.kind().name(), attempt)
          : ApplicationFailure.newNonRetryableFailure(message, wct.kind().name(), attempt);
    }
    return ApplicationFailure.newFailure(message, error.getClass().getName(), attempt);
  }

  /** The attempt number carried by a failure made by {@link #of}, or -1. */
  public static int attemptOf(ApplicationFailure failure) {
    try {
      return failure.getDetails().getSize() > 0 ? failure.getDetails().get(0, Integer.class) : -1;
    } catch (RuntimeException unreadable) {
      return -1;
    }
  }

  /**
   * What the workflow records of a producer that failed for good.
   *
   * @param message one line
   * @param kind the ErrorKind name, the exception class, or {@code TIMEOUT}
   * @param attempts attempts made
   */
  public record Decoded(String message, String kind, int attempts) {}

  /**
   * Decodes the failure of a producer activity as the workflow sees it: a failure made by {@link
   * #of} gives its message, type and attempt; a timeout gives {@code TIMEOUT}, with one attempt
   * unless the retries ran out. Pure, so workflow code may call it.
   *
   * @param maxAttempts the artifact's retry limit, the attempts when the failure does not say
   */
  public static Decoded decode(RuntimeException failure, int maxAttempts) {
    Throwable cause = failure instanceof ActivityFailure ? failure.getCause() : failure;
    if (cause instanceof ApplicationFailure app) {
      int attempt = attemptOf(app);
      return new Decoded(
          app.getOriginalMessage(), app.getType(), attempt > 0 ? attempt : maxAttempts);
    }
    if (cause instanceof TimeoutFailure timeout) {
      boolean retriesRanOut =
          !(failure instanceof ActivityFailure activity)
              || activity.getRetryState() == RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED;
      return new Decoded(
          "timed out (" + timeout.getTimeoutType().name().toLowerCase(Locale.ROOT) + ")",
          "TIMEOUT",
          retriesRanOut ? maxAttempts : 1);
    }
    return new Decoded(oneLine(failure), failure.getClass().getSimpleName(), maxAttempts);
  }

  /** The error's message on one line, or its class name if it has none. */
  public static String oneLine(Throwable error) {
    String message = error.getMessage();
    if (message == null || message.isBlank()) {
      return error.getClass().getSimpleName();
    }
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
