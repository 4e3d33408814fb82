package dev.wct.workflows.run;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.run.ArtifactOutcome;
import java.util.List;
import java.util.Objects;

/**
 * The input of a {@link RunbookWorkflow}.
 *
 * @param plan the plan; when {@code planInStore}, its artifact list is empty and the workflow pages
 *     the artifacts in from the run's {@code plan.json} record, since a large plan would exceed
 *     Temporal's 2 MiB payload limit
 * @param planInStore whether the plan's artifacts are in the store rather than in {@code plan}
 * @param reused what a retry reuses from the run it retries: succeeded outcomes whose claim checks
 *     name the copies already in this run (references only, never content); empty for a first run
 * @param reusedInStore whether the reused outcomes are too many to travel here: the workflow then
 *     pages in the run's artifact records that were reused
 */
public record RunRequest(
    String runId,
    ExecutionPlan plan,
    RunOptions options,
    boolean planInStore,
    List<ArtifactOutcome> reused,
    boolean reusedInStore) {
  public RunRequest {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(plan, "plan");
    options = options == null ? RunOptions.DEFAULT : options;
    reused = reused == null ? List.of() : List.copyOf(reused);
  }

  /** A first run's request. */
  public RunRequest(String runId, ExecutionPlan plan, RunOptions options, boolean planInStore) {
    this(runId, plan, options, planInStore, List.of(), false);
  }

  /** A request that carries the whole plan. */
  public RunRequest(String runId, ExecutionPlan plan, RunOptions options) {
    this(runId, plan, options, false);
  }

  /** The same request with the outcomes a retry reuses. */
  public RunRequest reusing(List<ArtifactOutcome> outcomes) {
    return new RunRequest(runId, plan, options, planInStore, outcomes, false);
  }

  /** The same request, its reused outcomes to be read from the run's artifact records. */
  public RunRequest reusingFromRecords() {
    return new RunRequest(runId, plan, options, planInStore, List.of(), true);
  }
}
