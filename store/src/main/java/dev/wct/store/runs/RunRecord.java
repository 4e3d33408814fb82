package dev.wct.store.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.wct.core.run.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What is remembered of a run, beyond Temporal's retention.
 *
 * @param runId the run ID, also the store prefix
 * @param workflowId the Temporal workflow ID
 * @param runbookName the runbook's {@code name}
 * @param runbookPath the runbook file as given to {@code wct run}
 * @param planHash the plan's content hash
 * @param artifactCount artifacts in the plan
 * @param startedAt when the run started
 * @param endedAt when it finished; null while running
 * @param status current status
 * @param error why the run failed as a whole (timeout, cancellation, internal error); may be null
 * @param retention the runbook's {@code config.retention}: how long after its end {@code wct runs
 *     prune} keeps the run when not told otherwise; null if the runbook sets none
 * @param retryOf the run this run retries ({@code wct retry}); null for a first run
 */
public record RunRecord(
    String runId,
    String workflowId,
    String runbookName,
    String runbookPath,
    String planHash,
    int artifactCount,
    Instant startedAt,
    Instant endedAt,
    RunStatus status,
    String error,
    @JsonInclude(Include.NON_NULL) Duration retention,
    @JsonInclude(Include.NON_NULL) String retryOf) {
  public RunRecord {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(runbookName, "runbookName");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(status, "status");
  }

  /** A run record without a retention of its own. */
  public RunRecord(
      String runId,
      String workflowId,
      String runbookName,
      String runbookPath,
      String planHash,
      int artifactCount,
      Instant startedAt,
      Instant endedAt,
      RunStatus status,
      String error) {
    this(
        runId,
        workflowId,
        runbookName,
        runbookPath,
        planHash,
        artifactCount,
        startedAt,
        endedAt,
        status,
        error,
        null,
        null);
  }

  /** A run record without a retry. */
  public RunRecord(
      String runId,
      String workflowId,
      String runbookName,
      String runbookPath,
      String planHash,
      int artifactCount,
      Instant startedAt,
      Instant endedAt,
      RunStatus status,
      String error,
      Duration retention) {
    this(
        runId,
        workflowId,
        runbookName,
        runbookPath,
        planHash,
        artifactCount,
        startedAt,
        endedAt,
        status,
        error,
        retention,
        null);
  }

  public RunRecord finished(Instant at, RunStatus finalStatus, String why) {
    return new RunRecord(
        runId,
        workflowId,
        runbookName,
        runbookPath,
        planHash,
        artifactCount,
        startedAt,
        at,
        finalStatus,
        why,
        retention,
        retryOf);
  }

  /** The same record with another status, e.g. {@link RunStatus#INTERRUPTED} for readers. */
  public RunRecord withStatus(RunStatus shown) {
    return new RunRecord(
        runId,
        workflowId,
        runbookName,
        runbookPath,
        planHash,
        artifactCount,
        startedAt,
        endedAt,
        shown,
        error,
        retention,
        retryOf);
  }
}
