package dev.wct.cli.run;

import dev.wct.cli.options.StoreOptions;
import dev.wct.cli.options.TemporalOptions;
import dev.wct.engine.RunHandle;
import dev.wct.engine.connect.TemporalConnection;
import dev.wct.spi.ComponentCatalog;
import dev.wct.store.ArtifactStore;
import dev.wct.workflows.run.RunResult;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code wct run} and {@code wct retry} do once a run has started: follow it with live
 * progress (on a cluster, SIGTERM and SIGHUP detach; Ctrl-C asks or cancels), then print the
 * summary and write the results document. Returns the exit code.
 */
public final class RunFollowUp {
  private final CommandSpec spec;
  private final ComponentCatalog catalog;
  private final StoreOptions store;
  private final TemporalOptions temporal;
  private final Path output;
  private final boolean quiet;
  private final boolean cancelOnInterrupt;

  /**
   * @param output where to write the results document; null for the run's record in the store
   * @param quiet no live progress
   * @param cancelOnInterrupt on a cluster, Ctrl-C cancels the run without asking
   */
  public RunFollowUp(
      CommandSpec spec,
      ComponentCatalog catalog,
      StoreOptions store,
      TemporalOptions temporal,
      Path output,
      boolean quiet,
      boolean cancelOnInterrupt) {
    this.spec = spec;
    this.catalog = catalog;
    this.store = store;
    this.temporal = temporal;
    this.output = output;
    this.quiet = quiet;
    this.cancelOnInterrupt = cancelOnInterrupt;
  }

  /** Follows {@code run} to its end, or until detached; returns the exit code. */
  public int follow(
      RunHandle run, TemporalConnection connection, boolean onCluster, ArtifactStore artifacts)
      throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    connection.warning().ifPresent(warning -> err.println("wct: " + warning));
    RunResult result;
    if (onCluster) {
      Optional<RunResult> followed =
          RunFollower.followOnCluster(
              run,
              quiet,
              out,
              err,
              SignalReaction.runOnCluster(cancelOnInterrupt, run.runId(), consoleAsk()));
      if (followed.isEmpty()) {
        err.println(
            "wct: detached; run "
                + run.runId()
                + " goes on on the cluster. Watch it again: "
                + System.getProperty("wct.command", "wct")
                + " watch "
                + run.runId()
                + temporal.givenArguments()
                + store.givenArguments());
        err.flush();
        return RunExit.NOT_OVER;
      }
      result = followed.get();
    } else {
      result = new RunFollower(run, ProgressDisplay.of(quiet, out), err).follow();
    }
    return new RunReport(catalog, store, output).print(result, artifacts, out);
  }

  /** Asks on the console, when there is one: Ctrl-C there is a person who can answer. */
  static Predicate<String> consoleAsk() {
    Console console = System.console();
    if (console == null) {
      return null;
    }
    return question -> {
      String answer = console.readLine("%nwct: %s", question);
      return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
    };
  }
}
