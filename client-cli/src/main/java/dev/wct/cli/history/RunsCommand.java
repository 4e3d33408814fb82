package dev.wct.cli.history;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.cli.options.Age;
import dev.wct.cli.options.JsonOption;
import dev.wct.cli.options.StoreOptions;
import dev.wct.cli.options.TemporalOptions;
import dev.wct.cli.report.RunJson;
import dev.wct.cli.report.TextTable;
import dev.wct.cli.report.Units;
import dev.wct.cli.report.inventory.StoredRun;
import dev.wct.core.Checks;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.run.RunStatus;
import dev.wct.engine.visibility.RunFilter;
import dev.wct.spi.error.WctException;
import dev.wct.spi.json.Json;
import dev.wct.spi.text.Suggestions;
import dev.wct.store.ArtifactStore;
import dev.wct.store.runs.RunLiveness;
import dev.wct.store.runs.RunRecord;
import dev.wct.store.runs.RunRecords;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wct runs}: the runs in the store, newest first. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = {
      "List the runs in the artifact store, newest first; with --address, the runs a Temporal"
          + " server knows, through one visibility query.",
      "'wct runs delete' and 'wct runs prune' remove runs from the store."
    },
    subcommands = {RunsDeleteCommand.class, RunsPruneCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {
      "  wct runs",
      "  wct runs --status failed --limit 5",
      "  wct runs --store /data/wct --json",
      "  wct runs --address 127.0.0.1:7233 --runbook crm_scan --status failed --since 7d",
      "  wct runs delete 20261122-153012-ab12cd",
      "  wct runs prune --older-than 90d --dry-run"
    })
public final class RunsCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private StoreOptions store;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description =
          "Only runs with this status: running, completed, completed_with_errors,"
              + " completed_with_warnings, failed, timed_out, cancelled, interrupted (an"
              + " embedded run whose process died; 'wct retry' continues it).")
  private String status;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "Show at most N runs (default: ${DEFAULT-VALUE}).")
  private int limit;

  @Mixin private JsonOption json;

  @Option(names = "--runbook", paramLabel = "NAME", description = "Only runs of this runbook.")
  private String runbook;

  @Option(
      names = "--since",
      paramLabel = "AGE",
      converter = Age.class,
      description = "Only runs started within this age, e.g. 7d or 12h.")
  private Duration since;

  @Option(
      names = "--schedule",
      paramLabel = "NAME",
      description = "Only runs this schedule started, with --address.")
  private String schedule;

  @Mixin private TemporalOptions temporal;

  @Override
  public Integer call() throws Exception {
    try {
      Checks.atLeastOne("--limit", limit);
    } catch (IllegalArgumentException e) {
      throw WctException.user(e.getMessage());
    }
    RunStatus wanted = status == null ? null : parseStatus(status);
    Instant startedAfter = since == null ? null : Instant.now().minus(since);
    PrintWriter out = spec.commandLine().getOut();
    if (temporal.clusterGiven()) {
      RunFilter filter =
          new RunFilter(runbook, wanted == null ? null : wanted.label(), startedAfter, schedule);
      TemporalRuns.print(temporal, filter, limit, json.enabled(), out);
      return 0;
    }
    if (schedule != null) {
      throw WctException.user("--schedule needs --address HOST:PORT: schedules live there");
    }
    try (ArtifactStore artifacts = store.open()) {
      RunRecords records = new RunRecords(artifacts);
      List<RunRecord> matching =
          records.runs().stream()
              .map(new RunLiveness(records)::shown)
              .filter(r -> wanted == null || r.status() == wanted)
              .filter(r -> runbook == null || runbook.equals(r.runbookName()))
              .filter(r -> startedAfter == null || r.startedAt().isAfter(startedAfter))
              .toList();
      List<StoredRun> shown =
          matching.stream()
              .limit(limit)
              .map(r -> new StoredRun(r, records.artifacts(r.runId()), null))
              .toList();
      if (json.enabled()) {
        printJson(shown, out);
      } else {
        printTable(shown, matching.size(), out);
      }
    }
    return 0;
  }

  private void printTable(List<StoredRun> runs, int total, PrintWriter out) {
    if (runs.isEmpty()) {
      out.println(
          (status == null ? "No runs" : "No " + status + " runs")
              + " in store "
              + store.displayName()
              + ".");
      out.flush();
      return;
    }
    TextTable table =
        new TextTable(
            "RUN ID", "RUNBOOK", "STATUS", "STARTED", "DURATION", "SUCCEEDED", "FAILED", "SKIPPED");
    for (StoredRun run : runs) {
      table.row(
          run.run().runId(),
          run.run().runbookName(),
          run.run().status().label(),
          run.run().startedAt().truncatedTo(ChronoUnit.SECONDS),
          Units.duration(run.durationMillis()),
          run.count(ArtifactState.SUCCEEDED),
          run.count(ArtifactState.FAILED),
          run.count(ArtifactState.SKIPPED));
    }
    table.print(out);
    if (total > runs.size()) {
      out.println("(" + runs.size() + " of " + total + " runs shown; --limit N shows more)");
      out.flush();
    }
  }

  private static void printJson(List<StoredRun> runs, PrintWriter out) throws Exception {
    ArrayNode array = Json.mapper().createArrayNode();
    for (StoredRun run : runs) {
      ObjectNode node = RunJson.run(run);
      node.set("runbook", RunJson.runbook(run));
      node.set("summary", RunJson.summary(run));
      array.add(node);
    }
    out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array));
    out.flush();
  }

  static RunStatus parseStatus(String text) {
    for (RunStatus candidate : RunStatus.values()) {
      if (candidate.label().equalsIgnoreCase(text.trim())) {
        return candidate;
      }
    }
    List<String> labels = Arrays.stream(RunStatus.values()).map(RunStatus::label).toList();
    throw WctException.user(
        "unknown status '"
            + text
            + "'"
            + Suggestions.hint(text, labels)
            + "; one of: "
            + labels.stream().collect(Collectors.joining(", ")));
  }
}
