package dev.wct.cli.run;

import dev.wct.activities.worker.ProducerEnvironment;
import dev.wct.cli.context.CliContext;
import dev.wct.cli.options.Concurrency;
import dev.wct.cli.options.StoreOptions;
import dev.wct.cli.options.StoreSyncOption;
import dev.wct.cli.options.TemporalOptions;
import dev.wct.engine.RunHandle;
import dev.wct.engine.connect.EmbeddedConnection;
import dev.wct.engine.connect.RemoteConnection;
import dev.wct.engine.connect.TemporalConnection;
import dev.wct.spi.ComponentCatalog;
import dev.wct.spi.error.WctException;
import dev.wct.store.ArtifactStore;
import dev.wct.workflows.run.RunOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wct run}: plans a runbook and runs it, on an embedded Temporal service with an in-process
 * worker or on a Temporal cluster's workers ({@code --temporal}), showing live progress, then
 * prints a summary and writes the results document.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a runbook on the embedded Temporal service, or on a Temporal cluster's workers with"
          + " --temporal, and store its artifacts.",
      "On a cluster (--address), SIGTERM and SIGHUP only detach: the run goes on, and wct"
          + " prints how to watch it again. Ctrl-C asks whether to cancel the run on the"
          + " cluster (--cancel-on-interrupt cancels without asking; without a console it"
          + " detaches).",
      "Exit code: 0 completed or completed_with_errors, 1 failed, timed out or cancelled,"
          + " 2 invalid runbook or usage, 3 completed_with_warnings (every artifact produced,"
          + " but some sources were not read in full: skipped files or tables, a source that"
          + " read nothing; the warnings follow the summary table), 4 detached: the run goes"
          + " on on the cluster."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  wct run runbooks/samples/file_scan.yaml",
      "  wct run crm.yaml --var CRM_DB_PASSWORD=secret --concurrency 4",
      "  wct run crm.yaml --output results.json --quiet",
      "  wct run crm.yaml --address localhost:7233 --store s3://wct-artifacts"
    })
public final class RunCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  private final CliContext context;

  @Mixin private StoreOptions store;

  @Mixin private StoreSyncOption storeSync;

  @Parameters(index = "0", paramLabel = "RUNBOOK", description = "The runbook YAML file.")
  private Path runbook;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Where to write the results document (default: the run's record results.json in the"
              + " store, STORE/runs/RUN_ID/_system/results.json in a folder).")
  private Path output;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      converter = Concurrency.class,
      description =
          "Producers running at once, 1 to 2000 (default: the runbook's config.max_concurrency).")
  private Integer concurrency;

  @Option(
      names = "--var",
      paramLabel = "NAME=VALUE",
      description =
          "A value for $${NAME} placeholders, on top of the environment; resolved only where"
              + " producers run, never stored. Not with --address: give secrets to the"
              + " workers' environment.")
  private Map<String, String> variables = new LinkedHashMap<>();

  @Mixin private TemporalOptions temporal;

  @Option(
      names = "--cancel-on-interrupt",
      description =
          "With --address: Ctrl-C cancels the run on the cluster without asking (default: ask"
              + " on a console, else detach).")
  private boolean cancelOnInterrupt;

  @Option(
      names = {"-q", "--quiet"},
      description = "No live progress; only the summary.")
  private boolean quiet;

  RunCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    boolean onCluster = checkClusterOptions();
    JulToSlf4j.install();
    ComponentCatalog catalog = context.catalog();
    PrintWriter out = spec.commandLine().getOut();
    try (ArtifactStore artifacts = store.open(storeSync.settings(onCluster))) {
      // Starting or reaching Temporal is the bulk of a cold run: overlap it with planning.
      CompletableFuture<TemporalConnection> connecting =
          Background.supply("wct-temporal-start", () -> connect(onCluster, artifacts, catalog));
      Submission submission;
      try {
        submission = Submission.plan(catalog, runbook);
      } catch (RuntimeException invalid) {
        connecting.thenAccept(TemporalConnection::close);
        throw invalid;
      }
      try (TemporalConnection connection = Background.join(connecting)) {
        return run(submission, artifacts, connection, onCluster, out);
      }
    }
  }

  /**
   * Whether the run goes to a cluster. On a cluster the workers resolve placeholders, so values
   * given here would go nowhere.
   */
  private boolean checkClusterOptions() {
    if (!temporal.clusterGiven()) {
      if (temporal.clusterOptionsGiven() || cancelOnInterrupt) {
        throw WctException.user(
            "--namespace, --task-queue, the TLS options, --api-key and --cancel-on-interrupt"
                + " need --address HOST:PORT");
      }
      return false;
    }
    if (!variables.isEmpty()) {
      throw WctException.user(
          "--var cannot be used with --address: the cluster's workers resolve ${VAR}"
              + " placeholders, so give secrets to the workers' environment");
    }
    return true;
  }

  private TemporalConnection connect(
      boolean onCluster, ArtifactStore artifacts, ComponentCatalog catalog) {
    if (onCluster) {
      return RemoteConnection.connect(temporal.settings());
    }
    return EmbeddedConnection.start(
        new ProducerEnvironment(artifacts, catalog, environment(), Path.of("").toAbsolutePath()));
  }

  private int run(
      Submission submission,
      ArtifactStore artifacts,
      TemporalConnection connection,
      boolean onCluster,
      PrintWriter out)
      throws IOException, InterruptedException {
    RunHandle run = submission.start(artifacts, connection, new RunOptions(concurrency));
    out.println(submission.headline(run.runId()));
    out.flush();
    return new RunFollowUp(
            spec, context.catalog(), store, temporal, output, quiet, cancelOnInterrupt)
        .follow(run, connection, onCluster, artifacts);
  }

  /** Placeholders see {@code --var} values first, then the process environment. */
  private Function<String, String> environment() {
    Map<String, String> given = Map.copyOf(variables);
    return name -> given.containsKey(name) ? given.get(name) : System.getenv(name);
  }
}
