package dev.wct.core.run;

/** The status of a run, as {@code wct runs} and the exit code report it. */
public enum RunStatus {
  RUNNING,
  /** Every artifact succeeded. */
  COMPLETED,
  /**
   * Only optional artifacts failed or were skipped. Failures beat warnings: such a run is this even
   * when artifacts also carry coverage warnings.
   */
  COMPLETED_WITH_ERRORS,
  /**
   * Every artifact succeeded, but some did not read everything they should have (coverage warnings:
   * skipped files, tables that could not be read, a source that read nothing).
   */
  COMPLETED_WITH_WARNINGS,
  FAILED,
  TIMED_OUT,
  CANCELLED,
  /**
   * Never stored: how readers show a run whose record still says {@link #RUNNING} but whose
   * embedded process died (its owner is gone or stopped beating). {@code wct retry} continues it.
   */
  INTERRUPTED;

  public boolean finished() {
    return this != RUNNING;
  }

  /**
   * Every artifact that had to be produced was: {@code wct run} exits 0 for these, but 3 for {@link
   * #COMPLETED_WITH_WARNINGS}.
   */
  public boolean successful() {
    return this == COMPLETED || this == COMPLETED_WITH_ERRORS || this == COMPLETED_WITH_WARNINGS;
  }

  /** The lower-case name used in files and output, e.g. {@code completed_with_errors}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
