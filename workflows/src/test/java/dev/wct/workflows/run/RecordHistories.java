package dev.wct.workflows.run;

import static dev.wct.testkit.plans.PlanBuilder.plan;
import static dev.wct.workflows.run.FakeProducers.failTimes;
import static dev.wct.workflows.run.FakeProducers.failUser;

import dev.wct.core.plan.ExecutionPlan;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Records the histories {@link RunbookWorkflowReplayTest} replays. Run it after a deliberate,
 * versioned change of the workflow: {@code ./mvnw -pl workflows test -Dtest=RecordHistories
 * -Dwct.recordHistories=true -Dsurefire.failIfNoSpecifiedTests=false}, then commit the files.
 */
@EnabledIfSystemProperty(named = "wct.recordHistories", matches = "true")
class RecordHistories {
  static final Path FOLDER = Path.of("src/test/resources/histories");

  /** Two sources, an analyser over both, a pass-through fan-in of analyser and source. */
  static ExecutionPlan successWithFanIn() {
    return plan()
        .source("crm")
        .source("files")
        .analyser("pii", "crm", "files")
        .passThrough("everything", "crm", "files")
        .build();
  }

  /** A source that fails for good, its dependents skipped, an independent branch completed. */
  static ExecutionPlan failureWithSkippedDependents() {
    return plan()
        .source("db")
        .source("files")
        .analyser("db_pii", "db")
        .analyser("files_pii", "files")
        .build();
  }

  static ExecutionPlan retryThenSuccess() {
    return plan().source("db").analyser("pii", "db").build();
  }

  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowTestSupport.extension();

  private final FakeProducers producers = new FakeProducers(new EventLog());

  private void record(TestWorkflowEnvironment env, Worker worker, String name, ExecutionPlan plan)
      throws IOException {
    record(env, worker, name, plan, producers, new FakeRecords());
  }

  private void record(
      TestWorkflowEnvironment env,
      Worker worker,
      String name,
      ExecutionPlan plan,
      Object... activities)
      throws IOException {
    record(env, worker, name, new RunRequest("replay-" + name, plan, null), activities);
  }

  private void record(TestWorkflowEnvironment env, Worker worker, String name, RunRequest request)
      throws IOException {
    record(env, worker, name, request, producers, new FakeRecords());
  }

  private void record(
      TestWorkflowEnvironment env,
      Worker worker,
      String name,
      RunRequest request,
      Object... activities)
      throws IOException {
    String runId = request.runId();
    RunbookWorkflow workflow = WorkflowTestSupport.start(env, worker, runId, request, activities);
    WorkflowTestSupport.result(workflow);
    String history =
        env.getWorkflowClient().fetchHistory(RunbookWorkflow.workflowId(runId)).toJson(true);
    Files.createDirectories(FOLDER);
    Files.writeString(FOLDER.resolve(name + ".json"), history);
  }

  /** A source whose coverage has gaps: its result carries counts and warnings. */
  static ExecutionPlan completedWithWarnings() {
    return plan().source("files").analyser("pii", "files").build();
  }

  @Test
  void recordCompletedWithWarnings(TestWorkflowEnvironment env, Worker worker) throws IOException {
    producers.warns("files", "files: 1 of 3 files skipped (1 binary)");
    record(env, worker, "completed-with-warnings", completedWithWarnings());
  }

  @Test
  void recordSuccessWithFanIn(TestWorkflowEnvironment env, Worker worker) throws IOException {
    record(env, worker, "success-fan-in", successWithFanIn());
  }

  @Test
  void recordFailureWithSkippedDependents(TestWorkflowEnvironment env, Worker worker)
      throws IOException {
    producers.on("db", failUser("artifact 'db': bad credentials"));
    record(env, worker, "failure-skipped-dependents", failureWithSkippedDependents());
  }

  @Test
  void recordRetryThenSuccess(TestWorkflowEnvironment env, Worker worker) throws IOException {
    producers.on("db", failTimes(2));
    record(env, worker, "retry-then-success", retryThenSuccess());
  }

