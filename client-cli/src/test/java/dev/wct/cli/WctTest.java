package dev.wct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WctTest {
  @Test
  void versionIsTheProjectVersion() {
    CliRun run = CliRun.of("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("wct 0.1.0-SNAPSHOT\n");
  }

  @Test
  void noCommandIsAUsageError() {
    CliRun run = CliRun.of();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("wct: missing command\nUsage: wct ");
  }

  @Test
  void unknownCommandOrOptionIsAUsageError() {
    assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(2);
    CliRun run = CliRun.of("validate", "--strict", CliRun.runbook("valid.yaml"));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("Unknown option: '--strict'");
  }

  @Test
  void everyCommandHasHelpWithExamples() {
    for (String command : new String[] {"validate", "plan", "components", "rulesets"}) {
      CliRun run = CliRun.of(command, "--help");

      assertThat(run.exitCode()).as(command).isZero();
      assertThat(run.out()).as(command).startsWith("Usage: wct " + command).contains("Examples:");
    }
  }

  @Test
  void topLevelHelpListsTheCommands() {
    CliRun run = CliRun.of("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("validate", "plan", "components", "rulesets", "Exit codes:");
  }
}
