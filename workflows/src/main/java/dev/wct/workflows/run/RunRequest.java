package dev.wct.workflows.run;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.run.ArtifactOutcome;
import java.util.List;
import java.util.Objects;

/**
 * The input of a {@link RunbookWorkflow}.
 *
 * @param runId the run ID; null for a scheduled run, whose run ID the workflow derives from its
 *     workflow ID ({@link ScheduledRunIds}), unique per fire
 * @param plan the plan; when {@code planInStore}, its artifact list is empty and the workflow pages
 *     the artifacts in from the run's {@code plan.json} record, since a large plan would exceed
 *     Temporal's 2 MiB payload limit
 * @param planInStore whether the plan's artifacts are in the store rather than in {@code plan}
 * @param reused what a retry reuses from the run it retries: succeeded outcomes whose claim checks
 *     name the copies already in this run (references only, never content); empty for a first run
 * @param reusedInStore whether the reused outcomes are too many to travel here: the workflow then
 *     pages in the run's artifact records that were reused
 * @param schedule the name of the wct schedule that started the run; null for other runs
 * @param statusAttributes whether the server has wct's search attributes registered, so that the
 *     workflow may upsert {@code WctStatus} and {@code WctFailedArtifacts}; decided by whoever
 *     starts the run, since workflow code cannot ask the server
 */
public record RunRequest(
    String runId,
    ExecutionPlan plan,
    RunOptions options,
    boolean planInStore,
    List<ArtifactOutcome> reused,
    boolean reusedInStore,
    String schedule,
    boolean statusAttributes) {
  public RunRequest {
    if (runId == null && schedule == null) {
      throw new NullPointerException("runId");
    }
    Objects.requireNonNull(plan, "plan");
    options = options == null ? RunOptions.DEFAULT : options;
    reused = reused == null ? List.of() : List.copyOf(reused);
  }

  /** A first, unscheduled run's request. */
  public RunRequest(String runId, ExecutionPlan plan, RunOptions options, boolean planInStore) {
    this(runId, plan, options, planInStore, List.of(), false, null, false);
  }

  /** A request that carries the whole plan. */
  public RunRequest(String runId, ExecutionPlan plan, RunOptions options) {
    this(runId, plan, options, false);
  }

  /** The request of a run a schedule fires: its run ID comes from the workflow ID. */
  public static RunRequest scheduled(
      ExecutionPlan plan, RunOptions options, String schedule, boolean statusAttributes) {
    return new RunRequest(null, plan, options, false, List.of(), false, schedule, statusAttributes);
  }

  /** The same request with the outcomes a retry reuses. */
  public RunRequest reusing(List<ArtifactOutcome> outcomes) {
    return new RunRequest(
        runId, plan, options, planInStore, outcomes, false, schedule, statusAttributes);
  }

  /** The same request, its reused outcomes to be read from the run's artifact records. */
  public RunRequest reusingFromRecords() {
    return new RunRequest(
        runId, plan, options, planInStore, List.of(), true, schedule, statusAttributes);
  }

  /** This request, upserting wct's status search attributes or not. */
  public RunRequest withStatusAttributes(boolean enabled) {
    return new RunRequest(
        runId, plan, options, planInStore, reused, reusedInStore, schedule, enabled);
  }
}
