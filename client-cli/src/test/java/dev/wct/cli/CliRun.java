package dev.wct.cli;

import dev.wct.cli.context.CliContext;
import dev.wct.core.testing.TestComponents;
import dev.wct.spi.RulesetDescriptor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/** Runs the wct command line in-process with the core test components and captures its output. */
record CliRun(int exitCode, String out, String err) {
  static final List<RulesetDescriptor> RULESETS =
      List.of(
          new RulesetDescriptor(
              "local/test_rules/1.0.0",
              "Rules for tests.",
              2,
              List.of("email", "phone"),
              List.of("test_personal_data")));

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Wct.createCommandLine(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                new CliContext(TestComponents.catalog(), () -> RULESETS))
            .execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }

  static String runbook(String name) {
    try {
      return Path.of(CliRun.class.getResource("/runbooks/" + name).toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
