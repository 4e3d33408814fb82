package dev.wct.core.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wct.spi.error.ErrorKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {
  @Test
  void formatsAsFileLineColumnPathMessage() {
    assertThat(new Problem("r.yaml", 12, 5, "artifacts.pii.inputs[0]", "unknown artifact 'dbx'"))
        .hasToString("r.yaml:12:5: artifacts.pii.inputs[0]: unknown artifact 'dbx'");
    assertThat(new Problem("r.yaml", 1, 1, "", "missing required key 'name'"))
        .hasToString("r.yaml:1:1: missing required key 'name'");
    assertThat(Problem.ofFile("r.yaml", "file not found")).hasToString("r.yaml: file not found");
  }

  @Test
  void runbookExceptionIsAUserErrorWithOneProblemPerLine() {
    RunbookException e =
        new RunbookException(
            List.of(new Problem("a.yaml", 1, 2, "x", "first"), Problem.ofFile("b.yaml", "second")));

    assertThat(e.kind()).isEqualTo(ErrorKind.USER);
    assertThat(e.getMessage()).isEqualTo("a.yaml:1:2: x: first\nb.yaml: second");
    assertThat(e.problems()).hasSize(2);
  }

  @Test
  void runbookExceptionNeedsAProblem() {
    assertThatThrownBy(() -> new RunbookException(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
