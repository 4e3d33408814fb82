package dev.wct.cli.history;

import dev.wct.cli.Wct;
import dev.wct.cli.context.CliContext;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real wct command line in-process, with every component, and captures its output. */
public final class Cli {
  private static final CliContext CONTEXT = CliContext.discover();

  private Cli() {}

  /** What a command printed and returned. */
  public record Result(int exitCode, String out, String err) {}

  public static Result run(String... args) {
    return runWith(CONTEXT, args);
  }

  /** Runs with {@code context}'s components instead of those on the class path. */
  public static Result runWith(CliContext context, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Wct.createCommandLine(new PrintWriter(out, true), new PrintWriter(err, true), context)
            .execute(args);
    return new Result(exit, out.toString(), err.toString());
  }
}
