package dev.wct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.cli.context.CliContext;
import dev.wct.core.testing.TestComponents;
import dev.wct.spi.error.WctException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Errors reach the user as one line and an exit code from the error taxonomy. */
class ErrorHandlingTest {
  private static CliRun run(RuntimeException failure, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext failing =
        new CliContext(
            TestComponents.catalog(),
            () -> {
              throw failure;
            });
    int exit =
        Wct.createCommandLine(new PrintWriter(out, true), new PrintWriter(err, true), failing)
            .execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }

  @Test
  void userErrorIsOneLineAndExitsTwo() {
    CliRun run = run(WctException.user("ruleset folder 'x' is missing"), "rulesets");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("wct: ruleset folder 'x' is missing\n");
  }

  @Test
  void unexpectedErrorIsOneLineWithoutStackTraceAndExitsOne() {
    CliRun run = run(new IllegalStateException("boom"), "rulesets");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "wct: internal error: java.lang.IllegalStateException: boom (run again with --debug"
                + " for the stack trace)\n");
  }

  @Test
  void debugAddsTheStackTrace() {
    CliRun run = run(new IllegalStateException("boom"), "rulesets", "--debug");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("wct: internal error: java.lang.IllegalStateException: boom\n")
        .contains("\tat ");
  }
}
