package dev.wct.cli.run;

import dev.wct.activities.engine.EmbeddedTemporal;
import dev.wct.activities.engine.ProducerEnvironment;
import dev.wct.activities.engine.RunHandle;
import dev.wct.activities.engine.RunLauncher;
import dev.wct.cli.Wct;
import dev.wct.cli.report.ArtifactTable;
import dev.wct.cli.report.ResultsDocument;
import dev.wct.cli.report.StoredRun;
import dev.wct.cli.runs.StoreOptions;
import dev.wct.core.error.WctException;
import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.planner.Planner;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.spi.ComponentCatalog;
import dev.wct.store.ArtifactStore;
import dev.wct.workflows.run.ArtifactOutcome;
import dev.wct.workflows.run.RunOptions;
import dev.wct.workflows.run.RunResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * {@code wct run}: plans a runbook and runs it on an embedded Temporal service with an in-process
 * worker, showing live progress, then prints a summary and writes the results document.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a runbook on the embedded Temporal service and store its artifacts.",
      "Exit code: 0 completed or completed_with_errors, 1 failed, timed out or cancelled,"
          + " 2 invalid runbook or usage."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  wct run runbooks/samples/file_scan.yaml",
      "  wct run crm.yaml --var CRM_DB_PASSWORD=secret --concurrency 4",
      "  wct run crm.yaml --output results.json --quiet"
    })
public final class RunCommand implements Callable<Integer> {
  private static final int MAX_SUMMARY_ROWS = 50;

  @Spec private CommandSpec spec;

  @Mixin private StoreOptions store;

  @Parameters(index = "0", paramLabel = "RUNBOOK", description = "The runbook YAML file.")
  private Path runbook;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Where to write the results document (default: STORE/runs/RUN_ID/results.json).")
  private Path output;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      description = "Producers running at once (default: the runbook's config.max_concurrency).")
  private Integer concurrency;

  @Option(
      names = "--var",
      paramLabel = "NAME=VALUE",
      description =
          "A value for $${NAME} placeholders, on top of the environment; resolved only where"
              + " producers run, never stored.")
  private Map<String, String> variables = new LinkedHashMap<>();

  @Option(
      names = {"-q", "--quiet"},
      description = "No live progress; only the summary.")
  private boolean quiet;

  @Override
  public Integer call() throws Exception {
    if (concurrency != null && concurrency < 1) {
      throw WctException.user("--concurrency must be at least 1, got " + concurrency);
    }
    JulToSlf4j.install();
    ComponentCatalog catalog = catalog();
    PrintWriter out = spec.commandLine().getOut();
    try (ArtifactStore artifacts = store.open()) {
      // Temporal's start-up is the bulk of a cold run: overlap it with planning.
      CompletableFuture<EmbeddedTemporal> starting =
          Background.supply(
              "wct-temporal-start",
              () ->
                  EmbeddedTemporal.start(
                      new ProducerEnvironment(
                          artifacts, catalog, environment(), Path.of("").toAbsolutePath())));
      ExecutionPlan plan;
      try {
        plan = new Planner(catalog).plan(runbook);
      } catch (RuntimeException invalid) {
        starting.thenAccept(EmbeddedTemporal::close);
        throw invalid;
      }
      try (EmbeddedTemporal temporal = Background.join(starting)) {
        return run(plan, artifacts, temporal, out);
      }
    }
  }

  private int run(
      ExecutionPlan plan, ArtifactStore artifacts, EmbeddedTemporal temporal, PrintWriter out)
      throws IOException, InterruptedException {
    RunHandle run =
        new RunLauncher(temporal.client(), artifacts)
            .start(plan, runbook.toString(), new RunOptions(concurrency));
    out.println(
        "Run "
            + run.runId()
            + ": "
            + plan.runbook().name()
            + " ("
            + plan.artifacts().size()
            + (plan.artifacts().size() == 1 ? " artifact)" : " artifacts)"));
    out.flush();

    RunResult result = new RunFollower(run, display(out), spec.commandLine().getErr()).follow();

    out.println();
    // A big run lists what went wrong; 'wct inspect' has every artifact.
    boolean onlyProblems = result.artifacts().size() > MAX_SUMMARY_ROWS;
    ArtifactTable table = new ArtifactTable();
    int hidden = 0;
    for (ArtifactOutcome artifact : result.artifacts()) {
      if (onlyProblems && artifact.state() == ArtifactState.SUCCEEDED) {
        hidden++;
        continue;
      }
      table.row(
          artifact.id(),
          artifact.state(),
          artifact.attempts(),
          duration(artifact),
          artifact.state() == ArtifactState.SUCCEEDED ? artifact.output() : null,
          artifact.error(),
          artifact.skipReason());
    }
    table.print(out);
    if (hidden > 0) {
      out.println("(" + hidden + " succeeded artifacts not listed; wct inspect lists every one)");
    }
    out.println();
    Path results = writeResults(artifacts, run.runId());
    out.println("Results: " + results);
    out.println("Run " + run.runId() + " " + result.status().label());
    out.println(
        "Next: wct inspect "
            + run.runId()
            + ", or wct export "
            + run.runId()
            + " --format html --output report.html");
    out.flush();
    return result.status().successful() ? 0 : 1;
  }

  /** The components the command line was given, so that they are discovered once. */
  private ComponentCatalog catalog() {
    return spec.root().userObject() instanceof Wct wct
        ? wct.context().catalog()
        : ComponentCatalog.discover();
  }

  /** Placeholders see {@code --var} values first, then the process environment. */
  private Function<String, String> environment() {
    Map<String, String> given = Map.copyOf(variables);
    return name -> given.containsKey(name) ? given.get(name) : System.getenv(name);
  }

  private ProgressDisplay display(PrintWriter out) {
    if (quiet) {
      return ProgressDisplay.NONE;
    }
    return System.console() != null
        ? new TerminalProgress(out, System::currentTimeMillis)
        : new PlainProgress(out, System::currentTimeMillis);
  }

  private Path writeResults(ArtifactStore artifacts, String runId) throws IOException {
    Path target =
        output != null
            ? output
            : store.directory().resolve("runs").resolve(runId).resolve("results.json");
    Path absolute = target.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
    StoredRun stored = StoredRun.load(artifacts, runId, store.displayName());
    try (OutputStream file = Files.newOutputStream(partial)) {
      new ResultsDocument(artifacts).write(stored, file);
    }
    Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  private static Long duration(ArtifactOutcome artifact) {
    return artifact.startedAtMillis() == null || artifact.endedAtMillis() == null
        ? null
        : artifact.endedAtMillis() - artifact.startedAtMillis();
  }
}
