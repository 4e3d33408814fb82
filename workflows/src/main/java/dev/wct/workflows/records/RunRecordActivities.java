package dev.wct.workflows.records;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.run.ArtifactOutcome;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/**
 * The workflow's own bookkeeping in the run records: one call when it ends (large runs add a few
 * batches), and one when it starts if no launcher recorded the run (a scheduled run). Producers
 * record their own artifacts.
 */
@ActivityInterface
public interface RunRecordActivities {
  @ActivityMethod(name = "RecordRunStarted")
  void runStarted(RunStarted run);

  /**
   * Stores the plan of a run no launcher stored it for (a scheduled run, whose plan travels in the
   * schedule's action). Safe to retry: it writes the same plan again.
   */
  @ActivityMethod(name = "RecordPlan")
  void savePlan(String runId, ExecutionPlan plan);

  /**
   * Artifacts {@code from} to {@code from + count} (exclusive) of the plan the launcher stored with
   * the run.
   */
  @ActivityMethod(name = "LoadPlanArtifacts")
  List<PlannedArtifact> planArtifacts(String runId, int from, int count);

  /**
   * The artifact records of run {@code runId} that a retry reused, by artifact id, {@code from} to
   * {@code from + count} (exclusive): what the launcher copied in before the run started.
   */
  @ActivityMethod(name = "LoadReusedArtifacts")
  List<ArtifactOutcome> reusedArtifacts(String runId, int from, int count);

  /** Writes the final state of artifacts that did not succeed: a batch of a large run. */
  @ActivityMethod(name = "RecordArtifacts")
  void artifactsFinished(String runId, List<ArtifactOutcome> outcomes);

  /**
   * Writes the final state of every artifact in {@code run.unsucceeded()} (skipped, timed out,
   * cancelled, failed), then the run's final status.
   */
  @ActivityMethod(name = "RecordRunFinished")
  void runFinished(RunFinished run);

  /**
   * At the end of a run, whatever its end state: deletes its raw source artifacts (connector
   * outputs and their copies) unless the runbook keeps them ({@code config.keep_sources}), and
   * records which were deleted. Reads the plan from the store, so only the run ID travels through
   * the history. Safe to retry.
   */
  @ActivityMethod(name = "DeleteRawSources")
  void deleteRawSources(String runId);

  /**
   * What every run does last, in one call: {@link #deleteRawSources}, then {@link #runFinished}. A
   * deletion that fails fails the call before the end is recorded, so a retry deletes again.
   */
  @ActivityMethod(name = "EndRun")
  void endRun(RunFinished run);
}
