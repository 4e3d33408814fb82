package dev.wct.engine.schedule;

import dev.wct.engine.visibility.VisibleRun;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A wct schedule as the server describes it: its definition (without the plan, which travels in its
 * action), its state, its next fire times and its recent runs with their wct status.
 *
 * @param planHash the hash of the plan each fire runs, pinned when it was created or updated
 * @param recentRuns newest first; empty from {@code wct schedule list}
 */
public record ScheduleView(
    String name,
    String runbook,
    String runbookPath,
    String planHash,
    String cron,
    Duration every,
    String timezone,
    Overlap overlap,
    Duration jitter,
    Duration catchupWindow,
    boolean paused,
    String note,
    long actions,
    List<Instant> nextTimes,
    List<VisibleRun> recentRuns) {

  /** {@code cron '0 2 * * *' (Europe/Paris)} or {@code every 1h}. */
  public String when() {
    return when(cron, every, timezone);
  }

  static String when(String cron, Duration every, String timezone) {
    if (every != null) {
      return "every " + every.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
    return "cron '" + cron + "'" + (timezone == null ? "" : " (" + timezone + ")");
  }
}
