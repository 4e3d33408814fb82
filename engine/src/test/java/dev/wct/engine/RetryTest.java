package dev.wct.engine;

import static dev.wct.testkit.components.TestComponents.connector;
import static dev.wct.testkit.components.TestComponents.items;
import static dev.wct.testkit.plans.PlanBuilder.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.run.RunStatus;
import dev.wct.engine.retry.RetryPlan;
import dev.wct.spi.error.WctException;
import dev.wct.store.runs.RunRecord;
import dev.wct.workflows.run.RunResult;
import dev.wct.workflows.run.RunbookWorkerOptions;
import dev.wct.workflows.run.RunbookWorkflowImpl;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A retry on the real activities: what runs again, what is reused, what each run records. */
class RetryTest {
  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(RunbookWorkflowImpl.class)
          .setWorkerOptions(RunbookWorkerOptions.workerOptions())
          .setDoNotStart(true)
          .build();

  private final Map<String, AtomicInteger> extractions = new ConcurrentHashMap<>();
  private final AtomicBoolean flakyWorks = new AtomicBoolean();

  private Engine engine(TestWorkflowEnvironment env, Worker worker) {
    return new Engine(
        env,
        worker,
        List.of(
            connector(
                "counted",
                (context, properties, out) -> {
                  extractions
                      .computeIfAbsent("counted", k -> new AtomicInteger())
                      .incrementAndGet();
                  items("row", 2).extract(context, properties, out);
                }),
            connector(
                "flaky",
                (context, properties, out) -> {
                  extractions.computeIfAbsent("flaky", k -> new AtomicInteger()).incrementAndGet();
                  if (!flakyWorks.get()) {
                    throw WctException.user("database file 'crm.db' does not exist");
                  }
                  items("row", 1).extract(context, properties, out);
                })),
        List.of(),
        Map.of());
  }

  /** Two branches: {@code a} and its copy succeed, {@code b} fails at first and its copy skips. */
  private static ExecutionPlan twoBranches(boolean keepSources) {
    return plan()
        .retention(keepSources, null)
        .source("a", "counted", null)
        .source("b", "flaky", null)
        .passThrough("copy_a", "a")
        .passThrough("copy_b", "b")
        .build();
  }

  private int extractions(String type) {
    AtomicInteger count = extractions.get(type);
    return count == null ? 0 : count.get();
  }

  @Test
  void aRetryProducesOnlyWhatFailedOrWasSkippedAndReusesTheRest(
      TestWorkflowEnvironment env, Worker worker) {
    Engine engine = engine(env, worker);
    RunResult first = engine.run(twoBranches(true));
    assertThat(first.status()).isEqualTo(RunStatus.FAILED);
    RunRecord firstRecord = engine.records.run(first.runId()).orElseThrow();
    List<ArtifactOutcome> firstArtifacts = engine.records.artifacts(first.runId());
    flakyWorks.set(true);

    RetryPlan retry = RetryPlan.of(engine.store, first.runId());
    RunResult second = engine.launcher.retry(retry, null).awaitResult();

    assertThat(retry.produced()).containsExactly("b", "copy_b");
    assertThat(second.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(extractions("counted")).isEqualTo(1);
    assertThat(extractions("flaky")).isEqualTo(2);
    ArtifactOutcome copyA = second.artifact("copy_a").orElseThrow();
    assertThat(copyA.reusedFrom()).isEqualTo(first.runId());
    assertThat(copyA.output().runId()).isEqualTo(second.runId());
    assertThat(engine.store.stat(second.runId(), "copy_a").orElseThrow().sha256())
        .isEqualTo(first.artifact("copy_a").orElseThrow().output().sha256());
    assertThat(second.artifact("b").orElseThrow().reusedFrom()).isNull();
    assertThat(engine.records.artifact(second.runId(), "a").orElseThrow().reusedFrom())
        .isEqualTo(first.runId());
    assertThat(engine.records.run(second.runId()).orElseThrow().retryOf()).isEqualTo(first.runId());
    // The retried run is left as it was.
    assertThat(engine.records.run(first.runId())).contains(firstRecord);
    assertThat(engine.records.artifacts(first.runId())).isEqualTo(firstArtifacts);
  }

  @Test
  void aRawSourceDeletedAtRunEndIsReusedAsDeletedWhenNothingProducedAgainReadsIt(
      TestWorkflowEnvironment env, Worker worker) {
    Engine engine = engine(env, worker);
    RunResult first = engine.run(twoBranches(false));
    flakyWorks.set(true);

    RunResult second =
        engine.launcher.retry(RetryPlan.of(engine.store, first.runId()), null).awaitResult();

    assertThat(second.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(extractions("counted")).isEqualTo(1);
    assertThat(second.artifact("a").orElseThrow().state()).isEqualTo(ArtifactState.SUCCEEDED);
    assertThat(engine.records.sourceDeletion(second.runId()).orElseThrow().deletedSources())
        .contains("a", "b", "copy_a", "copy_b");
  }

  @Test
  void aDeletedRawSourceThatAnArtifactProducedAgainReadsIsProducedAgain(
      TestWorkflowEnvironment env, Worker worker) {
    Engine engine = engine(env, worker);
    // copy_b reads a and b: a's content is gone when the retry needs it.
    ExecutionPlan plan =
        plan()
            .source("a", "counted", null)
            .source("b", "flaky", null)
            .passThrough("copy_a", "a")
            .passThrough("copy_b", "b", "a")
            .build();
    RunResult first = engine.run(plan);
    flakyWorks.set(true);

    RetryPlan retry = RetryPlan.of(engine.store, first.runId());

    assertThat(retry.produced()).containsExactlyInAnyOrder("a", "b", "copy_a", "copy_b");
    assertThat(engine.launcher.retry(retry, null).awaitResult().status())
        .isEqualTo(RunStatus.COMPLETED);
    assertThat(extractions("counted")).isEqualTo(2);
  }

  @Test
  void aRunThatSucceededOrIsUnknownCannotBeRetried(TestWorkflowEnvironment env, Worker worker) {
    Engine engine = engine(env, worker);
    flakyWorks.set(true);
    RunResult done = engine.run(twoBranches(true));

    assertThatThrownBy(() -> RetryPlan.of(engine.store, done.runId()))
        .isInstanceOf(WctException.class)
        .hasMessage("run '" + done.runId() + "' has nothing to retry: every artifact succeeded");
    assertThatThrownBy(() -> RetryPlan.of(engine.store, "20200101-000000-abcdef"))
        .isInstanceOf(WctException.class)
        .hasMessageContaining("no run '20200101-000000-abcdef'");
  }
}
