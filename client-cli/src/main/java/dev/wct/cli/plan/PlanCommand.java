package dev.wct.cli.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.wct.cli.context.CliContext;
import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.planner.Planner;
import dev.wct.spi.json.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wct plan}: the execution plan of a runbook, as text, JSON or a graph. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Show what a runbook would do: artifacts by DAG level with producers and schemas, the"
          + " critical path and the plan hash. Nothing runs.",
      "Exit code: 0 valid, 2 invalid runbook."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  wct plan scan.yaml",
      "  wct plan scan.yaml --format json > plan.json",
      "  wct plan scan.yaml --format dot | dot -Tsvg > plan.svg",
      "  wct plan scan.yaml --format mermaid"
    })
public final class PlanCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  private final CliContext context;

  @Parameters(index = "0", paramLabel = "RUNBOOK", description = "The runbook YAML file.")
  private Path runbook;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text, json, dot or mermaid (default: ${DEFAULT-VALUE}).")
  private PlanFormat format;

  PlanCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws JsonProcessingException {
    ExecutionPlan plan = new Planner(context.catalog()).plan(runbook);
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case text -> out.print(PlanText.render(plan));
      case json ->
          out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(plan));
      case dot -> out.print(PlanGraph.dot(plan));
      case mermaid -> out.print(PlanGraph.mermaid(plan));
    }
    out.flush();
    return 0;
  }
}
