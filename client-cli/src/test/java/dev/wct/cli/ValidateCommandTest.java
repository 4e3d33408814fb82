package dev.wct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @Test
  void validRunbookPrintsOneOkLineAndExitsZero() {
    String valid = CliRun.runbook("valid.yaml");

    CliRun run = CliRun.of("validate", valid);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(valid + ": OK (4 artifacts)\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void invalidRunbookPrintsEveryProblemWithItsPlaceAndExitsTwo() {
    String invalid = CliRun.runbook("invalid.yaml");

    CliRun run = CliRun.of("validate", invalid);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            invalid
                + ":6:13: artifacts.items.source.type: unknown connector type 'test_sourc' (did"
                + " you mean 'test_source'?); known: test_source\n"
                + invalid
                + ":8:14: artifacts.personal_data.inputs[0]: unknown artifact 'itemz' (did you"
                + " mean 'items'?)\n"
                + invalid
                + ":10:5: artifacts.personal_data.outptu: unknown key 'outptu' (did you mean"
                + " 'output'?)\n");
  }

  @Test
  void severalFilesAreEachReportedAndAnyProblemFailsTheCommand() {
    String valid = CliRun.runbook("valid.yaml");

    CliRun run = CliRun.of("validate", valid, CliRun.runbook("invalid.yaml"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEqualTo(valid + ": OK (4 artifacts)\n");
    assertThat(run.err().lines()).hasSize(3);
  }

  @Test
  void missingFileIsAProblemNotAStackTrace(@TempDir Path dir) {
    Path missing = dir.resolve("runbook.yaml");

    CliRun run = CliRun.of("validate", missing.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(missing + ": file not found\n");
  }
}
