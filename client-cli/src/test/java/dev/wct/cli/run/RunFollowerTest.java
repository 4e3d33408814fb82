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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Ctrl-C does to a run: the shutdown hook's cancel, driven directly. */
class RunFollowerTest {
  @TempDir Path dir;

  @Test
  void cancellingARunStopsItAndItsRecordsSayCancelled() throws Exception {
    ComponentCatalog catalog = ComponentCatalog.of(List.of(new SlowSource()), List.of());
    Path runbook =
        Files.writeString(
            dir.resolve("slow.yaml"),
            """
            name: "Slow"
            description: "Waits long enough to be cancelled"
            artifacts:
              slow_db:
                source:
                  type: test_slow
                  properties:
                    seconds: 60
              copy:
                inputs: slow_db
            """);
    ExecutionPlan plan = new Planner(catalog).plan(runbook);
    FileSystemArtifactStore store = new FileSystemArtifactStore(dir.resolve(".wct"));
    StringWriter err = new StringWriter();

    try (EmbeddedTemporal temporal =
        EmbeddedTemporal.start(new ProducerEnvironment(store, catalog, name -> null, dir))) {
      RunHandle run = new RunLauncher(temporal.client(), store).start(plan, "slow.yaml", null);
      CountDownLatch slowDbRunning = new CountDownLatch(1);
      ProgressDisplay watcher =
          new ProgressDisplay() {
            @Override
            public void update(RunProgress progress) {
              if (progress.running() > 0) {
                slowDbRunning.countDown();
              }
            }

            @Override
            public void close() {}
          };
      RunFollower follower = new RunFollower(run, watcher, new PrintWriter(err, true));
      CompletableFuture<RunResult> following =
          Background.supply(
              "test-follow",
              () -> {
                try {
                  return follower.follow();
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              });

      assertThat(slowDbRunning.await(60, TimeUnit.SECONDS)).as("slow_db started").isTrue();
      follower.cancel();
      RunResult result = following.get(60, TimeUnit.SECONDS);

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
  }
}
