package dev.wct.cli.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.cli.context.CliContext;
import dev.wct.cli.options.Concurrency;
import dev.wct.cli.options.JsonOption;
import dev.wct.cli.options.StoreOptions;
import dev.wct.cli.options.TemporalOptions;
import dev.wct.cli.run.Submission;
import dev.wct.engine.RunHandle;
import dev.wct.engine.connect.ConnectionSettings;
import dev.wct.engine.connect.RemoteConnection;
import dev.wct.spi.json.Json;
import dev.wct.store.ArtifactStore;
import dev.wct.workflows.run.RunOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wct submit}: plans and checks a runbook, starts it on a Temporal cluster's workers and
 * returns at once with the run ID.
 */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = {
      "Start a runbook on a Temporal cluster's workers and return at once: prints the run ID"
          + " (alone on standard output, for scripts). The runbook is planned and checked first.",
      "Exit code: 0 submitted, 1 Temporal unreachable, 2 invalid runbook or usage."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  wct submit crm.yaml --address temporal.example.com:7233 --store s3://wct-artifacts",
      "  RUN=$(wct submit crm.yaml --profile prod) && wct watch \"$RUN\" --profile prod"
    })
public final class SubmitCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  private final CliContext context;

  @Mixin private StoreOptions store;

  @Mixin private TemporalOptions temporal;

  @Mixin private JsonOption json;

  @Parameters(index = "0", paramLabel = "RUNBOOK", description = "The runbook YAML file.")
  private Path runbook;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      converter = Concurrency.class,
      description =
          "Producers running at once, 1 to 2000 (default: the runbook's config.max_concurrency).")
  private Integer concurrency;

  SubmitCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    Submission submission = Submission.plan(context.catalog(), runbook);
    ConnectionSettings settings = temporal.settings();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (ArtifactStore artifacts = store.open();
        RemoteConnection connection = RemoteConnection.connect(settings)) {
      RunHandle run = submission.start(artifacts, connection, new RunOptions(concurrency));
      if (json.enabled()) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("run_id", run.runId());
        node.put("workflow_id", run.workflowId());
        node.put("runbook", submission.plan().runbook().name());
        node.put("artifacts", submission.plan().artifacts().size());
        node.put("address", settings.address());
        node.put("namespace", settings.namespace());
        node.put("task_queue", settings.taskQueue());
        out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node));
      } else {
        out.println(run.runId());
      }
      out.flush();
      connection.warning().ifPresent(warning -> err.println("wct: " + warning));
      err.println(
          "wct: submitted "
              + submission.headline(run.runId())
              + " to "
              + connection.describe()
              + "; follow it: "
              + System.getProperty("wct.command", "wct")
              + " watch "
              + run.runId()
              + temporal.givenArguments()
              + store.givenArguments());
      err.flush();
      return 0;
    }
  }
}
