package dev.wct.core.runbook;

import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in a runbook (and its child runbooks); the message has one per line. */
public class RunbookException extends WctException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public RunbookException(List<Problem> problems) {
    super(ErrorKind.USER, format(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a RunbookException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String format(List<Problem> problems) {
    return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }
}
