package dev.wct.engine.visibility;

import dev.wct.workflows.run.RunbookWorkflow;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Which runs a visibility query selects; every null field selects all. One query on the server's
 * visibility store, e.g. {@code WorkflowType = 'Runbook' AND WctRunbook = 'crm_scan' AND WctStatus
 * = 'failed' AND StartTime > '2026-11-24T00:00:00Z'}.
 *
 * @param status a run status label, e.g. {@code failed}
 */
public record RunFilter(String runbook, String status, Instant since, String schedule) {
  public static final RunFilter ALL = new RunFilter(null, null, null, null);

  public RunFilter withSchedule(String name) {
    return new RunFilter(runbook, status, since, name);
  }

  /** The visibility query. */
  public String query() {
    List<String> terms = new ArrayList<>();
    terms.add("WorkflowType = " + quoted(RunbookWorkflow.TYPE));
    if (runbook != null) {
      terms.add("WctRunbook = " + quoted(runbook));
    }
    if (status != null) {
      terms.add("WctStatus = " + quoted(status));
    }
    if (schedule != null) {
      terms.add("WctSchedule = " + quoted(schedule));
    }
    if (since != null) {
      terms.add("StartTime > " + quoted(since.truncatedTo(ChronoUnit.SECONDS).toString()));
    }
    // Newest first is every visibility store's order; SQL stores refuse ORDER BY.
    return String.join(" AND ", terms);
  }

  private static String quoted(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
