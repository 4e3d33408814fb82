package dev.wct.workflows.run;

import static dev.wct.testkit.plans.PlanBuilder.plan;
import static dev.wct.workflows.run.FakeProducers.failTimes;
import static dev.wct.workflows.run.FakeProducers.failUser;
import static dev.wct.workflows.run.FakeProducers.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.run.RunStatus;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FailureHandlingTest {
  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowTestSupport.extension();

  private final EventLog log = new EventLog();
  private final FakeProducers producers = new FakeProducers(log);
  private final FakeRecords records = new FakeRecords();

  private RunResult run(TestWorkflowEnvironment env, Worker worker, ExecutionPlan plan) {
    RunbookWorkflow workflow =
        WorkflowTestSupport.start(
            env, worker, "r2", new RunRequest("r2", plan, null), producers, records);
    return WorkflowTestSupport.result(workflow);
  }

  @Test
  void aProducerThatFailsTwiceThenSucceedsRecordsThreeAttempts(
      TestWorkflowEnvironment env, Worker worker) {
    producers.on("db", failTimes(2));

    RunResult result = run(env, worker, plan().source("db").build());

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    ArtifactOutcome db = result.artifact("db").orElseThrow();
    assertThat(db.state()).isEqualTo(ArtifactState.SUCCEEDED);
    assertThat(db.attempts()).isEqualTo(3);
    assertThat(producers.invocations("db")).isEqualTo(3);
  }

  @Test
  void aProducerThatKeepsFailingRecordsItsLastErrorAndAttempts(
      TestWorkflowEnvironment env, Worker worker) {
    producers.on("db", failTimes(99));

    RunResult result = run(env, worker, plan().source("db").build());

    ArtifactOutcome db = result.artifact("db").orElseThrow();
    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(db.state()).isEqualTo(ArtifactState.FAILED);
    assertThat(db.attempts()).isEqualTo(3);
    assertThat(db.error()).isEqualTo("database unreachable (try 3)");
    assertThat(db.errorKind()).isEqualTo("EXTERNAL");
  }

  @Test
  void aFailedRunFailsItsWorkflowNamingTheFailedArtifactsAndTheirErrors(
      TestWorkflowEnvironment env, Worker worker) {
    producers.on("db", failUser("bad password"));
    RunbookWorkflow workflow =
        WorkflowTestSupport.start(
            env,
            worker,
            "r2",
            new RunRequest("r2", plan().source("db").analyser("pii", "db").build(), null),
            producers,
            records);

    // As the Temporal UI shows it: Failed, with the failed artifact and its error.
    assertThatThrownBy(() -> WorkflowStub.fromTyped(workflow).getResult(RunResult.class))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo("WctRunFailed");
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getOriginalMessage())
                  .isEqualTo("run failed: 1 artifact failed: db (bad password)");
            });
    // The outcomes stay queryable, and the details table lists every artifact.
    assertThat(workflow.status().status()).isEqualTo(RunStatus.FAILED);
    assertThat(workflow.status().artifacts()).extracting(ArtifactOutcome::id).contains("db", "pii");
  }

  @Test
  void aUserErrorIsNotRetried(TestWorkflowEnvironment env, Worker worker) {
    producers.on("db", failUser("artifact 'db': unknown connector type 'mysqll'"));

    RunResult result = run(env, worker, plan().source("db").build());

    ArtifactOutcome db = result.artifact("db").orElseThrow();
    assertThat(producers.invocations("db")).isEqualTo(1);
    assertThat(db.attempts()).isEqualTo(1);
    assertThat(db.errorKind()).isEqualTo("USER");
    assertThat(db.error()).isEqualTo("artifact 'db': unknown connector type 'mysqll'");
  }

  @Test
  void dependentsOfAFailureAreSkippedAndIndependentBranchesComplete(
      TestWorkflowEnvironment env, Worker worker) {
    producers.on("db", failUser("bad password")).on("files", sleep(100));

    RunResult result =
        run(
            env,
            worker,
            plan()
                .source("db")
                .source("files")
                .analyser("db_pii", "db")
                .analyser("report", "db_pii")
                .analyser("files_pii", "files")
                .build());

    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.artifact("db_pii").orElseThrow().skipReason()).isEqualTo("input 'db' failed");
    assertThat(result.artifact("report").orElseThrow().skipReason())
        .isEqualTo("input 'db_pii' was skipped");
    assertThat(result.idsIn(ArtifactState.SUCCEEDED)).containsExactly("files", "files_pii");
    assertThat(producers.invocations("db_pii")).isZero();
    assertThat(records.finished.get(0).unsucceeded())
        .extracting(ArtifactOutcome::id)
        .containsExactly("db", "db_pii", "report");
  }

  @Test
  void anOptionalFailureCompletesTheRunWithErrors(TestWorkflowEnvironment env, Worker worker) {
    producers.on("extra", failUser("no such folder"));

    RunResult result =
        run(
            env,
            worker,
            plan()
                .source("db")
                .source("extra")
                .optional("extra")
                .analyser("extra_pii", "extra")
                .analyser("db_pii", "db")
                .build());

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
    assertThat(result.artifact("extra_pii").orElseThrow().state()).isEqualTo(ArtifactState.SKIPPED);
    assertThat(result.idsIn(ArtifactState.SUCCEEDED)).containsExactly("db", "db_pii");
  }

  @Test
  void coverageWarningsCompleteTheRunWithWarningsAndTheOutcomeCarriesThem(
      TestWorkflowEnvironment env, Worker worker) {
    producers.warns("files", "files: 1 of 3 files skipped (1 binary)");

    RunResult result =
        run(env, worker, plan().source("files").analyser("files_pii", "files").build());

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED_WITH_WARNINGS);
    ArtifactOutcome files = result.artifact("files").orElseThrow();
    assertThat(files.warnings()).containsExactly("files: 1 of 3 files skipped (1 binary)");
    assertThat(files.coverage().skippedByReason()).containsEntry("BINARY", 1L);
    assertThat(result.artifact("files_pii").orElseThrow().hasWarnings()).isFalse();
  }

  @Test
  void failuresBeatWarnings(TestWorkflowEnvironment env, Worker worker) {
    producers.warns("db", "db: read 0 tables").on("extra", failUser("no such folder"));

    RunResult result =
        run(env, worker, plan().source("db").source("extra").optional("extra").build());

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
    assertThat(result.artifact("db").orElseThrow().warnings()).containsExactly("db: read 0 tables");
  }
}