  /**
   * The first history with the {@code delete-raw-sources} version marker and the DeleteRawSources
   * call at run end; the three above predate it and replay without them.
   */
  @Test
  void recordSuccessDeletingRawSources(TestWorkflowEnvironment env, Worker worker)
      throws IOException {
    record(env, worker, "success-deleting-raw-sources", retryThenSuccess());
  }

  /**
   * The first history with the {@code start-recorded-by-launcher} and {@code end-in-one-call}
   * markers: a launched run records no start of its own, and ends in one EndRun call.
   */
  @Test
  void recordLaunchedRunEndingInOneCall(TestWorkflowEnvironment env, Worker worker)
      throws IOException {
    record(env, worker, "launched-run-ending-in-one-call", successWithFanIn());
  }

  /**
   * The first history with the {@code fail-failed-runs} version marker: the failed run fails its
   * workflow; the failure history above predates it and completes.
   */
  @Test
  void recordFailedRunFailingItsWorkflow(TestWorkflowEnvironment env, Worker worker)
      throws IOException {
    producers.on("db", failUser("artifact 'db': bad credentials"));
    record(env, worker, "failed-run-fails-workflow", failureWithSkippedDependents());
  }

  /**
   * The first history with the {@code retry-reuse} version marker: a retry that reuses one branch
   * (a source and its analyser) and produces the other again.
   */
  @Test
  void recordRetryReusingSucceededArtifacts(TestWorkflowEnvironment env, Worker worker)
      throws IOException {
    ExecutionPlan plan = failureWithSkippedDependents();
    String runId = "replay-retry-reusing-succeeded";
    RunRequest request =
        new RunRequest(runId, plan, null)
            .reusing(
                java.util.List.of(
                    RetryReuseTest.reused(plan, runId, "files"),
                    RetryReuseTest.reused(plan, runId, "files_pii")));
    record(env, worker, "retry-reusing-succeeded", request);
  }

  /**
   * The first history with the {@code scheduled-runs} and {@code upsert-status} markers: a run a
   * schedule fired, that stores its plan, derives its run ID and upserts WctStatus as it fails.
   */
  @Test
  void recordScheduledRunUpsertingStatus(TestWorkflowEnvironment env, Worker worker)
      throws IOException {
    producers.on("db", failUser("artifact 'db': bad credentials"));
    String workflowId = "wct-sched-nightly-2026-12-01T02:00:00Z";
    RunRequest request =
        RunRequest.scheduled(failureWithSkippedDependents(), null, "nightly", true);
    WorkflowTestSupport.result(
        WorkflowTestSupport.startWithWorkflowId(
            env, worker, workflowId, request, producers, new FakeRecords()));
    String history = env.getWorkflowClient().fetchHistory(workflowId).toJson(true);
    Files.createDirectories(FOLDER);
    Files.writeString(FOLDER.resolve("scheduled-run-upserting-status.json"), history);
  }

  /**
   * The first history with the {@code partitions} version marker: a partitioned source and its
   * per-partition analyser run in a child workflow, a whole-input analyser reads the sealed result.
   */
  @Test
  void recordPartitionedRun(TestWorkflowEnvironment env, Worker worker) throws IOException {
    recordPartitioned(env, worker, "partitioned");
  }

  /**
   * The first histories with the {@code partition-progress} marker: the block signals the run its
   * partitions done, the run counts them for its status query.
   */
  @Test
  void recordPartitionedRunWithProgress(TestWorkflowEnvironment env, Worker worker)
      throws IOException {
    recordPartitioned(env, worker, "partitioned-progress");
  }

  private void recordPartitioned(TestWorkflowEnvironment env, Worker worker, String name)
      throws IOException {
    record(
        env,
        worker,
        name,
        PartitionedRunTest.sourceAnalyserAndClassifier(2),
        producers,
        new FakePartitions(new EventLog(), 3),
        new FakeRecords());
    String group = RunbookWorkflow.workflowId("replay-" + name) + "/partitions/files";
    for (String[] child :
        new String[][] {{group, name + "-group"}, {group + "/block-0", name + "-block"}}) {
      Files.writeString(
          FOLDER.resolve(child[1] + ".json"),
          env.getWorkflowClient().fetchHistory(child[0]).toJson(true));
    }
  }
}
