package dev.wct.cli;

import dev.wct.cli.components.ComponentsCommand;
import dev.wct.cli.context.CliContext;
import dev.wct.cli.history.InspectCommand;
import dev.wct.cli.history.RunsCommand;
import dev.wct.cli.plan.PlanCommand;
import dev.wct.cli.remote.CancelCommand;
import dev.wct.cli.remote.StatusCommand;
import dev.wct.cli.remote.SubmitCommand;
import dev.wct.cli.remote.WatchCommand;
import dev.wct.cli.report.DiffCommand;
import dev.wct.cli.report.ExportCommand;
import dev.wct.cli.rulesets.RulesetsCommand;
import dev.wct.cli.run.RunCommand;
import dev.wct.cli.schedule.ScheduleCommand;
import dev.wct.cli.server.ServerCommand;
import dev.wct.cli.setup.SetupCommand;
import dev.wct.cli.validate.ValidateCommand;
import dev.wct.spi.error.ErrorKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code wct} command line. {@link #createCommandLine} builds it for {@link #main} and for
 * tests alike; commands never call {@link System#exit}.
 *
 * <p>Exit codes: 0 success, 1 run failed (or an external or internal error), 2 invalid runbook or
 * usage error, 3 run completed with warnings, 4 run not over (see {@code RunExit}).
 */
@Command(
    name = "wct",
    mixinStandardHelpOptions = true,
    versionProvider = Wct.Version.class,
    // Adding a command is one line here.
    subcommands = {
      ValidateCommand.class,
      PlanCommand.class,
      ComponentsCommand.class,
      RulesetsCommand.class,
      RunCommand.class,
      dev.wct.cli.retry.RetryCommand.class,
      RunsCommand.class,
      InspectCommand.class,
      ExportCommand.class,
      ServerCommand.class,
      DiffCommand.class,
      ScheduleCommand.class,
      SetupCommand.class,
      SubmitCommand.class,
      StatusCommand.class,
      WatchCommand.class,
      CancelCommand.class
    },
    description = "Compliance scans as durable runbooks on Temporal.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  wct validate runbooks/examples/*.yaml",
      "  wct plan runbooks/examples/file_scan.yaml --format mermaid",
      "  wct components",
      "",
      "Exit codes: 0 ok, 1 run failed, 2 invalid runbook or usage error, 3 run completed with"
          + " warnings, 4 run not over (still running, or left running on the cluster)."
    })
public final class Wct implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--debug",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces of unexpected errors.")
  boolean debug;

  /** {@code wct} alone: the usage, as a usage error. */
  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("wct: missing command");
    spec.commandLine().usage(err);
    return ErrorKind.USER.exitCode();
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(createCommandLine(out, err, CliContext.discover()).execute(args));
  }

  /** The command line, writing to {@code out} and {@code err}, with {@code context}. */
  public static CommandLine createCommandLine(
      PrintWriter out, PrintWriter err, CliContext context) {
    CommandLine cli = new CommandLine(Wct.class, new CliFactory(context));
    Failures failures = new Failures(cli.getParameterExceptionHandler());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(failures);
    cli.setExitCodeExceptionMapper(failures);
    cli.setParameterExceptionHandler(failures);
    return cli;
  }

  /** The version from the build, e.g. {@code 0.1.0-SNAPSHOT}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = Wct.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {"wct " + properties.getProperty("version", "unknown")};
    }
  }
}
