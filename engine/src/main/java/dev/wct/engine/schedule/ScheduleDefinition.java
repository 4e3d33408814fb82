package dev.wct.engine.schedule;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.spi.error.WctException;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A wct schedule: when a runbook's plan runs and what happens on overlap. The plan is validated and
 * pinned when the schedule is created or updated; each fire runs that plan.
 *
 * @param name the schedule ID on the server, also part of each run's workflow and run ID
 * @param runbookPath the runbook file, absolute, which {@code wct schedule update} plans again
 * @param cron a cron expression, or null with {@code every}
 * @param every an interval, or null with {@code cron}
 * @param timezone an IANA time zone for {@code cron}; null is UTC
 * @param jitter a random delay of up to this much per fire; may be null
 * @param catchupWindow how late a missed fire may still start (e.g. after an outage); may be null
 * @param note why it is paused, or any remark; may be null
 */
public record ScheduleDefinition(
    String name,
    String runbookPath,
    ExecutionPlan plan,
    String cron,
    Duration every,
    String timezone,
    Overlap overlap,
    Duration jitter,
    Duration catchupWindow,
    boolean paused,
    String note) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,79}");

  public ScheduleDefinition {
    name(name);
    Objects.requireNonNull(plan, "plan");
    checkTiming(cron, every, timezone);
    overlap = overlap == null ? Overlap.SKIP : overlap;
  }

  /** Exactly one of a cron expression and an interval; a time zone only with the former. */
  public static void checkTiming(String cron, Duration every, String timezone) {
    if ((cron == null) == (every == null)) {
      throw WctException.user("give exactly one of --cron EXPR and --every DURATION");
    }
    if (every != null && (every.isNegative() || every.toSeconds() < 1)) {
      throw WctException.user("--every: must be at least 1s, got " + every);
    }
    if (timezone != null && every != null) {
      throw WctException.user("--timezone applies to --cron only");
    }
  }

  /** Returns {@code name} if it is a valid schedule name. */
  public static String name(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw WctException.user(
          "schedule name '"
              + name
              + "': use letters, digits, '_', '-' and '.', starting with a letter or digit, at"
              + " most 80 characters");
    }
    return name;
  }

  /** {@code cron '0 2 * * *' (Europe/Paris)} or {@code every 1h}, as the user gave it. */
  public String when() {
    return ScheduleView.when(cron, every, timezone);
  }
}
