package dev.wct.core.runbook;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with a runbook, with its place.
 *
 * @param file the runbook file as the user named it (or as a child path resolved against it)
 * @param line 1-based line, 0 when the problem concerns the whole file
 * @param column 1-based column, 0 when the problem concerns the whole file
 * @param path where in the runbook, e.g. {@code artifacts.pii.inputs[0]}; empty for the whole file
 * @param message what is wrong, one line
 */
public record Problem(String file, int line, int column, String path, String message) {
  /** By file, then line, then column, so that a list of problems reads top to bottom. */
  public static final Comparator<Problem> BY_PLACE =
      Comparator.comparing(Problem::file)
          .thenComparingInt(Problem::line)
          .thenComparingInt(Problem::column);

  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** A problem with the file as a whole, such as a missing file. */
  public static Problem ofFile(String file, String message) {
    return new Problem(file, 0, 0, "", message);
  }

  /** {@code file:line:col: path: message}, leaving out what is unknown. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(file);
    if (line > 0) {
      text.append(':').append(line).append(':').append(column);
    }
    text.append(": ");
    if (!path.isEmpty()) {
      text.append(path).append(": ");
    }
    return text.append(message).toString();
  }
}
