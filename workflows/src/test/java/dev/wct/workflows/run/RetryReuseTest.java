package dev.wct.workflows.run;

import static dev.wct.testkit.plans.PlanBuilder.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactRef;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.run.RunStatus;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RetryReuseTest {
  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowTestSupport.extension();

  private final FakeProducers producers = new FakeProducers(new EventLog());

  /** Two sources and an analyser of each; a retry reuses {@code files} and its analyser. */
  static ExecutionPlan twoBranches() {
    return RecordHistories.failureWithSkippedDependents();
  }

  /** What the launcher hands the workflow: the old outcome, its claim check naming the copy. */
  static ArtifactOutcome reused(ExecutionPlan plan, String runId, String artifactId) {
    ArtifactRef copy =
        new ArtifactRef(
            runId,
            artifactId,
            "runs/" + runId + "/artifacts/" + artifactId + ".json",
            plan.artifactsById().get(artifactId).outputSchema(),
            100,
            "0".repeat(64),
            1);
    return ArtifactOutcome.succeeded(artifactId, "connector fake", copy, 1, 1_000L, 2_000L)
        .reusedAs(copy, "old-run");
  }

  @Test
  void reusedArtifactsAreNotProducedAgainAndTheirDependantsReadTheCopies(
      TestWorkflowEnvironment env, Worker worker) {
    ExecutionPlan plan = twoBranches();
    RunRequest request =
        new RunRequest("retry", plan, null)
            .reusing(List.of(reused(plan, "retry", "files"), reused(plan, "retry", "files_pii")));

    RunResult result =
        WorkflowTestSupport.result(
            WorkflowTestSupport.start(env, worker, "retry", request, producers, new FakeRecords()));

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(producers.invocations("files")).isZero();
    assertThat(producers.invocations("files_pii")).isZero();
    assertThat(producers.invocations("db")).isEqualTo(1);
    assertThat(producers.invocations("db_pii")).isEqualTo(1);
    ArtifactOutcome files = result.artifact("files").orElseThrow();
    assertThat(files.state()).isEqualTo(ArtifactState.SUCCEEDED);
    assertThat(files.reusedFrom()).isEqualTo("old-run");
    assertThat(files.output().runId()).isEqualTo("retry");
    assertThat(result.artifact("db").orElseThrow().reusedFrom()).isNull();
  }

  @Test
  void aReusedSourceFeedsAnAnalyserThatRunsAgain(TestWorkflowEnvironment env, Worker worker) {
    ExecutionPlan plan = RecordHistories.retryThenSuccess();
    RunRequest request =
        new RunRequest("retry2", plan, null).reusing(List.of(reused(plan, "retry2", "db")));

    RunResult result =
        WorkflowTestSupport.result(
            WorkflowTestSupport.start(
                env, worker, "retry2", request, producers, new FakeRecords()));

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(producers.invocations("db")).isZero();
    assertThat(producers.request("pii").inputs())
        .singleElement()
        .satisfies(input -> assertThat(input.key()).isEqualTo("runs/retry2/artifacts/db.json"));
  }

  @Test
  void manyReusedArtifactsArePagedInFromTheRunsRecords(TestWorkflowEnvironment env, Worker worker) {
    ExecutionPlan plan = twoBranches();
    FakeRecords records = new FakeRecords();
    records.reused.add(reused(plan, "retry3", "files"));
    records.reused.add(reused(plan, "retry3", "files_pii"));
    RunRequest request = new RunRequest("retry3", plan, null).reusingFromRecords();

    RunResult result =
        WorkflowTestSupport.result(
            WorkflowTestSupport.start(env, worker, "retry3", request, producers, records));

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(producers.invocations("files")).isZero();
    assertThat(producers.invocations("files_pii")).isZero();
    assertThat(producers.invocations("db_pii")).isEqualTo(1);
    assertThat(result.artifact("files_pii").orElseThrow().reusedFrom()).isEqualTo("old-run");
  }
}
