package dev.wct.workflows.run;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.plan.Producer;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactRef;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.run.RunStatus;
import dev.wct.workflows.partition.PartitionedArtifacts;
import dev.wct.workflows.partition.PartitionsDone;
import dev.wct.workflows.producer.ProduceRequest;
import dev.wct.workflows.producer.Produced;
import dev.wct.workflows.producer.ProducerActivities;
import dev.wct.workflows.producer.ProducerFailures;
import dev.wct.workflows.producer.ProducerOptions;
import dev.wct.workflows.records.RunFinished;
import dev.wct.workflows.records.RunRecordActivities;
import dev.wct.workflows.records.RunStarted;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.ActivityStub;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.CompletablePromise;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;

/**
 * Interprets the plan's DAG by composing promises: each artifact waits on its inputs' promises,
 * never on a DAG level and never on a thread of its own. Artifacts whose inputs are done join a
 * ready set ordered by plan position, released while fewer than the cap are in flight.
 *
 * <p>Deterministic: the plan's artifact list (topological, ties by id) and insertion-ordered maps
 * are the only orders used.
 */
public class RunbookWorkflowImpl implements RunbookWorkflow {
  /**
   * Runs with more artifacts return their outcomes through the run records: 1,000 outcomes are
   * about 400 KiB of JSON, well under Temporal's 2 MiB payload limit.
   */
  static final int MAX_INLINE_OUTCOMES = 1_000;

  private static final Logger log = Workflow.getLogger(RunbookWorkflowImpl.class);

