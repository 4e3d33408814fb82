package dev.wct.workflows.producer;

import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import io.temporal.failure.ApplicationFailure;

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

  /** The error's message on one line, or its class name if it has none. */
  public static String oneLine(Throwable error) {
    String message = error.getMessage();
    if (message == null || message.isBlank()) {
      return error.getClass().getSimpleName();
    }
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
