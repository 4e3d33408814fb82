package dev.wct.workflows.records;

import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.RunStatus;
import java.util.List;
import java.util.Objects;

/**
 * The final bookkeeping of a run.
 *
 * @param run what was recorded at the start, in case that record is missing
 * @param status the final status
 * @param error why the run as a whole did not complete (timeout, cancellation); may be null
 * @param endedAtMillis workflow time, epoch milliseconds
 * @param unsucceeded every artifact that did not succeed, in plan order
 */
public record RunFinished(
    RunStarted run,
    RunStatus status,
    String error,
    long endedAtMillis,
    List<ArtifactOutcome> unsucceeded) {
  public RunFinished {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(status, "status");
    unsucceeded = List.copyOf(Objects.requireNonNull(unsucceeded, "unsucceeded"));
  }
}
