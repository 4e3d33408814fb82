package dev.wct.workflows.records;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The workflow's own bookkeeping in the run records: one call when the run starts, one when it
 * ends. Producers record their own artifacts.
 */
@ActivityInterface
public interface RunRecordActivities {
  @ActivityMethod(name = "RecordRunStarted")
  void runStarted(RunStarted run);

  /**
   * Writes the final state of every artifact that did not succeed (skipped, timed out, cancelled,
   * failed) in one batch, then the run's final status.
   */
  @ActivityMethod(name = "RecordRunFinished")
  void runFinished(RunFinished run);
}
