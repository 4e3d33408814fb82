package dev.wct.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.planner.Planner;
import dev.wct.core.run.RunStatus;
import dev.wct.engine.RunHandle;
import dev.wct.engine.RunLauncher;
import dev.wct.spi.ComponentCatalog;
import dev.wct.store.ArtifactStore;
import dev.wct.store.s3.S3ArtifactStore;
import dev.wct.store.s3.S3StoreConfig;
import dev.wct.workflows.run.RunOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs per minute with one and with two worker processes of the real jar, on the dev server and
 * S3Proxy: the same batch of runs, each worker limited to 4 producers at once, phases 1, 2, 1
 * workers so that the two-worker phase is bracketed. Run with {@code -Dwct.bench=true}.
 */
@EnabledIfSystemProperty(named = "wct.bench", matches = "true")
class WorkerScalingBenchmark {
  private static final int RUNS = 12;
  private static final int ARTIFACTS = 4;

  @TempDir Path workDir;

  @Test
  void runsPerMinuteWithOneAndTwoWorkers() throws Exception {
    assumeTrue(TemporalServer.binary().isPresent(), "no Temporal CLI");
    Path components = ComponentFolder.create(workDir);
    Path runbook = workDir.resolve("batch.yaml");
    StringBuilder yaml =
        new StringBuilder(
            """
            name: Batch
            description: Four sources of about 1 s each
            config:
              max_concurrency: 4
              keep_sources: true
            artifacts:
            """);
    for (int i = 1; i <= ARTIFACTS; i++) {
      yaml.append(
          """
            s%d:
              source:
                type: slow_test_source
                properties: {items: 4, delay_ms: 250}
              output: true
          """
              .formatted(i));
    }
    Files.writeString(runbook, yaml.toString());
    ExecutionPlan plan = new Planner(ComponentCatalog.discover()).plan(runbook);
    try (S3Server s3 = S3Server.start();
        TemporalServer temporal =
            TemporalServer.start(TemporalServer.binary().get(), workDir.resolve("t.db"));
        ArtifactStore store =
            S3ArtifactStore.open(
                S3StoreConfig.of(S3Server.BUCKET, "")
                    .withEndpoint(s3.endpoint())
                    .withCredentials(S3Server.ACCESS_KEY, S3Server.SECRET_KEY))) {
      WorkflowServiceStubs service =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.address()).build());
      RunLauncher launcher = new RunLauncher(WorkflowClient.newInstance(service), store);
      Map<String, String> environment =
          new HashMap<>(WorkerProcess.environment(temporal.address(), s3));
      environment.put("WCT_MAX_CONCURRENT_ACTIVITIES", "4");
      try (WorkerProcess first = WorkerProcess.start("w1", components, workDir, environment)) {
        first.awaitReady(Duration.ofSeconds(180));
        batch(launcher, plan, "warm-up, 1 worker");
        double one = batch(launcher, plan, "1 worker");
        double two;
        try (WorkerProcess second = WorkerProcess.start("w2", components, workDir, environment)) {
          second.awaitReady(Duration.ofSeconds(180));
          two = batch(launcher, plan, "2 workers");
          second.terminate(Duration.ofSeconds(60));
        }
        double oneAgain = batch(launcher, plan, "1 worker again");
        System.out.printf(
            "2 workers ÷ 1 worker: %.2f× (against the first 1-worker phase), %.2f× (against"
                + " the last)%n",
            two / one, two / oneAgain);
      } finally {
        service.shutdownNow();
      }
    }
  }

  /** Starts {@link #RUNS} runs at once, waits for all; returns runs per minute. */
  private static double batch(RunLauncher launcher, ExecutionPlan plan, String label) {
    long start = System.nanoTime();
    List<RunHandle> runs = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      runs.add(launcher.start(plan, "batch.yaml", RunOptions.DEFAULT));
    }
    for (RunHandle run : runs) {
      assertThat(run.awaitResult().status()).isEqualTo(RunStatus.COMPLETED);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double perMinute = RUNS * 60 / seconds;
    System.out.printf(
        "%s: %d runs of %d artifacts in %.1f s: %.1f runs/min, %.2f artifacts/s%n",
        label, RUNS, ARTIFACTS, seconds, perMinute, RUNS * ARTIFACTS / seconds);
    return perMinute;
  }
}
