package dev.wct.workflows.run;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The IDs of scheduled runs. A schedule's action starts {@code wct-sched-NAME}; Temporal appends
 * the fire time ({@code wct-sched-nightly-2026-12-01T02:00:00Z}), so each fire has its own workflow
 * ID and, derived from it, its own run ID ({@code 20261201-020000-nightly}), which sorts by time
 * like every other run ID.
 */
public final class ScheduledRunIds {
  private static final String PREFIX = "wct-sched-";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private ScheduledRunIds() {}

  /** The workflow ID a schedule's action starts with, before Temporal appends the fire time. */
  public static String workflowIdBase(String schedule) {
    return PREFIX + schedule;
  }

  /** The run ID of the run whose workflow ID is {@code workflowId}, started by {@code schedule}. */
  public static String runId(String schedule, String workflowId) {
    String base = workflowIdBase(schedule) + "-";
    String fireTime =
        workflowId.startsWith(base) ? workflowId.substring(base.length()) : workflowId;
    try {
      return STAMP.format(Instant.parse(fireTime)) + "-" + schedule;
    } catch (DateTimeParseException notAFireTime) {
      // Not started by the schedule's action as Temporal names it: still one safe, unique name.
      return schedule + "-" + fireTime.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
  }

  /** The request's run ID, or for a scheduled run the one its workflow ID gives. */
  static String of(RunRequest request, String workflowId) {
    return request.runId() != null ? request.runId() : runId(request.schedule(), workflowId);
  }
}
