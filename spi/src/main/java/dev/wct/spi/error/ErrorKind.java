package dev.wct.spi.error;

/**
 * The one error taxonomy: decides the CLI exit code, whether Temporal retries, and the log level.
 */
public enum ErrorKind {
  /** Bad runbook, property, path or credentials: no retry can fix it. */
  USER(false, 2),
  /** A database, file system or store that failed or could not be reached: worth retrying. */
  EXTERNAL(true, 1),
  /** A bug in wct or a component. Retried, since it may be transient, and logged loudly. */
  INTERNAL(true, 1);

  private final boolean retryable;
  private final int exitCode;

  ErrorKind(boolean retryable, int exitCode) {
    this.retryable = retryable;
    this.exitCode = exitCode;
  }

  public boolean retryable() {
    return retryable;
  }

  public int exitCode() {
    return exitCode;
  }
}
