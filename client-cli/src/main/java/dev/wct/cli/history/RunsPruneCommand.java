package dev.wct.cli.history;

import dev.wct.cli.options.Age;
import dev.wct.cli.options.StoreOptions;
import dev.wct.core.run.RunStatus;
import dev.wct.spi.error.WctException;
import dev.wct.store.ArtifactStore;
import dev.wct.store.runs.RunRecord;
import dev.wct.store.runs.RunRecords;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wct runs prune}: deletes the runs that ended longer ago than their retention. */
@Command(
    name = "prune",
    mixinStandardHelpOptions = true,
    description = {
      "Delete the runs that ended longer ago than an age: every artifact and record of each.",
      "Without --older-than, each run is kept for the 'config.retention' its runbook set"
          + " (recorded with the run when it started); runs whose runbook set none are kept.",
      "Running runs are never deleted."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  wct runs prune --older-than 90d --dry-run",
      "  wct runs prune --older-than 30d --status failed",
      "  wct runs prune                      # each run's own config.retention"
    })
public final class RunsPruneCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private StoreOptions store;

  @Option(
      names = "--older-than",
      paramLabel = "AGE",
      converter = Age.class,
      description =
          "Delete runs that ended more than AGE ago, such as 90d, 12h or 30m (default: each"
              + " run's own config.retention; runs without one are kept).")
  private Duration olderThan;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description =
          "Only runs with this status: completed, completed_with_errors, failed, timed_out,"
              + " cancelled.")
  private String status;

  @Option(
      names = "--dry-run",
      description = "List the runs that would be deleted, and delete nothing.")
  private boolean dryRun;

  private final Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    RunStatus wanted = status == null ? null : RunsCommand.parseStatus(status);
    if (wanted == RunStatus.RUNNING) {
      throw WctException.user("--status running: running runs are never deleted");
    }
    PrintWriter out = spec.commandLine().getOut();
    Instant now = clock.instant();
    try (ArtifactStore artifacts = store.open()) {
      RunRecords records = new RunRecords(artifacts);
      List<RunRecord> expired = new ArrayList<>();
      for (RunRecord run : records.runs()) {
        if (run.status() == RunStatus.RUNNING || run.endedAt() == null) {
          continue;
        }
        if (wanted != null && run.status() != wanted) {
          continue;
        }
        Duration keep = olderThan != null ? olderThan : run.retention();
        if (keep != null && run.endedAt().isBefore(now.minus(keep))) {
          expired.add(run);
        }
      }
      for (RunRecord run : expired) {
        if (!dryRun) {
          artifacts.deleteRun(run.runId());
        }
        out.println(
            (dryRun ? "Would delete run " : "Deleted run ")
                + run.runId()
                + " ("
                + run.status().label()
                + ", ended "
                + run.endedAt().truncatedTo(ChronoUnit.SECONDS)
                + ", kept "
                + Age.format(olderThan != null ? olderThan : run.retention())
                + (olderThan != null ? "" : " by its runbook's config.retention")
                + ")");
      }
      out.println(summary(expired.size()));
      out.flush();
    }
    return 0;
  }

  private String summary(int count) {
    String runs = count == 1 ? "1 run" : count + " runs";
    if (count == 0) {
      return "No runs to prune in store "
          + store.displayName()
          + (olderThan == null
              ? " (without --older-than, only runs whose runbook set config.retention expire)."
              : ".");
    }
    return dryRun
        ? runs + " would be deleted (dry run: nothing was deleted)."
        : runs + " deleted from store " + store.displayName() + ".";
  }
}
