package dev.wct.core.run;

import dev.wct.spi.coverage.SkipReason;
import java.util.Objects;

/**
 * What a producer did with one object (a file path, a table name; never content).
 *
 * @param object the object's name
 * @param state read in full, sampled, or skipped
 * @param rowsRead rows read; only when sampled
 * @param rowsEstimated rows the object holds, exact or from statistics; null if unknown
 * @param reason why it was skipped; only when skipped
 */
public record ObjectCoverage(
    String object, State state, Long rowsRead, Long rowsEstimated, SkipReason reason) {
  /** Read in full, sampled, or not read. */
  public enum State {
    SCANNED,
    SAMPLED,
    SKIPPED
  }

  public ObjectCoverage {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(state, "state");
    if ((state == State.SKIPPED) != (reason != null)) {
      throw new IllegalArgumentException("reason is required when, and only when, skipped");
    }
  }

  public static ObjectCoverage scanned(String object) {
    return new ObjectCoverage(object, State.SCANNED, null, null, null);
  }

  public static ObjectCoverage sampled(String object, long rowsRead, Long rowsEstimated) {
    return new ObjectCoverage(object, State.SAMPLED, rowsRead, rowsEstimated, null);
  }

  public static ObjectCoverage skipped(String object, SkipReason reason) {
    return new ObjectCoverage(
        object, State.SKIPPED, null, null, Objects.requireNonNull(reason, "reason"));
  }
}
