package dev.wct.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.activities.worker.ProducerEnvironment;
import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.planner.Planner;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.run.RunStatus;
import dev.wct.engine.EmbeddedTemporal;
import dev.wct.engine.RunHandle;
import dev.wct.engine.RunLauncher;
import dev.wct.spi.ComponentCatalog;
import dev.wct.store.fs.FileSystemArtifactStore;
import dev.wct.store.runs.RunRecords;
import dev.wct.workflows.run.RunProgress;
import dev.wct.workflows.run.RunResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What stopping does to a followed run: the embedded run's shutdown hook cancels it; on a cluster a
 * signal detaches, cancels, or asks first.
 */
class RunFollowerTest {
  @TempDir Path dir;

  private final ComponentCatalog catalog =
      ComponentCatalog.of(List.of(new SlowSource()), List.of());
  private final StringWriter err = new StringWriter();
  private final CountDownLatch slowDbRunning = new CountDownLatch(1);
  private FileSystemArtifactStore store;
  private EmbeddedTemporal temporal;

  @BeforeEach
  void startTemporal() {
    store = new FileSystemArtifactStore(dir.resolve(".wct"));
    temporal = EmbeddedTemporal.start(new ProducerEnvironment(store, catalog, name -> null, dir));
  }

  @AfterEach
  void stopTemporal() {
    temporal.close();
  }

  @Test
  void cancellingARunStopsItAndItsRecordsSayCancelled() throws Exception {
    RunHandle run = start(60);
    RunFollower follower = new RunFollower(run, watcher(), new PrintWriter(err, true));
    CompletableFuture<Optional<RunResult>> following = follow(follower);

    assertThat(slowDbRunning.await(60, TimeUnit.SECONDS)).as("slow_db started").isTrue();
    follower.cancel();
    RunResult result = following.get(60, TimeUnit.SECONDS).orElseThrow();

    assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
    RunRecords records = new RunRecords(store);
    assertThat(records.run(run.runId()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(records.artifacts(run.runId()))
        .extracting(ArtifactOutcome::state)
        .doesNotContain(ArtifactState.WAITING, ArtifactState.RUNNING, ArtifactState.SUCCEEDED);
    assertThat(err.toString())
        .contains("wct: cancelling run " + run.runId() + "...")
        .contains("wct: run " + run.runId() + " cancelled");
  }

  @Test
  void sigtermOnAClusterDetachesAndTheRunGoesOnToTheEnd() throws Exception {
    RunHandle run = start(2);
    Interrupts interrupts = Interrupts.manual();
    CompletableFuture<Optional<RunResult>> following =
        follow(onCluster(run, interrupts, SignalReaction.runOnCluster(true, run.runId(), null)));

    assertThat(slowDbRunning.await(60, TimeUnit.SECONDS)).as("slow_db started").isTrue();
    interrupts.deliver(Interrupts.Kind.TERM);

    assertThat(following.get(60, TimeUnit.SECONDS)).as("detached").isEmpty();
    assertThat(run.awaitResult().status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void ctrlCWithCancelOnInterruptCancelsTheRunOnTheCluster() throws Exception {
    RunHandle run = start(60);
    Interrupts interrupts = Interrupts.manual();
    CompletableFuture<Optional<RunResult>> following =
        follow(onCluster(run, interrupts, SignalReaction.runOnCluster(true, run.runId(), null)));

    assertThat(slowDbRunning.await(60, TimeUnit.SECONDS)).as("slow_db started").isTrue();
    interrupts.deliver(Interrupts.Kind.INT);

    RunResult result = following.get(60, TimeUnit.SECONDS).orElseThrow();
    assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(err.toString()).contains("wct: cancelling run " + run.runId() + " on the cluster");
  }

  @Test
  void ctrlCAsksAndANoDetachesWithoutCancelling() throws Exception {
    RunHandle run = start(2);
    Interrupts interrupts = Interrupts.manual();
    List<String> questions = new CopyOnWriteArrayList<>();
    CompletableFuture<Optional<RunResult>> following =
        follow(
            onCluster(
                run,
                interrupts,
                SignalReaction.runOnCluster(
                    false,
                    run.runId(),
                    question -> {
                      questions.add(question);
                      return false;
                    })));

    assertThat(slowDbRunning.await(60, TimeUnit.SECONDS)).as("slow_db started").isTrue();
    interrupts.deliver(Interrupts.Kind.INT);

    assertThat(following.get(60, TimeUnit.SECONDS)).isEmpty();
    assertThat(questions).containsExactly("cancel run " + run.runId() + " on the cluster? [y/N] ");
    assertThat(run.awaitResult().status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void ctrlCWithoutAConsoleDetaches() {
    assertThat(SignalReaction.runOnCluster(false, "r", null).apply(Interrupts.Kind.INT))
        .isEqualTo(SignalReaction.DETACH);
    assertThat(SignalReaction.runOnCluster(true, "r", q -> true).apply(Interrupts.Kind.HUP))
        .isEqualTo(SignalReaction.DETACH);
    assertThat(SignalReaction.runOnCluster(false, "r", q -> true).apply(Interrupts.Kind.INT))
        .isEqualTo(SignalReaction.CANCEL);
  }

  private RunHandle start(int seconds) throws Exception {
    Path runbook =
        Files.writeString(
            dir.resolve("slow.yaml"),
            """
            name: "Slow"
            description: "Waits long enough to be stopped"
            artifacts:
              slow_db:
                source:
                  type: test_slow
                  properties:
                    seconds: %d
              copy:
                inputs: slow_db
            """
                .formatted(seconds));
    ExecutionPlan plan = new Planner(catalog).plan(runbook);
    return new RunLauncher(temporal.client(), store).start(plan, "slow.yaml", null);
  }

  private RunFollower onCluster(
      RunHandle run, Interrupts interrupts, Function<Interrupts.Kind, SignalReaction> reaction) {
    return new RunFollower(run, watcher(), new PrintWriter(err, true), interrupts, reaction);
  }

  private static CompletableFuture<Optional<RunResult>> follow(RunFollower follower) {
    return Background.supply(
        "test-follow",
        () -> {
          try {
            return follower.followUntilDetached();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private ProgressDisplay watcher() {
    return new ProgressDisplay() {
      @Override
      public void update(RunProgress progress) {
        if (progress.running() > 0) {
          slowDbRunning.countDown();
        }
      }

      @Override
      public void close() {}
    };
  }
}
