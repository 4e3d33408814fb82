package dev.wct.engine;

import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.run.RunStatus;
import dev.wct.store.ArtifactStore;
import dev.wct.store.runs.RunRecord;
import dev.wct.store.runs.RunRecords;
import dev.wct.workflows.run.RunProgress;
import dev.wct.workflows.run.RunResult;
import dev.wct.workflows.run.RunbookWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TerminatedFailure;
import io.temporal.failure.TimeoutFailure;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A started run: poll its progress, wait for its result, or cancel it. */
public final class RunHandle {
  private final String runId;
  private final String workflowId;
  private final RunbookWorkflow workflow;
  private final RunRecords records;
  private final Clock clock;
  private final OwnerHeartbeat owner;

  RunHandle(
      String runId,
      RunbookWorkflow workflow,
      RunRecords records,
      Clock clock,
      OwnerHeartbeat owner) {
    this(runId, RunbookWorkflow.workflowId(runId), workflow, records, clock, owner);
  }

  private RunHandle(
      String runId,
      String workflowId,
      RunbookWorkflow workflow,
      RunRecords records,
      Clock clock,
      OwnerHeartbeat owner) {
    this.runId = runId;
    this.workflowId = workflowId;
    this.workflow = workflow;
    this.records = records;
    this.clock = clock;
    this.owner = owner;
  }

  /**
   * The run {@code runId} that some process started on the Temporal {@code client} talks to, to
   * follow or cancel it from here; its records are read from {@code store}.
   */
  public static RunHandle attach(WorkflowClient client, ArtifactStore store, String runId) {
    RunRecords records = new RunRecords(store);
    String workflowId = workflowId(records, runId);
    RunbookWorkflow workflow = client.newWorkflowStub(RunbookWorkflow.class, workflowId);
    return new RunHandle(runId, workflowId, workflow, records, Clock.systemUTC(), null);
  }

  /**
   * The workflow ID of run {@code runId}: the one its record names (a scheduled run's workflow ID
   * names its schedule and fire time), else the one {@code wct run} and {@code submit} give.
   */
  public static String workflowId(RunRecords records, String runId) {
    return records
        .run(runId)
        .map(RunRecord::workflowId)
        .filter(id -> !id.isBlank())
        .orElse(RunbookWorkflow.workflowId(runId));
  }

  public String runId() {
    return runId;
  }

  public String workflowId() {
    return workflowId;
  }

  /**
   * Live progress from the workflow's {@code status} query; blocks while no worker is up. Running
   * artifacts carry their current attempt and the last failed attempt's error, which only the
   * producer's own record knows.
   */
  public RunProgress progress() {
    RunProgress progress = workflow.status();
    List<ArtifactOutcome> artifacts = new ArrayList<>(progress.artifacts().size());
    for (ArtifactOutcome outcome : progress.artifacts()) {
      artifacts.add(
          outcome.state() == ArtifactState.RUNNING ? withCurrentAttempt(outcome) : outcome);
    }
    return new RunProgress(
        progress.runId(),
        progress.status(),
        progress.waiting(),
        progress.running(),
        progress.succeeded(),
        progress.failed(),
        progress.skipped(),
        artifacts,
        progress.partitions());
  }

  private ArtifactOutcome withCurrentAttempt(ArtifactOutcome running) {
    return records
        .artifact(runId, running.id())
        .filter(record -> record.state() == ArtifactState.RUNNING)
        .map(
            record ->
                running
                    .withAttempts(record.attempts())
                    .withLastError(record.error(), record.errorKind()))
        .orElse(running);
  }

  /** Asks Temporal to cancel the run; in-flight producers are cancelled, records kept. */
  public void cancel() {
    WorkflowStub.fromTyped(workflow).cancel();
  }

  /**
   * Waits for the run to end and returns its result, with every artifact's outcome (read back from
   * the run records, in artifact id order, when the run was too large to return them). A cancelled,
   * terminated or timed-out workflow gives a result rebuilt from the run records; the final run
   * record is written if the workflow could not write it.
   */
  public RunResult awaitResult() {
    try {
      return awaitWorkflowResult();
    } finally {
      stopHeartbeat();
    }
  }

  private void stopHeartbeat() {
    if (owner != null) {
      owner.close();
    }
  }

  private RunResult awaitWorkflowResult() {
    try {
      RunResult result = WorkflowStub.fromTyped(workflow).getResult(RunResult.class);
      ensureFinalRecord(result.status(), null);
      return result.artifactsInRecords()
          ? new RunResult(runId, result.status(), outcomesFromRecords())
          : result;
    } catch (WorkflowFailedException e) {
      Throwable cause = e.getCause();
      RunStatus status;
      String why;
      if (cause instanceof CanceledFailure) {
        status = RunStatus.CANCELLED;
        why = "run cancelled";
      } else if (cause instanceof TimeoutFailure) {
        status = RunStatus.TIMED_OUT;
        why = "workflow timed out";
      } else if (cause instanceof TerminatedFailure) {
        status = RunStatus.CANCELLED;
        why = "workflow terminated";
      } else {
        status = RunStatus.FAILED;
        why = cause == null ? e.getMessage() : cause.getMessage();
      }
      ensureFinalRecord(status, why);
      return new RunResult(runId, status, outcomesFromRecords());
    }
  }

  private void ensureFinalRecord(RunStatus status, String why) {
    Optional<RunRecord> run = records.run(runId);
    if (run.isPresent() && !run.get().status().finished()) {
      records.saveRun(run.get().finished(clock.instant(), status, why));
    }
  }

  private List<ArtifactOutcome> outcomesFromRecords() {
    return records.artifacts(runId);
  }
}
