package dev.wct.cli.runs;

import dev.wct.cli.report.ExportCommand;
import dev.wct.cli.run.RunCommand;
import dev.wct.core.error.WctException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs wct commands in-process and captures what they print. */
public final class Cli {
  private Cli() {}

  /** What a command printed and returned. */
  public record Result(int exitCode, String out, String err) {}

  public static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  private static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    @CommandLine.Command(name = "wct")
    final class Root {}
    CommandLine cli =
        new CommandLine(new Root())
            .addSubcommand(new RunCommand())
            .addSubcommand(new RunsCommand())
            .addSubcommand(new InspectCommand())
            .addSubcommand(new ExportCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("wct: " + e.getMessage());
          return e instanceof WctException w ? w.kind().exitCode() : 1;
        });
    return cli;
  }
}
