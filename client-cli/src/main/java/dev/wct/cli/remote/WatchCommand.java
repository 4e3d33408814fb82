package dev.wct.cli.remote;

import dev.wct.cli.context.CliContext;
import dev.wct.cli.options.StoreOptions;
import dev.wct.cli.options.TemporalOptions;
import dev.wct.cli.run.RunExit;
import dev.wct.cli.run.RunFollower;
import dev.wct.cli.run.RunReport;
import dev.wct.cli.run.SignalReaction;
import dev.wct.engine.RunHandle;
import dev.wct.engine.connect.RemoteConnection;
import dev.wct.spi.error.WctException;
import dev.wct.store.ArtifactStore;
import dev.wct.store.runs.RunRecords;
import dev.wct.workflows.run.RunResult;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wct watch}: live progress of a run on a cluster until it ends, then the summary {@code wct
 * run} prints. Ctrl-C only stops the watching.
 */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
      "Follow a run on a Temporal cluster with live progress until it ends, then print its"
          + " summary and write its results document, as wct run does. Ctrl-C (or SIGTERM,"
          + " SIGHUP) stops watching and never cancels the run: wct cancel does.",
      "Exit code: as wct run: 0 completed or completed_with_errors, 1 failed, timed out or"
          + " cancelled, 3 completed_with_warnings, 4 watching stopped while the run goes on;"
          + " 2 unknown run or usage."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  wct watch 20261201-093000-ab12cd --address temporal.example.com:7233"})
public final class WatchCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  private final CliContext context;

  @Parameters(
      index = "0",
      paramLabel = "RUN_ID",
      converter = RunIdParameter.class,
      description = "The run, as wct submit or wct run printed it.")
  private String runId;

  @Mixin private StoreOptions store;

  @Mixin private TemporalOptions temporal;

  @Option(
      names = {"-q", "--quiet"},
      description = "No live progress; only the summary.")
  private boolean quiet;

  WatchCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (ArtifactStore artifacts = store.open();
        RemoteConnection connection = RemoteConnection.connect(temporal.settings())) {
      String workflowId = RunHandle.workflowId(new RunRecords(artifacts), runId);
      if (connection.describeRun(workflowId).isEmpty()) {
        throw WctException.user("no run " + runId + " at Temporal " + connection.describe());
      }
      out.println(
          "Watching run " + runId + " at " + connection.describe() + " (Ctrl-C stops watching)");
      out.flush();
      RunHandle run = RunHandle.attach(connection.client(), artifacts, runId);
      Optional<RunResult> result =
          RunFollower.followOnCluster(run, quiet, out, err, SignalReaction.stopWatching());
      if (result.isEmpty()) {
        err.println(
            "wct: stopped watching; run "
                + runId
                + " goes on on the cluster ("
                + System.getProperty("wct.command", "wct")
                + " cancel "
                + runId
                + temporal.givenArguments()
                + " cancels it)");
        err.flush();
        return RunExit.NOT_OVER;
      }
      return new RunReport(context.catalog(), store, null).print(result.get(), artifacts, out);
    }
  }
}
