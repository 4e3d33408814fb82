package dev.wct.workflows.run;

import dev.wct.core.plan.ExecutionPlan;
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
    String schedule,
    boolean statusAttributes) {
  public RunRequest {
    if (runId == null && schedule == null) {
      throw new NullPointerException("runId");
    }
    Objects.requireNonNull(plan, "plan");
    options = options == null ? RunOptions.DEFAULT : options;
  }

  /** A request of an unscheduled run. */
  public RunRequest(String runId, ExecutionPlan plan, RunOptions options, boolean planInStore) {
    this(runId, plan, options, planInStore, null, false);
  }

  /** A request that carries the whole plan. */
  public RunRequest(String runId, ExecutionPlan plan, RunOptions options) {
    this(runId, plan, options, false);
  }

  /** This request, upserting wct's status search attributes or not. */
  public RunRequest withStatusAttributes(boolean enabled) {
    return new RunRequest(runId, plan, options, planInStore, schedule, enabled);
  }
}
