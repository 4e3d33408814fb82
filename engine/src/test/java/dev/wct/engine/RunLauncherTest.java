package dev.wct.engine;

import static dev.wct.testkit.components.TestComponents.connector;
import static dev.wct.testkit.components.TestComponents.items;
import static dev.wct.testkit.plans.PlanBuilder.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.run.RunStatus;
import dev.wct.spi.Connector;
import dev.wct.store.runs.RunRecord;
import dev.wct.testkit.plans.PlanBuilder;
import dev.wct.workflows.run.RunProgress;
import dev.wct.workflows.run.RunResult;
import dev.wct.workflows.run.RunbookWorkerOptions;
import dev.wct.workflows.run.RunbookWorkflowImpl;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RunLauncherTest {
  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(RunbookWorkflowImpl.class)
          .setWorkerOptions(RunbookWorkerOptions.workerOptions())
          .setDoNotStart(true)
          .build();

  private final AtomicInteger attempts = new AtomicInteger();

  @Test
  void runIdsSortByStartTime() {
    String early =
        RunIds.newRunId(Clock.fixed(Instant.parse("2026-11-22T15:30:12Z"), ZoneOffset.UTC));
    String late =
        RunIds.newRunId(Clock.fixed(Instant.parse("2026-11-22T15:30:13Z"), ZoneOffset.UTC));

    assertThat(early).matches("20261122-153012-[0-9a-f]{6}");
    assertThat(early).isLessThan(late);
  }

  /**
   * What the Temporal UI lists and filters on: the runbook, then the run's status as it ends, and a
   * summary with the artifact count; the Java test server gets the attributes registered.
   */
  @Test
  void aRunCarriesItsRunbookAndUpsertsItsStatusForVisibility(
      TestWorkflowEnvironment env, Worker worker) {
    Engine engine =
        new Engine(
            env, worker, List.of(connector("test_source", items("x", 1))), List.of(), Map.of());

    RunHandle run = engine.start(plan().source("db").passThrough("copy", "db").build());
    assertThat(run.awaitResult().status()).isEqualTo(RunStatus.COMPLETED);

    var description = env.getWorkflowClient().newUntypedWorkflowStub(run.workflowId()).describe();
    assertThat(description.getTypedSearchAttributes().get(RunStart.RUNBOOK))
        .isEqualTo("test runbook");
    assertThat(
            description
                .getTypedSearchAttributes()
                .get(io.temporal.common.SearchAttributeKey.forKeyword("WctStatus")))
        .isEqualTo("completed");
    assertThat(description.getStaticSummary()).isEqualTo("test runbook: 2 artifacts");
    assertThat(description.getStaticDetails()).contains("| db | connector test_source |");
  }

  @Test
  void theLauncherRecordsTheRunAndEveryArtifactBeforeTheyRun(
      TestWorkflowEnvironment env, Worker worker) throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Connector gated =
        connector(
            "test_source",
            (context, properties, out) -> {
              release.await();
              items("x", 1).extract(context, properties, out);
            });
    Engine engine = new Engine(env, worker, List.of(gated), List.of(), Map.of());

    RunHandle run = engine.start(plan().source("db").passThrough("copy", "db").build());

    assertThat(run.workflowId()).isEqualTo("wct-run-" + run.runId());
    // Runs are found in the Temporal UI by their runbook and plan hash, on any server.
    var description = env.getWorkflowClient().newUntypedWorkflowStub(run.workflowId()).describe();
    assertThat(description.getMemo("runbook", String.class)).isEqualTo("test runbook");
    assertThat(description.getMemo("planHash", String.class)).isEqualTo("plan-hash-2");
    RunRecord record = engine.records.run(run.runId()).orElseThrow();
    assertThat(record.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(record.runbookPath()).isEqualTo("runbook.yaml");
    assertThat(engine.store.readRecord(run.runId(), "plan.json")).isPresent();
    ExecutionPlan stored = engine.records.plan(run.runId()).orElseThrow();
    assertThat(engine.records.artifacts(run.runId(), stored))
        .extracting(ArtifactOutcome::id, ArtifactOutcome::state)
        .contains(tuple("copy", ArtifactState.WAITING));
    RunProgress progress = run.progress();
    assertThat(progress.waiting() + progress.running()).isEqualTo(2);

    release.countDown();
    RunResult result = run.awaitResult();

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(run.progress().succeeded()).isEqualTo(2);
    RunRecord finished = engine.records.run(run.runId()).orElseThrow();
    assertThat(finished.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(finished.endedAt()).isNotNull();
  }

  @Test
  void progressShowsTheAttemptOfARunningProducerAndItsLastError(
      TestWorkflowEnvironment env, Worker worker) throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Connector flaky =
        connector(
            "test_source",
            (context, properties, out) -> {
              if (attempts.incrementAndGet() == 1) {
                throw new java.io.IOException("connection refused");
              }
              release.await();
              items("x", 1).extract(context, properties, out);
            });
    Engine engine = new Engine(env, worker, List.of(flaky), List.of(), Map.of());
    RunHandle run = engine.start(plan().source("db").build());
    while (attempts.get() < 2) {
      Thread.sleep(20);
    }

    ArtifactOutcome db = run.progress().artifacts().get(0);

    assertThat(db.state()).isEqualTo(ArtifactState.RUNNING);
    assertThat(db.attempts()).isEqualTo(2);
    assertThat(db.error()).isEqualTo("connection refused");
    assertThat(db.errorKind()).isEqualTo("java.io.IOException");
    release.countDown();
    assertThat(run.awaitResult().status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void cancellingARunRecordsTheRestCancelledAndStillDeletesItsRawSources(
      TestWorkflowEnvironment env, Worker worker) throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    Connector endless =
        connector(
            "test_source",
            (context, properties, out) -> {
              if (context.artifactId().equals("quick")) {
                items("x", 1).extract(context, properties, out);
                return;
              }
              started.countDown();
              while (true) {
                context.heartbeat("waiting");
                Thread.sleep(20);
              }
            });
    Engine engine = new Engine(env, worker, List.of(endless), List.of(), Map.of());
    RunHandle run =
        engine.start(plan().source("quick").source("slow").analyser("pii", "slow").build());
    started.await();
    while (run.progress().succeeded() == 0) {
      Thread.sleep(20);
    }

    run.cancel();
    RunResult result = run.awaitResult();

    assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(engine.records.run(run.runId()).orElseThrow().status())
        .isEqualTo(RunStatus.CANCELLED);
    assertThat(engine.records.artifacts(run.runId()))
        .extracting(ArtifactOutcome::id, ArtifactOutcome::state, ArtifactOutcome::skipReason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("pii", ArtifactState.SKIPPED, "cancelled"),
            org.assertj.core.groups.Tuple.tuple("quick", ArtifactState.SUCCEEDED, null),
            org.assertj.core.groups.Tuple.tuple("slow", ArtifactState.SKIPPED, "cancelled"));
    assertThat(engine.store.exists(run.runId(), "quick")).isFalse();
    assertThat(engine.records.sourceDeletion(run.runId()).orElseThrow().deletedSources())
        .containsExactly("quick");
  }

  @Test
  void aLargePlanTravelsThroughTheStoreAndItsOutcomesThroughTheRecords(
      TestWorkflowEnvironment env, Worker worker) {
    Engine engine =
        new Engine(
            env, worker, List.of(connector("test_source", items("x", 1))), List.of(), Map.of());
    PlanBuilder builder = plan().maxConcurrency(50);
    for (int i = 0; i < 1_200; i++) {
      builder.source(String.format("source_with_a_long_descriptive_name_%04d", i));
    }
    ExecutionPlan plan = builder.build();

    RunResult result = engine.run(plan);

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(result.artifacts()).hasSize(1_200);
    assertThat(result.idsIn(ArtifactState.SUCCEEDED)).hasSize(1_200);
    long largestEvent =
        env
            .getWorkflowClient()
            .fetchHistory("wct-run-" + result.runId())
            .getHistory()
            .getEventsList()
            .stream()
            .mapToLong(HistoryEvent::getSerializedSize)
            .max()
            .orElseThrow();
    assertThat(largestEvent).isLessThan(512 * 1024);
  }
}
