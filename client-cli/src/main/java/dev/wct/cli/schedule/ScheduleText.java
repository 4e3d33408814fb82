package dev.wct.cli.schedule;

import dev.wct.cli.report.TextTable;
import dev.wct.engine.schedule.ScheduleView;
import dev.wct.engine.visibility.VisibleRun;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** How schedules read on the terminal. */
final class ScheduleText {
  private ScheduleText() {}

  static void created(ScheduleView schedule, PrintWriter out) {
    out.println(
        "Schedule "
            + schedule.name()
            + " created: runbook "
            + schedule.runbook()
            + " (plan "
            + schedule.planHash()
            + "), "
            + schedule.when()
            + ", overlap "
            + schedule.overlap().label()
            + (schedule.paused() ? ", paused" : ""));
    out.println("Next: " + next(schedule.nextTimes()));
    out.flush();
  }

  static void updated(ScheduleView before, ScheduleView after, PrintWriter out) {
    out.println(
        "Schedule "
            + after.name()
            + " updated: runbook "
            + after.runbook()
            + (before.planHash() != null && before.planHash().equals(after.planHash())
                ? " (plan " + after.planHash() + ", unchanged)"
                : " (plan " + after.planHash() + ", was " + before.planHash() + ")")
            + ", "
            + after.when()
            + ", overlap "
            + after.overlap().label()
            + (after.paused() ? ", paused" : ""));
    out.println("Next: " + next(after.nextTimes()));
    out.flush();
  }

  static void list(List<ScheduleView> schedules, PrintWriter out) {
    if (schedules.isEmpty()) {
      out.println("No schedules; wct schedule create makes one.");
      out.flush();
      return;
    }
    TextTable table = new TextTable("NAME", "RUNBOOK", "WHEN", "OVERLAP", "STATE", "NEXT", "RUNS");
    for (ScheduleView schedule : schedules) {
      table.row(
          schedule.name(),
          schedule.runbook(),
          schedule.when(),
          schedule.overlap().label(),
          schedule.paused() ? "paused" : "active",
          schedule.paused() || schedule.nextTimes().isEmpty()
              ? "-"
              : seconds(schedule.nextTimes().get(0)),
          schedule.actions());
    }
    table.print(out);
  }

  static void describe(ScheduleView schedule, PrintWriter out) {
    out.println("Schedule:   " + schedule.name());
    out.println("Runbook:    " + schedule.runbook() + " (" + schedule.runbookPath() + ")");
    out.println("Plan hash:  " + schedule.planHash());
    out.println("When:       " + schedule.when());
    if (schedule.jitter() != null) {
      out.println("Jitter:     " + schedule.jitter());
    }
    if (schedule.catchupWindow() != null) {
      out.println("Catch-up:   " + schedule.catchupWindow());
    }
    out.println("Overlap:    " + schedule.overlap().label());
    out.println(
        "State:      "
            + (schedule.paused() ? "paused" : "active")
            + (schedule.note() == null ? "" : " (" + schedule.note() + ")"));
    out.println("Fired:      " + schedule.actions() + " time(s)");
    out.println("Next:       " + (schedule.paused() ? "-" : next(schedule.nextTimes())));
    out.println();
    if (schedule.recentRuns().isEmpty()) {
      out.println("No runs yet.");
      out.flush();
      return;
    }
    out.println("Recent runs:");
    TextTable table = new TextTable("RUN ID", "STATUS", "STARTED", "CLOSED", "FAILED ARTIFACTS");
    for (VisibleRun run : schedule.recentRuns()) {
      table.row(
          run.runId(),
          run.status(),
          seconds(run.startedAt()),
          run.closedAt() == null ? "-" : seconds(run.closedAt()),
          run.failedArtifacts() == null ? "-" : run.failedArtifacts());
    }
    table.print(out);
  }

  private static String next(List<Instant> times) {
    if (times.isEmpty()) {
      return "none";
    }
    return String.join(", ", times.stream().limit(3).map(ScheduleText::seconds).toList());
  }

  private static String seconds(Instant instant) {
    return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
