package dev.wct.cli.validate;

import dev.wct.cli.context.CliContext;
import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.planner.Planner;
import dev.wct.core.runbook.RunbookException;
import dev.wct.spi.error.ErrorKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wct validate}: plans each runbook and reports every problem, without running anything. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check runbooks without running them: YAML, keys, types, references, cycles, components,"
          + " properties, schemas and child runbooks.",
      "Prints one line per valid file; every problem as FILE:LINE:COL: PATH: MESSAGE.",
      "Exit code: 0 all valid, 2 any problem."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  wct validate scan.yaml", "  wct validate runbooks/examples/*.yaml"})
public final class ValidateCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  private final CliContext context;

  @Parameters(arity = "1..*", paramLabel = "RUNBOOK", description = "Runbook YAML files.")
  private List<Path> runbooks;

  ValidateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Planner planner = new Planner(context.catalog());
    boolean allValid = true;
    for (Path runbook : runbooks) {
      try {
        ExecutionPlan plan = planner.plan(runbook);
        out.println(
            runbook
                + ": OK ("
                + plan.artifacts().size()
                + (plan.artifacts().size() == 1 ? " artifact" : " artifacts")
                + ")");
      } catch (RunbookException e) {
        allValid = false;
        e.problems().forEach(err::println);
      }
    }
    out.flush();
    err.flush();
    return allValid ? 0 : ErrorKind.USER.exitCode();
  }
}