  private static final ActivityOptions RECORD_OPTIONS =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(10).build())
          .setSummary("run records")
          .build();

  /** Deleting a run's raw sources may take longer than a record: many objects, a slow store. */
  private static final ActivityOptions CLEANUP_OPTIONS =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(10))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(10).build())
          .setSummary("delete raw sources")
          .build();

  /**
   * A run's last activity, {@code EndRun}: the raw sources deleted, then the end recorded; the
   * summary says both to whoever reads the run's history in the Temporal UI.
   */
  private static final String END_SUMMARY = "end of run: delete raw sources, record the outcome";

  private static final ActivityOptions END_OPTIONS =
      ActivityOptions.newBuilder(CLEANUP_OPTIONS).setSummary(END_SUMMARY).build();

  /** The change that added the deletion of raw sources at run end; older histories lack it. */
  static final String DELETE_RAW_SOURCES = "delete-raw-sources";

  /** The change that made a failed run fail its workflow; older histories completed it. */
  static final String FAIL_FAILED_RUNS = "fail-failed-runs";

  /** The change that let schedules start runs: their plan is stored by the workflow. */
  static final String SCHEDULED_RUNS = "scheduled-runs";

  /**
   * The change after which the workflow records a run's start only when no launcher did (a
   * scheduled run); older histories record every run's start, a launched one's a second time.
   */
  static final String START_RECORDED_BY_LAUNCHER = "start-recorded-by-launcher";

  /**
   * The change that made a run end in one activity, deleting its raw sources and recording its end
   * ({@code EndRun}); older histories call one activity for each.
   */
  static final String END_IN_ONE_CALL = "end-in-one-call";

  private final RunRecordActivities records =
      Workflow.newActivityStub(RunRecordActivities.class, RECORD_OPTIONS);
  private final RunRecordActivities cleanup =
      Workflow.newActivityStub(RunRecordActivities.class, CLEANUP_OPTIONS);
  private final RunRecordActivities ending =
      Workflow.newActivityStub(RunRecordActivities.class, END_OPTIONS);

  private final PartitionedArtifacts partitioned = new PartitionedArtifacts();
  private final Map<String, PartitionsDone> partitionsDone = new LinkedHashMap<>();
  private final Map<String, ArtifactTracker> trackers = new LinkedHashMap<>();
  private final Map<String, CompletablePromise<Void>> done = new LinkedHashMap<>();
  private final List<ArtifactTracker> byIndex = new ArrayList<>();
  private final TreeSet<Integer> ready = new TreeSet<>();
  private final Map<String, CancellationScope> inFlight = new LinkedHashMap<>();
  private String runId = "";
  private RunStatus status = RunStatus.RUNNING;
  private int concurrencyCap;
  private Duration heartbeatTimeout;
  private int finished;
  private boolean stopped;

  @Override
  public RunResult run(RunRequest request) {
    runId = ScheduledRunIds.of(request, Workflow.getInfo().getWorkflowId());
    ExecutionPlan plan = request.plan();
    concurrencyCap = concurrencyCap(plan, request.options());
    heartbeatTimeout = request.options().heartbeatTimeout();
    List<PlannedArtifact> artifacts =
        request.planInStore() ? loadArtifacts(request.runId()) : plan.artifacts();
    for (PlannedArtifact artifact : artifacts) {
      ArtifactTracker tracker = new ArtifactTracker(byIndex.size(), artifact);
      trackers.put(artifact.id(), tracker);
      byIndex.add(tracker);
    }
    ReusedArtifacts.apply(request, records, trackers);
    RunStarted started =
        new RunStarted(
            runId,
            Workflow.getInfo().getWorkflowId(),
            plan.runbook().name(),
            plan.runbook().path(),
            plan.contentHash(),
            artifacts.size(),
            Workflow.currentTimeMillis());
    RunVisibility visibility = RunVisibility.start(request);
    try {
      if (request.schedule() != null
          && Workflow.getVersion(SCHEDULED_RUNS, Workflow.DEFAULT_VERSION, 1) >= 1) {
        // No launcher stored it: reports and the raw-source deletion read it from the store.
        records.savePlan(runId, plan);
      }
      if (request.schedule() != null
          || Workflow.getVersion(START_RECORDED_BY_LAUNCHER, Workflow.DEFAULT_VERSION, 1)
              == Workflow.DEFAULT_VERSION) {
        records.runStarted(started); // which logs the start
      } else {
        log.info("run {} started: {} artifacts", runId, artifacts.size());
      }
      schedule(artifacts);
      boolean allDone = Workflow.await(plan.settings().timeout(), () -> finished == byIndex.size());
      if (allDone) {
        status = finalStatus();
        finish(started, null);
      } else {
        stop("timeout");
        status = RunStatus.TIMED_OUT;
        finish(started, "run timed out after " + plan.settings().timeout().toSeconds() + "s");
      }
      List<ArtifactOutcome> outcomes = outcomes();
      Workflow.setCurrentDetails(visibility.details(status, outcomes));
      visibility.finished(status, outcomes);
      // The Temporal UI shows a failed run as failed, with the failed artifacts and their errors;
      // the outcomes stay in the store and in the status query.
      if (status == RunStatus.FAILED
          && Workflow.getVersion(FAIL_FAILED_RUNS, Workflow.DEFAULT_VERSION, 1) >= 1) {
        throw ApplicationFailure.newNonRetryableFailure(
            RunOutcomeText.failure(outcomes), RunOutcomeText.RUN_FAILED);
      }
      return byIndex.size() > MAX_INLINE_OUTCOMES
          ? new RunResult(runId, status, List.of(), true)
          : new RunResult(runId, status, outcomes);
    } catch (CanceledFailure cancelled) {
      stop("cancelled");
      status = RunStatus.CANCELLED;
      finish(started, "run cancelled");
      visibility.finished(status, outcomes());
      throw cancelled;
    }
  }

  @Override
  public RunProgress status() {
    List<PartitionsDone> partitions = new ArrayList<>(partitionsDone.size());
    for (PartitionsDone signalled : partitionsDone.values()) {
      partitions.add(partitioned.ended(signalled.artifactId()).orElse(signalled));
    }
    return RunProgress.of(runId, status, outcomes(), partitions);
  }

  @Override
  public void partitionProgress(List<PartitionsDone> newlyDone) {
    for (PartitionsDone more : newlyDone) {
      partitionsDone.merge(more.artifactId(), more, (was, add) -> was.plus(add.done()));
    }
  }

  /** The run's override or the plan's; both are within PlanLimits.MAX_CONCURRENCY. */
  private static int concurrencyCap(ExecutionPlan plan, RunOptions options) {
    return options.maxConcurrency() != null
        ? options.maxConcurrency()
        : plan.settings().maxConcurrency();
  }

  private List<PlannedArtifact> loadArtifacts(String runId) {
    return Batches.loadAll((from, count) -> records.planArtifacts(runId, from, count));
  }

  /** Chains every artifact on its inputs' promises, in plan order. */
  private void schedule(List<PlannedArtifact> artifacts) {
    for (PlannedArtifact artifact : artifacts) {
      CompletablePromise<Void> artifactDone = Workflow.newPromise();
      done.put(artifact.id(), artifactDone);
      List<Promise<Void>> inputs = new ArrayList<>();
      for (String input : artifact.inputs()) {
        inputs.add(done.get(input));
      }
      Promise<Void> inputsDone =
          inputs.isEmpty() ? Workflow.newPromise(null) : Promise.allOf(inputs);
      ArtifactTracker tracker = trackers.get(artifact.id());
      inputsDone.thenApply(
          ignored -> {
            onInputsDone(tracker);
            return null;
          });
    }
  }

  private void onInputsDone(ArtifactTracker tracker) {
    if (stopped) {
      return;
    }
    if (tracker.state() == ArtifactState.SUCCEEDED) {
      markFinished(tracker); // reused by a retry
      return;
    }
    for (String input : tracker.artifact.inputs()) {
      ArtifactState inputState = trackers.get(input).state();
      if (inputState != ArtifactState.SUCCEEDED) {
        String why = inputState == ArtifactState.FAILED ? "failed" : "was skipped";
        tracker.skipped("input '" + input + "' " + why, Workflow.currentTimeMillis());
        markFinished(tracker);
        return;
      }
    }
    ready.add(tracker.index);
    dispatch();
  }

  private void dispatch() {
    while (!stopped && inFlight.size() < concurrencyCap && !ready.isEmpty()) {
      start(byIndex.get(ready.pollFirst()));
    }
  }

  private void start(ArtifactTracker tracker) {
    PlannedArtifact artifact = tracker.artifact;
    List<ArtifactRef> inputs = new ArrayList<>();
    for (String input : artifact.inputs()) {
      inputs.add(trackers.get(input).output());
    }
    ProduceRequest request = new ProduceRequest(runId, artifact, inputs);
    List<Promise<Produced>> result = new ArrayList<>(1);
    CancellationScope scope =
        Workflow.newCancellationScope(() -> result.add(produce(artifact, request)));
    tracker.running(Workflow.currentTimeMillis());
    inFlight.put(artifact.id(), scope);
    scope.run();
    result
        .get(0)
        .handle(
            (produced, failure) -> {
              inFlight.remove(artifact.id());
              if (stopped || isCancellation(failure)) {
                // stop() marks it; a cancelled producer neither failed nor succeeded
                return null;
              }
              if (failure == null) {
                tracker.succeeded(produced, Workflow.currentTimeMillis());
              } else {
                recordFailure(tracker, failure);
              }
              markFinished(tracker);
              dispatch();
              return null;
            });
  }

  /** A partitioned artifact is produced partition by partition, in child workflows. */
  private Promise<Produced> produce(PlannedArtifact artifact, ProduceRequest request) {
    if (artifact.partition() != null
        && Workflow.getVersion(PartitionedArtifacts.CHANGE_ID, Workflow.DEFAULT_VERSION, 1) >= 1) {
      List<PlannedArtifact> plan = new ArrayList<>(byIndex.size());
      byIndex.forEach(tracker -> plan.add(tracker.artifact));
      return partitioned.produce(
          runId,
          RunbookWorkflow.workflowId(runId),
          artifact,
          plan,
          concurrencyCap,
          heartbeatTimeout);
    }
    // untyped: a typed stub per artifact (its options name it) costs a proxy and reflection
    ActivityStub producer =
        Workflow.newUntypedActivityStub(ProducerOptions.of(artifact, heartbeatTimeout));
    return producer.executeAsync(activityType(artifact.producer()), Produced.class, request);
  }

  private static String activityType(Producer kind) {
    if (kind instanceof Producer.Source) {
      return ProducerActivities.CONNECT;
    }
    if (kind instanceof Producer.Process) {
      return ProducerActivities.ANALYSE;
    }
    if (kind instanceof Producer.PassThrough) {
      return ProducerActivities.PASS_THROUGH;
    }
    return ProducerActivities.REUSE;
  }

  private static boolean isCancellation(Throwable failure) {
    return failure instanceof CanceledFailure
        || (failure instanceof ActivityFailure && failure.getCause() instanceof CanceledFailure);
  }

  private void recordFailure(ArtifactTracker tracker, RuntimeException failure) {
    ProducerFailures.Decoded decoded =
        ProducerFailures.decode(failure, tracker.artifact.retry().maxAttempts());
    tracker.failed(
        decoded.message(), decoded.kind(), decoded.attempts(), Workflow.currentTimeMillis());
    log.info(
        "artifact {} failed after {} attempt(s): {}",
        tracker.id(),
        decoded.attempts(),
        decoded.message());
  }

  private void markFinished(ArtifactTracker tracker) {
    finished++;
    done.get(tracker.id()).complete(null);
  }

  /** Cancels the producers in flight and marks every unfinished artifact skipped. */
  private void stop(String reason) {
    stopped = true;
    for (CancellationScope scope : new ArrayList<>(inFlight.values())) {
      scope.cancel(reason);
    }
    inFlight.clear();
    long now = Workflow.currentTimeMillis();
    for (ArtifactTracker tracker : byIndex) {
      if (!tracker.state().finished()) {
        tracker.skipped(reason, now);
      }
    }
  }

  /**
   * Failures beat warnings: a required failure fails the run, an optional one makes it {@code
   * completed_with_errors} whatever else happened, and only a run without failures whose artifacts
   * carry coverage warnings is {@code completed_with_warnings}.
   */
  private RunStatus finalStatus() {
    boolean anyFailed = false;
    boolean requiredFailed = false;
    boolean anyWarnings = false;
    for (ArtifactTracker tracker : byIndex) {
      if (tracker.state() == ArtifactState.FAILED) {
        anyFailed = true;
        requiredFailed |= !tracker.artifact.optional();
      }
      anyWarnings |= tracker.outcome().hasWarnings();
    }
    if (requiredFailed) {
      return RunStatus.FAILED;
    }
    if (anyFailed) {
      return RunStatus.COMPLETED_WITH_ERRORS;
    }
    return anyWarnings ? RunStatus.COMPLETED_WITH_WARNINGS : RunStatus.COMPLETED;
  }

  /**
   * Deletes the raw sources (unless the runbook keeps them) and then records the final statuses, in
   * one activity, even when the run itself is being cancelled: the detached scope outlives the
   * cancellation. A deletion that keeps failing is logged and leaves the sources; the run's outcome
   * is then recorded on its own and stands.
   */
  private void finish(RunStarted started, String error) {
    List<ArtifactOutcome> unsucceeded = new ArrayList<>();
    for (ArtifactTracker tracker : byIndex) {
      if (tracker.state() != ArtifactState.SUCCEEDED) {
        unsucceeded.add(tracker.outcome());
      }
    }
    List<List<ArtifactOutcome>> batches = Batches.endingWithFullBatch(unsucceeded);
    RunFinished finishedRun =
        new RunFinished(
            started, status, error, Workflow.currentTimeMillis(), batches.get(batches.size() - 1));
    Workflow.newDetachedCancellationScope(
            () -> {
              if (Workflow.getVersion(DELETE_RAW_SOURCES, Workflow.DEFAULT_VERSION, 1) < 1) {
                recordEnd(batches, finishedRun);
              } else if (Workflow.getVersion(END_IN_ONE_CALL, Workflow.DEFAULT_VERSION, 1) < 1) {
                deleteRawSources(() -> cleanup.deleteRawSources(runId));
                recordEnd(batches, finishedRun);
              } else {
                recordBatches(batches);
                if (!deleteRawSources(() -> ending.endRun(finishedRun))) {
                  records.runFinished(finishedRun);
                }
              }
            })
        .run();
  }

  /** Whether {@code deletion} succeeded; one that kept failing is logged, and the run stands. */
  private boolean deleteRawSources(Runnable deletion) {
    try {
      deletion.run();
      return true;
    } catch (ActivityFailure failure) {
      log.warn("run {}: raw sources not deleted: {}", runId, ProducerFailures.oneLine(failure));
      return false;
    }
  }

  private void recordEnd(List<List<ArtifactOutcome>> batches, RunFinished finishedRun) {
    recordBatches(batches);
    records.runFinished(finishedRun);
  }

  /** All batches of unsucceeded outcomes but the last, which travels with the run's end. */
  private void recordBatches(List<List<ArtifactOutcome>> batches) {
    for (List<ArtifactOutcome> batch : batches.subList(0, batches.size() - 1)) {
      records.artifactsFinished(runId, batch);
    }
  }

  private List<ArtifactOutcome> outcomes() {
    List<ArtifactOutcome> outcomes = new ArrayList<>(byIndex.size());
    for (ArtifactTracker tracker : byIndex) {
      outcomes.add(tracker.outcome());
    }
    return outcomes;
  }
}
