package dev.wct.workflows.run;

import dev.wct.core.plan.ExecutionPlan;
import java.util.Objects;

/**
 * The input of a {@link RunbookWorkflow}.
 *
 * @param plan the plan; when {@code planInStore}, its artifact list is empty and the workflow pages
 *     the artifacts in from the run's {@code plan.json} record, since a large plan would exceed
 *     Temporal's 2 MiB payload limit
 * @param planInStore whether the plan's artifacts are in the store rather than in {@code plan}
 */
public record RunRequest(
    String runId, ExecutionPlan plan, RunOptions options, boolean planInStore) {
  public RunRequest {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(plan, "plan");
    options = options == null ? RunOptions.DEFAULT : options;
  }

  /** A request that carries the whole plan. */
  public RunRequest(String runId, ExecutionPlan plan, RunOptions options) {
    this(runId, plan, options, false);
  }
}
