package dev.wct.cli.retry;

import dev.wct.activities.worker.ProducerEnvironment;
import dev.wct.cli.context.CliContext;
import dev.wct.cli.options.StoreOptions;
import dev.wct.cli.options.StoreSyncOption;
import dev.wct.cli.options.TemporalOptions;
import dev.wct.cli.report.inventory.StoredRun;
import dev.wct.cli.report.suppression.RunSuppressions;
import dev.wct.cli.run.RunFollowUp;
import dev.wct.cli.run.Submission;
import dev.wct.engine.RunHandle;
import dev.wct.engine.RunLauncher;
import dev.wct.engine.connect.EmbeddedConnection;
import dev.wct.engine.connect.RemoteConnection;
import dev.wct.engine.connect.TemporalConnection;
import dev.wct.engine.retry.RetryPlan;
import dev.wct.spi.error.WctException;
import dev.wct.store.ArtifactStore;
import dev.wct.store.StoreNames;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wct retry RUN_ID}: a new run of a finished or interrupted run's recorded plan that reuses
 * its succeeded artifacts and produces again what failed, was skipped or never finished, and what
 * depends on those. Followed like {@code wct run}; the retried run is left as it was.
 */
@Command(
    name = "retry",
    mixinStandardHelpOptions = true,
    description = {
      "Start a new run of a run's recorded plan that reuses its succeeded artifacts and runs"
          + " again what failed or was skipped (and what depends on them); also continues an"
          + " interrupted run. The new run records which run it retries (retry_of).",
      "Exit codes as for 'wct run'."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  wct retry 20261122-153012-ab12cd",
      "  wct retry 20261122-153012-ab12cd --store /data/wct --quiet",
      "  wct retry 20261122-153012-ab12cd --address localhost:7233"
    })
public final class RetryCommand implements Callable<Integer> {
  private static final int MAX_NAMED = 10;

  @Spec private CommandSpec spec;

  private final CliContext context;

  @Mixin private StoreOptions store;

  @Mixin private StoreSyncOption storeSync;

  @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run to retry.")
  private String runId;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Where to write the new run's results document (default: its record results.json in"
              + " the store).")
  private Path output;

  @Option(
      names = "--var",
      paramLabel = "NAME=VALUE",
      description =
          "A value for $${NAME} placeholders, on top of the environment, as for 'wct run'. Not"
              + " with --address.")
  private Map<String, String> variables = new LinkedHashMap<>();

  @Mixin private TemporalOptions temporal;

  @Option(
      names = "--cancel-on-interrupt",
      description =
          "With --address: Ctrl-C cancels the new run on the cluster without asking (default:"
              + " ask on a console, else detach).")
  private boolean cancelOnInterrupt;

  @Option(
      names = {"-q", "--quiet"},
      description = "No live progress; only the summary.")
  private boolean quiet;

  RetryCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    boolean onCluster = temporal.clusterGiven();
    if (onCluster && !variables.isEmpty()) {
      throw WctException.user(
          "--var cannot be used with --address: the cluster's workers resolve ${VAR}"
              + " placeholders, so give secrets to the workers' environment");
    }
    if (!onCluster && (temporal.clusterOptionsGiven() || cancelOnInterrupt)) {
      throw WctException.user(
          "--namespace, --task-queue, the TLS options, --api-key and --cancel-on-interrupt"
              + " need --address HOST:PORT");
    }
    StoredRun.checkName(() -> StoreNames.runId(runId));
    PrintWriter out = spec.commandLine().getOut();
    try (ArtifactStore artifacts = store.open(storeSync.settings(onCluster))) {
      RetryPlan retry = RetryPlan.of(artifacts, runId);
      try (TemporalConnection connection = connect(onCluster, artifacts)) {
        RunHandle run =
            new RunLauncher(
                    connection.client(),
                    artifacts,
                    connection.taskQueue(),
                    Clock.systemUTC(),
                    connection.hostsWorkers())
                .retry(retry, null);
        // The reports of the new run apply what the retried run applied.
        artifacts
            .readRecord(runId, RunSuppressions.RECORD)
            .ifPresent(bytes -> artifacts.saveRecord(run.runId(), RunSuppressions.RECORD, bytes));
        out.println(
            "Retrying run "
                + runId
                + ": "
                + retry.reused().size()
                + " reused, "
                + retry.produced().size()
                + " to run again ("
                + named(retry.produced())
                + ")");
        out.println(Submission.headline(run.runId(), retry.plan()));
        out.flush();
        return new RunFollowUp(
                spec, context.catalog(), store, temporal, output, quiet, cancelOnInterrupt)
            .follow(run, connection, onCluster, artifacts);
      }
    }
  }

  /** The first few ids, and how many more. */
  private static String named(Collection<String> ids) {
    List<String> shown = ids.stream().limit(MAX_NAMED).toList();
    return String.join(", ", shown)
        + (ids.size() > shown.size() ? ", and " + (ids.size() - shown.size()) + " more" : "");
  }

  private TemporalConnection connect(boolean onCluster, ArtifactStore artifacts) {
    if (onCluster) {
      return RemoteConnection.connect(temporal.settings());
    }
    return EmbeddedConnection.start(
        new ProducerEnvironment(
            artifacts, context.catalog(), environment(), Path.of("").toAbsolutePath()));
  }

  /** Placeholders see {@code --var} values first, then the process environment. */
  private Function<String, String> environment() {
    Map<String, String> given = Map.copyOf(variables);
    return name -> given.containsKey(name) ? given.get(name) : System.getenv(name);
  }
}
