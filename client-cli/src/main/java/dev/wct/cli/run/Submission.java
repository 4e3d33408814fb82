package dev.wct.cli.run;

import dev.wct.cli.report.suppression.RunSuppressions;
import dev.wct.cli.report.suppression.SuppressionFile;
import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.planner.Planner;
import dev.wct.core.runbook.RunbookParser;
import dev.wct.engine.RunHandle;
import dev.wct.engine.RunLauncher;
import dev.wct.engine.connect.TemporalConnection;
import dev.wct.spi.ComponentCatalog;
import dev.wct.spi.error.WctException;
import dev.wct.store.ArtifactStore;
import dev.wct.workflows.run.RunOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A runbook planned and checked, with its suppressions, ready to start: the one way {@code wct run}
 * and {@code wct submit} start runs.
 *
 * @param runbook the runbook file as the user gave it
 */
public record Submission(Path runbook, ExecutionPlan plan, RunSuppressions suppressions) {

  /**
   * Plans {@code runbook} and reads the suppressions file it names.
   *
   * @throws WctException USER (a {@code RunbookException}) for an invalid runbook
   */
  public static Submission plan(ComponentCatalog catalog, Path runbook) {
    ExecutionPlan plan = new Planner(catalog).plan(runbook);
    return new Submission(runbook, plan, suppressions(runbook));
  }

  /** Starts the run on {@code connection}, its records in {@code store}, and returns at once. */
  public RunHandle start(ArtifactStore store, TemporalConnection connection, RunOptions options) {
    RunHandle run =
        new RunLauncher(
                connection.client(),
                store,
                connection.taskQueue(),
                Clock.systemUTC(),
                connection.hostsWorkers())
            .start(plan, runbook.toString(), options);
    if (suppressions.source() != null) {
      // Kept with the run, so that its reports stay the same whatever becomes of the file.
      suppressions.save(store, run.runId());
    }
    return run;
  }

  /** The first line {@code run} and {@code submit} print: {@code Run ID: NAME (N artifacts)}. */
  public String headline(String runId) {
    return headline(runId, plan);
  }

  /** {@code Run ID: NAME (N artifacts)}, for a run of {@code plan}. */
  public static String headline(String runId, ExecutionPlan plan) {
    int count = plan.artifacts().size();
    return "Run "
        + runId
        + ": "
        + plan.runbook().name()
        + " ("
        + count
        + (count == 1 ? " artifact)" : " artifacts)");
  }

  /**
   * The suppressions file the runbook names ({@code config.suppressions}), read and checked before
   * the run starts; none when it names none.
   */
  private static RunSuppressions suppressions(Path runbook) {
    String file = RunbookParser.parse(runbook).config().suppressions();
    if (file == null) {
      return RunSuppressions.NONE;
    }
    Path folder = runbook.toAbsolutePath().getParent();
    Path path = folder.resolve(file).normalize();
    String shown = runbook.resolveSibling(file).normalize().toString();
    String text;
    try {
      text = Files.readString(path);
    } catch (IOException e) {
      throw WctException.user(
          runbook + ": config.suppressions: cannot read " + shown + ": " + e.getMessage());
    }
    return new RunSuppressions(shown, SuppressionFile.parse(text, shown));
  }
}
