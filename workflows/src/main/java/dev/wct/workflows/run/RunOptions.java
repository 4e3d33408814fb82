package dev.wct.workflows.run;

/**
 * Per-run overrides of the plan's settings.
 *
 * @param maxConcurrency producers in flight at once; null keeps the plan's {@code max_concurrency}
 */
public record RunOptions(Integer maxConcurrency) {
  public static final RunOptions DEFAULT = new RunOptions(null);

  public RunOptions {
    if (maxConcurrency != null && maxConcurrency < 1) {
      throw new IllegalArgumentException(
          "maxConcurrency must be at least 1, got " + maxConcurrency);
    }
  }
}
