package dev.wct.workflows.records;

import java.util.Objects;

/**
 * The run record written when a run starts.
 *
 * @param startedAtMillis workflow time, epoch milliseconds
 */
public record RunStarted(
    String runId,
    String workflowId,
    String runbookName,
    String runbookPath,
    String planHash,
    int artifactCount,
    long startedAtMillis) {
  public RunStarted {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(runbookName, "runbookName");
  }
}
