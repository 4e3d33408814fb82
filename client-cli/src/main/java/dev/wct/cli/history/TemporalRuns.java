package dev.wct.cli.history;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.cli.options.TemporalOptions;
import dev.wct.cli.report.TextTable;
import dev.wct.cli.report.Units;
import dev.wct.engine.connect.ConnectionSettings;
import dev.wct.engine.connect.RemoteConnection;
import dev.wct.engine.visibility.RunFilter;
import dev.wct.engine.visibility.VisibleRun;
import dev.wct.engine.visibility.VisibleRuns;
import dev.wct.spi.json.Json;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code wct runs --temporal}: the runs a Temporal server knows, through one visibility query on
 * wct's search attributes, e.g. every failed run of a runbook in the last week.
 */
final class TemporalRuns {
  private TemporalRuns() {}

  static void print(
      TemporalOptions temporal, RunFilter filter, int limit, boolean json, PrintWriter out)
      throws Exception {
    List<VisibleRun> runs;
    ConnectionSettings settings = temporal.settings();
    try (RemoteConnection connection = RemoteConnection.connect(settings)) {
      runs = VisibleRuns.list(connection.client(), filter, limit);
    }
    if (json) {
      ArrayNode array = Json.mapper().createArrayNode();
      for (VisibleRun run : runs) {
        ObjectNode node = array.addObject();
        node.put("runId", run.runId());
        node.put("workflowId", run.workflowId());
        node.put("runbook", run.runbook());
        node.put("status", run.status());
        node.put("schedule", run.schedule());
        node.put("startedAt", run.startedAt() == null ? null : run.startedAt().toString());
        node.put("endedAt", run.closedAt() == null ? null : run.closedAt().toString());
        if (run.failedArtifacts() != null) {
          node.put("failedArtifacts", run.failedArtifacts());
        }
      }
      out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array));
      out.flush();
      return;
    }
    if (runs.isEmpty()) {
      out.println("No runs on " + settings.address() + " match: " + filter.query());
      out.flush();
      return;
    }
    TextTable table =
        new TextTable("RUN ID", "RUNBOOK", "STATUS", "STARTED", "DURATION", "FAILED", "SCHEDULE");
    for (VisibleRun run : runs) {
      table.row(
          run.runId(),
          run.runbook(),
          run.status(),
          run.startedAt() == null ? "-" : run.startedAt().truncatedTo(ChronoUnit.SECONDS),
          run.startedAt() == null || run.closedAt() == null
              ? "-"
              : Units.duration(run.closedAt().toEpochMilli() - run.startedAt().toEpochMilli()),
          run.failedArtifacts() == null ? "-" : run.failedArtifacts(),
          run.schedule() == null ? "-" : run.schedule());
    }
    table.print(out);
    if (runs.size() == limit) {
      out.println("(the newest " + limit + " shown; --limit N shows more)");
      out.flush();
    }
  }
}
