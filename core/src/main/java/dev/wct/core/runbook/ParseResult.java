package dev.wct.core.runbook;

import java.util.List;
import java.util.Objects;

/**
 * What parsing one file gave: the runbook as far as it could be read, and every problem found.
 *
 * @param runbook null when the file could not be read as YAML at all
 */
public record ParseResult(Runbook runbook, List<Problem> problems) {
  public ParseResult {
    problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
  }

  public boolean ok() {
    return runbook != null && problems.isEmpty();
  }

  /** The runbook, or a {@link RunbookException} with every problem. */
  public Runbook orThrow() {
    if (!ok()) {
      throw new RunbookException(problems);
    }
    return runbook;
  }
}
