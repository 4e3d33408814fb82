package dev.wct.core.run;

/** The status of a run, as {@code wct runs} and the exit code report it. */
public enum RunStatus {
  RUNNING,
  /** Every artifact succeeded. */
  COMPLETED,
  /** Only optional artifacts failed or were skipped. */
  COMPLETED_WITH_ERRORS,
  FAILED,
  TIMED_OUT,
  CANCELLED;

  public boolean finished() {
    return this != RUNNING;
  }

  /** {@code wct run} exits 0 for these. */
  public boolean successful() {
    return this == COMPLETED || this == COMPLETED_WITH_ERRORS;
  }

  /** The lower-case name used in files and output, e.g. {@code completed_with_errors}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
