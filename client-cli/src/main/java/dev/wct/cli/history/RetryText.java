package dev.wct.cli.history;

import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.RunStatus;
import dev.wct.store.runs.RunRecord;
import java.util.List;

/** What {@code wct inspect} says about retries: of an interrupted run, and of a retry. */
final class RetryText {
  private RetryText() {}

  /** {@code (its process died; wct retry RUN_ID continues it)} for an interrupted run. */
  static String statusHint(RunRecord run) {
    return run.status() == RunStatus.INTERRUPTED
        ? " (its process died; wct retry " + run.runId() + " continues it)"
        : "";
  }

  /** {@code (3 artifacts reused)}. */
  static String reusedCount(List<ArtifactOutcome> artifacts) {
    long reused = artifacts.stream().filter(ArtifactOutcome::reused).count();
    return " (" + reused + (reused == 1 ? " artifact" : " artifacts") + " reused)";
  }
}
