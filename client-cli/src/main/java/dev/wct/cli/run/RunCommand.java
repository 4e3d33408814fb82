package dev.wct.cli.run;

import dev.wct.activities.worker.ProducerEnvironment;
import dev.wct.activities.worker.WctWorkers;
import dev.wct.cli.context.CliContext;
import dev.wct.cli.options.Concurrency;
import dev.wct.cli.options.StoreOptions;
import dev.wct.cli.options.TemporalOptions;
import dev.wct.cli.report.inventory.Presentations;
import dev.wct.cli.report.suppression.RunSuppressions;
import dev.wct.cli.report.suppression.SuppressionFile;
import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.planner.Planner;
import dev.wct.core.run.RunStatus;
import dev.wct.core.runbook.RunbookParser;
import dev.wct.engine.RunHandle;
import dev.wct.engine.RunLauncher;
import dev.wct.engine.connect.EmbeddedConnection;
import dev.wct.engine.connect.RemoteConnection;
import dev.wct.engine.connect.TemporalConnection;
import dev.wct.spi.ComponentCatalog;
import dev.wct.spi.error.WctException;
import dev.wct.store.ArtifactStore;
import dev.wct.workflows.run.RunOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
      "Exit code: 0 completed or completed_with_errors, 1 failed, timed out or cancelled,"
          + " 2 invalid runbook or usage, 3 completed_with_warnings (every artifact produced,"
          + " but some sources were not read in full: skipped files or tables, a source that"
          + " read nothing; the warnings follow the summary table)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  wct run runbooks/samples/file_scan.yaml",
      "  wct run crm.yaml --var CRM_DB_PASSWORD=secret --concurrency 4",
      "  wct run crm.yaml --output results.json --quiet",
      "  wct run crm.yaml --temporal localhost:7233 --store s3://wct-artifacts"
    })
public final class RunCommand implements Callable<Integer> {
  /** The exit code of a run that completed with coverage warnings. */
  public static final int EXIT_WARNINGS = 3;

  @Spec private CommandSpec spec;

  private final CliContext context;

  @Mixin private StoreOptions store;

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
              + " producers run, never stored. Not with --temporal: give secrets to the"
              + " workers' environment.")
  private Map<String, String> variables = new LinkedHashMap<>();

  @Mixin private TemporalOptions temporal;

  @Option(
      names = {"-q", "--quiet"},
      description = "No live progress; only the summary.")
  private boolean quiet;

  RunCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    checkClusterOptions();
    JulToSlf4j.install();
    ComponentCatalog catalog = context.catalog();
    PrintWriter out = spec.commandLine().getOut();
    try (ArtifactStore artifacts = store.open()) {
      // Starting or reaching Temporal is the bulk of a cold run: overlap it with planning.
      CompletableFuture<TemporalConnection> connecting =
          Background.supply("wct-temporal-start", () -> connect(artifacts, catalog));
      ExecutionPlan plan;
      RunSuppressions suppressions;
      try {
        plan = new Planner(catalog).plan(runbook);
        suppressions = suppressions();
      } catch (RuntimeException invalid) {
        connecting.thenAccept(TemporalConnection::close);
        throw invalid;
      }
      try (TemporalConnection connection = Background.join(connecting)) {
        return run(plan, suppressions, artifacts, connection, out);
      }
    }
  }

  /** On a cluster the workers resolve placeholders, so values given here would go nowhere. */
  private void checkClusterOptions() {
    if (temporal.address().isEmpty()) {
      if (temporal.routingGiven()) {
        throw WctException.user("--namespace and --task-queue need --temporal HOST:PORT");
      }
      return;
    }
    if (!variables.isEmpty()) {
      throw WctException.user(
          "--var cannot be used with --temporal: the cluster's workers resolve ${VAR}"
              + " placeholders, so give secrets to the workers' environment");
    }
  }

  private TemporalConnection connect(ArtifactStore artifacts, ComponentCatalog catalog) {
    if (temporal.address().isPresent()) {
      return RemoteConnection.connect(
          temporal.address().get().toString(),
          temporal.namespace(),
          temporal.taskQueue(WctWorkers.TASK_QUEUE));
    }
    return EmbeddedConnection.start(
        new ProducerEnvironment(artifacts, catalog, environment(), Path.of("").toAbsolutePath()));
  }

  /**
   * The suppressions file the runbook names ({@code config.suppressions}), read and checked before
   * the run starts; none when it names none.
   */
  private RunSuppressions suppressions() {
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

  private int run(
      ExecutionPlan plan,
      RunSuppressions suppressions,
      ArtifactStore artifacts,
      TemporalConnection connection,
      PrintWriter out)
      throws IOException, InterruptedException {
    RunHandle run =
        new RunLauncher(
                connection.client(),
                artifacts,
                connection.taskQueue(),
                Clock.systemUTC(),
                connection.hostsWorkers())
            .start(plan, runbook.toString(), new RunOptions(concurrency));
    if (suppressions.source() != null) {
      // Kept with the run, so that its reports stay the same whatever becomes of the file.
      suppressions.save(artifacts, run.runId());
    }
    return new RunFollowUp(spec, store, presentations(), output, quiet)
        .follow(run, plan.runbook().name(), plan.artifacts().size(), connection, artifacts);
  }

  static int exitCode(RunStatus status) {
    return RunFollowUp.exitCode(status);
  }

  private Presentations presentations() {
    return Presentations.of(context.catalog());
  }

  /** Placeholders see {@code --var} values first, then the process environment. */
  private Function<String, String> environment() {
    Map<String, String> given = Map.copyOf(variables);
    return name -> given.containsKey(name) ? given.get(name) : System.getenv(name);
  }
}
