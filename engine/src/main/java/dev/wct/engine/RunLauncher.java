package dev.wct.engine;

import dev.wct.activities.worker.WctWorkers;
import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.run.RunStatus;
import dev.wct.engine.server.SearchAttributes;
import dev.wct.store.ArtifactStore;
import dev.wct.store.runs.RunRecord;
import dev.wct.store.runs.RunRecords;
import dev.wct.workflows.run.RunOptions;
import dev.wct.workflows.run.RunRequest;
import dev.wct.workflows.run.RunbookWorkflow;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts runs: creates the run ID, writes the initial run and artifact records and the plan ({@code
 * _system/plan.json}, placeholders unresolved), and starts a {@link RunbookWorkflow} with {@code
 * WorkflowClient.start} (workflow ID {@code wct-run-{runId}}).
 */
public final class RunLauncher {
  private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

  /**
   * Plans larger than this travel through the store (a real server warns about payloads from 512
   * KiB and rejects them from 2 MiB); the workflow pages their artifacts in.
   */
  public static final int MAX_INLINE_PLAN_BYTES = 256 * 1024;

  private final WorkflowClient client;
  private final ArtifactStore store;
  private final RunRecords records;
  private final String taskQueue;
  private final Clock clock;
  private Boolean searchAttributes;

  public RunLauncher(WorkflowClient client, ArtifactStore store) {
    this(client, store, WctWorkers.TASK_QUEUE, Clock.systemUTC());
  }

  public RunLauncher(WorkflowClient client, ArtifactStore store, String taskQueue, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.store = Objects.requireNonNull(store, "store");
    this.records = new RunRecords(store);
    this.taskQueue = Objects.requireNonNull(taskQueue, "taskQueue");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Starts a run of {@code plan} and returns at once.
   *
   * @param runbookPath the runbook file as the user gave it, for the run record; may be null
   * @param options per-run overrides; may be null
   */
  public RunHandle start(ExecutionPlan plan, String runbookPath, RunOptions options) {
    String runId = RunIds.newRunId(clock);
    String workflowId = RunbookWorkflow.workflowId(runId);
    records.saveRun(
        new RunRecord(
            runId,
            workflowId,
            plan.runbook().name(),
            runbookPath != null ? runbookPath : plan.runbook().path(),
            plan.contentHash(),
            plan.artifacts().size(),
            clock.instant(),
            null,
            RunStatus.RUNNING,
            null,
            plan.settings().retention()));
    RunStart start =
        RunStart.of(workflowId, taskQueue, plan, request(runId, plan, options), searchAttributes());
    RunbookWorkflow workflow = client.newWorkflowStub(RunbookWorkflow.class, start.options());
    WorkflowClient.start(workflow::run, start.request());
    log.info("run {} started: {} artifacts", runId, plan.artifacts().size());
    return new RunHandle(runId, workflow, records, clock);
  }

  /** Whether the server has wct's search attributes; asked once per launcher. */
  private synchronized boolean searchAttributes() {
    if (searchAttributes == null) {
      searchAttributes =
          SearchAttributes.available(
              client.getWorkflowServiceStubs(), client.getOptions().getNamespace());
    }
    return searchAttributes;
  }

  private RunRequest request(String runId, ExecutionPlan plan, RunOptions options) {
    int planBytes = records.savePlan(runId, plan);
    if (planBytes <= MAX_INLINE_PLAN_BYTES) {
      return new RunRequest(runId, plan, options);
    }
    ExecutionPlan withoutArtifacts =
        new ExecutionPlan(
            plan.runbook(), plan.settings(), List.of(), List.of(), List.of(), plan.contentHash());
    return new RunRequest(runId, withoutArtifacts, options, true);
  }
}
