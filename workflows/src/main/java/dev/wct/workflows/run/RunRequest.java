package dev.wct.workflows.run;

import dev.wct.core.plan.ExecutionPlan;
import java.util.Objects;

/** The input of a {@link RunbookWorkflow}. */
public record RunRequest(String runId, ExecutionPlan plan, RunOptions options) {
  public RunRequest {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(plan, "plan");
    options = options == null ? RunOptions.DEFAULT : options;
  }
}
