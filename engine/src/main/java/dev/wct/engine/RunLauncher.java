package dev.wct.engine;

import dev.wct.activities.worker.WctWorkers;
import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.plan.PlanLimits;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.RunStatus;
import dev.wct.engine.retry.RetryPlan;
import dev.wct.engine.retry.ReusedCopies;
import dev.wct.engine.server.SearchAttributes;
import dev.wct.store.ArtifactStore;
import dev.wct.store.runs.RunRecord;
import dev.wct.store.runs.RunRecords;
import dev.wct.workflows.run.RunOptions;
import dev.wct.workflows.run.RunRequest;
import dev.wct.workflows.run.RunbookWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts runs: creates the run ID, writes the initial run and artifact records and the plan ({@code
 * _system/plan.json}, placeholders unresolved), and starts a {@link RunbookWorkflow} with {@code
 * WorkflowClient.start} (workflow ID {@code wct-run-{runId}}). Runs whose workflow and producers
 * live in this process (embedded) also get an owner record with a heartbeat.
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
  private final boolean ownsRuns;
  private Boolean searchAttributes;

  public RunLauncher(WorkflowClient client, ArtifactStore store) {
    this(client, store, WctWorkers.TASK_QUEUE, Clock.systemUTC());
  }

  public RunLauncher(WorkflowClient client, ArtifactStore store, String taskQueue, Clock clock) {
    this(client, store, taskQueue, clock, false);
  }

  /**
   * @param ownsRuns whether this process hosts the workers that run the runs (embedded, {@code
   *     TemporalConnection.hostsWorkers()}): each run then records this process as its owner, with
   *     a heartbeat, so that readers can tell when it died
   */
  public RunLauncher(
      WorkflowClient client, ArtifactStore store, String taskQueue, Clock clock, boolean ownsRuns) {
    this.client = Objects.requireNonNull(client, "client");
    this.store = Objects.requireNonNull(store, "store");
    this.records = new RunRecords(store);
    this.taskQueue = Objects.requireNonNull(taskQueue, "taskQueue");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ownsRuns = ownsRuns;
  }

  /**
   * Starts a run of {@code plan} and returns at once.
   *
   * @param runbookPath the runbook file as the user gave it, for the run record; may be null
   * @param options per-run overrides; may be null
   */
  public RunHandle start(ExecutionPlan plan, String runbookPath, RunOptions options) {
    return launch(RunIds.newRunId(clock), plan, runbookPath, options, null, List.of());
  }

  /**
   * Starts a new run of a retried run's recorded plan that reuses what {@code retry} reuses, copied
   * into the new run first, and returns at once. The retried run is only read.
   */
  public RunHandle retry(RetryPlan retry, RunOptions options) {
    String runId = RunIds.newRunId(clock);
    List<ArtifactOutcome> reused;
    try {
      reused = new ReusedCopies(store).copy(retry, runId);
    } catch (RuntimeException e) {
      store.deleteRun(runId);
      throw e;
    }
    log.info(
        "run {} retries run {}: {} artifact(s) reused, {} to produce",
        runId,
        retry.retried().runId(),
        reused.size(),
        retry.produced().size());
    return launch(
        runId,
        retry.plan(),
        retry.retried().runbookPath(),
        options,
        retry.retried().runId(),
        reused);
  }

  private RunHandle launch(
      String runId,
      ExecutionPlan plan,
      String runbookPath,
      RunOptions options,
      String retryOf,
      List<ArtifactOutcome> reused) {
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
            plan.settings().retention(),
            retryOf));
    OwnerHeartbeat owner = ownsRuns ? OwnerHeartbeat.start(runId, records, clock) : null;
    RunRequest request = request(runId, plan, options);
    // Many reused outcomes would swell the input past a server's payload limit: the workflow pages
    // them in from the records ReusedCopies wrote, as it does a large plan.
    request =
        request.planInStore() || reused.size() > PlanLimits.PAGE_ARTIFACTS
            ? request.reusingFromRecords()
            : request.reusing(reused);
    RunStart start = RunStart.of(workflowId, taskQueue, plan, request, searchAttributes());
    WorkflowOptions workflowOptions = start.options();
    if (retryOf != null) {
      Map<String, Object> memo = new LinkedHashMap<>(workflowOptions.getMemo());
      memo.put("retryOf", retryOf);
      workflowOptions = WorkflowOptions.newBuilder(workflowOptions).setMemo(memo).build();
    }
    RunbookWorkflow workflow = client.newWorkflowStub(RunbookWorkflow.class, workflowOptions);
    try {
      WorkflowClient.start(workflow::run, start.request());
    } catch (RuntimeException e) {
      if (owner != null) {
        owner.close();
      }
      throw e;
    }
    log.info("run {} started: {} artifacts", runId, plan.artifacts().size());
    return new RunHandle(runId, workflow, records, clock, owner);
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
