package dev.wct.engine.schedule;

import dev.wct.spi.error.WctException;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a schedule does when a fire comes while its previous run still runs. */
public enum Overlap {
  /** The default: the fire is dropped; the run in flight finishes. */
  SKIP(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP),
  BUFFER_ONE(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_BUFFER_ONE),
  BUFFER_ALL(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_BUFFER_ALL),
  CANCEL_OTHER(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_CANCEL_OTHER),
  ALLOW_ALL(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_ALLOW_ALL);

  private final ScheduleOverlapPolicy policy;

  Overlap(ScheduleOverlapPolicy policy) {
    this.policy = policy;
  }

  public ScheduleOverlapPolicy policy() {
    return policy;
  }

  /** {@code buffer-one}, as the command line spells it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Overlap parse(String text) {
    for (Overlap overlap : values()) {
      if (overlap.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return overlap;
      }
    }
    throw WctException.user(
        "--overlap: unknown policy '"
            + text
            + "'; one of: "
            + Arrays.stream(values()).map(Overlap::label).collect(Collectors.joining(", ")));
  }

  static Overlap of(ScheduleOverlapPolicy policy) {
    for (Overlap overlap : values()) {
      if (overlap.policy == policy) {
        return overlap;
      }
    }
    return SKIP;
  }
}
