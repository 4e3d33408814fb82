package dev.wct.workflows.run;

import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactState;
import java.util.List;

/**
 * How a run's outcome reads in the Temporal UI: the failure message of a failed run and the
 * workflow's details table. Bounded, so that a run of thousands of artifacts stays far below the
 * payload limits; the store and the status query have every outcome.
 */
final class RunOutcomeText {
  static final String RUN_FAILED = "WctRunFailed";
  private static final int MAX_LISTED = 20;
  private static final int MAX_ERROR = 300;

  private RunOutcomeText() {}

  /** {@code run failed: 2 artifacts failed: db: cannot connect…; pii: skipped…}. */
  static String failure(List<ArtifactOutcome> outcomes) {
    List<ArtifactOutcome> failed =
        outcomes.stream().filter(o -> o.state() == ArtifactState.FAILED).toList();
    StringBuilder text =
        new StringBuilder("run failed: ")
            .append(failed.size())
            .append(failed.size() == 1 ? " artifact failed" : " artifacts failed");
    String separator = ": ";
    for (ArtifactOutcome outcome : failed.subList(0, Math.min(failed.size(), MAX_LISTED))) {
      text.append(separator).append(outcome.id()).append(" (").append(oneLine(outcome.error()));
      text.append(")");
      separator = "; ";
    }
    if (failed.size() > MAX_LISTED) {
      text.append("; and ").append(failed.size() - MAX_LISTED).append(" more");
    }
    return text.toString();
  }

  /** A Markdown table: artifact, producer, state, attempts, items; problems first when long. */
  static String details(List<ArtifactOutcome> outcomes) {
    StringBuilder table =
        new StringBuilder(
            "| artifact | producer | state | attempts | items |\n|---|---|---|---|---|\n");
    List<ArtifactOutcome> listed =
        outcomes.size() <= MAX_LISTED
            ? outcomes
            : outcomes.stream().filter(o -> o.state() != ArtifactState.SUCCEEDED).toList();
    for (ArtifactOutcome o : listed.subList(0, Math.min(listed.size(), MAX_LISTED))) {
      table
          .append("| ")
          .append(o.id())
          .append(" | ")
          .append(o.producer() == null ? "" : o.producer())
          .append(" | ")
          .append(o.state().name().toLowerCase(java.util.Locale.ROOT))
          .append(" | ")
          .append(o.attempts())
          .append(" | ")
          .append(o.output() == null ? "" : Long.toString(o.output().itemCount()))
          .append(" |\n");
    }
    if (listed.size() < outcomes.size() || listed.size() > MAX_LISTED) {
      table
          .append("\n")
          .append(outcomes.size())
          .append(" artifacts in all; `wct inspect` lists each.\n");
    }
    return table.toString();
  }

  private static String oneLine(String error) {
    if (error == null) {
      return "no error recorded";
    }
    String line = error.replace('\n', ' ');
    return line.length() <= MAX_ERROR ? line : line.substring(0, MAX_ERROR) + "…";
  }
}
