package dev.wct.cli;

import dev.wct.core.runbook.RunbookException;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/**
 * What a command's exception becomes: one line per error (one per problem for an invalid runbook),
 * a stack trace only with {@code --debug}, and the exit code of its {@link ErrorKind}. An option
 * value that its converter refuses is one line naming the option, as a usage error.
 */
final class Failures
    implements IExecutionExceptionHandler, IExitCodeExceptionMapper, IParameterExceptionHandler {
  private final IParameterExceptionHandler usage;

  /** {@code usage}: picocli's own handler, for every other parse error (it prints the usage). */
  Failures(IParameterExceptionHandler usage) {
    this.usage = usage;
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) throws Exception {
    if (e.getCause() instanceof TypeConversionException refused
        && e.getArgSpec() instanceof OptionSpec option
        && option.converters().length > 0) {
      PrintWriter err = e.getCommandLine().getErr();
      String message = refused.getMessage();
      err.println(
          "wct: "
              + (message.startsWith(option.longestName())
                  ? message
                  : option.longestName() + ": " + message));
      err.flush();
      return ErrorKind.USER.exitCode();
    }
    return usage.handleParseException(e, args);
  }

  @Override
  public int getExitCode(Throwable exception) {
    if (exception instanceof ParameterException) {
      return ErrorKind.USER.exitCode();
    }
    return exception instanceof WctException known
        ? known.kind().exitCode()
        : ErrorKind.INTERNAL.exitCode();
  }

  @Override
  public int handleExecutionException(
      Exception e, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    boolean debug = parseResult.originalArgs().contains("--debug");
    if (e instanceof RunbookException invalid) {
      invalid.problems().forEach(err::println);
    } else if (e instanceof WctException known) {
      err.println("wct: " + known.getMessage());
    } else {
      err.println(
          "wct: internal error: "
              + e
              + (debug ? "" : " (run again with --debug for the stack trace)"));
    }
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return commandLine.getExitCodeExceptionMapper().getExitCode(e);
  }
}
