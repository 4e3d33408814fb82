package dev.wct.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wct.store.ArtifactStore;
import dev.wct.store.s3.S3ArtifactStore;
import dev.wct.store.s3.S3StoreConfig;
import dev.wct.workflows.run.RunResult;
import io.temporal.api.enums.v1.EventType;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Runs survive crashes and outages: the real Temporal dev server, S3Proxy, worker processes from
 * the real worker jar and the real CLI, on loopback. Each test submits a runbook of slow sources
 * with {@code wct run --temporal}, breaks something while producers run, and checks that the run
 * completes with every artifact produced once and intact.
 */
@Tag("integration")
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class CrashAndFaultTest {
  private static final int ARTIFACTS = 6;
  private static final Duration READY = Duration.ofSeconds(180);
  private static final Duration RUN = Duration.ofSeconds(240);

  @TempDir Path workDir;

  private TemporalServer temporal;
  private S3Server s3;
  private Path components;
  private Path runbook;
  private WorkflowServiceStubs service;
  private WorkflowClient client;
  private ArtifactStore store;
  private final List<AutoCloseable> processes = new ArrayList<>();

  @BeforeEach
  void startServers(TestInfo test) throws Exception {
    assumeTrue(
        TemporalServer.binary().isPresent(), "no Temporal CLI (scripts/temporal-cli builds it)");
    System.out.println("== " + test.getDisplayName());
    Jars.worker();
    Jars.cli();
    temporal = TemporalServer.start(TemporalServer.binary().get(), workDir.resolve("temporal.db"));
    System.out.println("  Temporal dev server on " + temporal.address());
    s3 = S3Server.start();
    System.out.println("  S3Proxy on " + s3.endpoint() + ", bucket " + S3Server.BUCKET);
    components = ComponentFolder.create(workDir);
    runbook = workDir.resolve("slow.yaml");
    Files.writeString(runbook, slowRunbook());
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.address()).build());
    client = WorkflowClient.newInstance(service);
    store =
        S3ArtifactStore.open(
            S3StoreConfig.of(S3Server.BUCKET, "")
                .withEndpoint(s3.endpoint())
                .withCredentials(S3Server.ACCESS_KEY, S3Server.SECRET_KEY));
  }

  @AfterEach
  void stopEverything() throws Exception {
    for (AutoCloseable process : processes) {
      process.close();
    }
    if (store != null) {
      store.close();
    }
    if (service != null) {
      service.shutdownNow();
    }
    if (temporal != null) {
      temporal.close();
    }
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  void aWorkerKilledMidRunLeavesTheRunToTheOtherWorker() throws Exception {
    WorkerProcess first = worker("worker-1");
    WorkerProcess second = worker("worker-2");
    first.awaitReady(READY);
    second.awaitReady(READY);

    CliProcess cli = cli();
    String runId = cli.awaitRunId(READY);
    System.out.println("  run " + runId + " submitted: " + ARTIFACTS + " slow sources");
    WorkerProcess victim = awaitProducing(first, second);
    victim.kill();

    assertThat(cli.awaitExit(RUN)).as(cli.output()).isZero();
    RunResult result = RunEvidence.awaitResult(client, runId, RUN);
    System.out.println("  the CLI exited 0; run " + result.status());
    RunEvidence.assertCompletedOnceAndIntact(client, store, runId, result, ARTIFACTS);
  }

  @Test
  void theTemporalServerRestartedMidRunLosesNothing() throws Exception {
    WorkerProcess first = worker("worker-1");
    WorkerProcess second = worker("worker-2");
    first.awaitReady(READY);
    second.awaitReady(READY);

    CliProcess cli = cli();
    String runId = cli.awaitRunId(READY);
    awaitProducing(first, second);
    temporal.stop();
    System.out.println("  stopped the Temporal dev server mid-run");
    Thread.sleep(3_000);
    temporal.start();
    System.out.println("  started it again on the same port and database file");

    RunResult result = RunEvidence.awaitResult(client, runId, RUN);
    System.out.println("  run " + result.status());
    RunEvidence.assertCompletedOnceAndIntact(client, store, runId, result, ARTIFACTS);
    System.out.println("  the watching CLI exited " + cli.awaitExit(RUN));
  }

  @Test
  void s3UnavailableForTenSecondsIsRetriedAndLeavesNothingHalfWritten() throws Exception {
    WorkerProcess first = worker("worker-1");
    WorkerProcess second = worker("worker-2");
    first.awaitReady(READY);
    second.awaitReady(READY);

    CliProcess cli = cli();
    String runId = cli.awaitRunId(READY);
    awaitProducing(first, second);
    s3.pause();
    System.out.println("  S3 stopped mid-run");
    Thread.sleep(10_000);
    s3.resume();
    System.out.println("  S3 back after 10 s on the same port, with the same objects");

    assertThat(cli.awaitExit(RUN)).as(cli.output()).isZero();
    RunResult result = RunEvidence.awaitResult(client, runId, RUN);
    RunEvidence.assertCompletedOnceAndIntact(client, store, runId, result, ARTIFACTS);
    assertThat(result.artifacts()).anyMatch(artifact -> artifact.attempts() > 1);
    try (S3Client admin = s3.admin()) {
      List<String> keys =
          admin.listObjectsV2Paginator(b -> b.bucket(S3Server.BUCKET)).contents().stream()
              .map(S3Object::key)
              .toList();
      List<String> artifactKeys =
          keys.stream().filter(key -> key.startsWith("runs/" + runId + "/artifacts/")).toList();
      // Only whole artifacts and run records: no temporary, partial or stray object.
      assertThat(artifactKeys).hasSize(ARTIFACTS);
      assertThat(keys).allMatch(key -> key.startsWith("runs/") && key.contains("/"));
      assertThat(keys)
          .allMatch(
              key -> key.contains("/artifacts/") || key.contains("/_system/"),
              "artifact or record");
      assertThat(admin.listMultipartUploads(b -> b.bucket(S3Server.BUCKET)).uploads()).isEmpty();
      System.out.println(
          "  checked: the bucket holds "
              + keys.size()
              + " objects, only whole artifacts and records, no open multipart upload");
    }
  }

  @Test
  void aRunSubmittedWhileNoWorkerIsUpIsPickedUpWhenOneRestarts() throws Exception {
    WorkerProcess worker = worker("worker-1");
    worker.awaitReady(READY);
    System.out.println("  worker-1 stopped with SIGTERM, exit " + worker.terminate(READY));

    CliProcess cli = cli();
    String runId = cli.awaitRunId(READY);
    Thread.sleep(3_000);
    long started = RunEvidence.events(client, runId, EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED);
    System.out.println("  run " + runId + " queued: workflow tasks started so far " + started);
    assertThat(started).isZero();

    WorkerProcess again = worker("worker-1-restarted");
    again.awaitReady(READY);
    RunResult result = RunEvidence.awaitResult(client, runId, RUN);
    System.out.println("  picked up after the worker restarted: run " + result.status());
    RunEvidence.assertCompletedOnceAndIntact(client, store, runId, result, ARTIFACTS);
    assertThat(cli.awaitExit(RUN)).as(cli.output()).isZero();
  }

  @Test
  void killingTheWatchingCliLeavesTheRunRunning() throws Exception {
    WorkerProcess first = worker("worker-1");
    WorkerProcess second = worker("worker-2");
    first.awaitReady(READY);
    second.awaitReady(READY);

    CliProcess cli = cli();
    String runId = cli.awaitRunId(READY);
    awaitProducing(first, second);
    cli.kill();

    RunResult result = RunEvidence.awaitResult(client, runId, RUN);
    System.out.println("  run " + result.status() + " without its CLI");
    RunEvidence.assertCompletedOnceAndIntact(client, store, runId, result, ARTIFACTS);
  }

  private WorkerProcess worker(String name) throws Exception {
    return worker(name, Map.of());
  }

  private WorkerProcess worker(String name, Map<String, String> settings) throws Exception {
    Map<String, String> environment =
        new HashMap<>(WorkerProcess.environment(temporal.address(), s3));
    environment.putAll(settings);
    WorkerProcess worker = WorkerProcess.start(name, components, workDir, environment);
    processes.add(worker);
    return worker;
  }

  @Test
  void aWorkerStoppedMidRunFinishesItsRunningProducersAndNeverExceedsItsLimit() throws Exception {
    WorkerProcess limited =
        worker(
            "worker-limited",
            Map.of("WCT_MAX_CONCURRENT_ACTIVITIES", "2", "WCT_SHUTDOWN_GRACE", "30s"));
    limited.awaitReady(READY);

    CliProcess cli = cli();
    String runId = cli.awaitRunId(READY);
    // The runbook lets 4 producers run at once; this worker takes 2.
    double most = 0;
    long deadline = System.nanoTime() + READY.toNanos();
    while (most < 2 && System.nanoTime() < deadline) {
      most = Math.max(most, limited.producersRunning());
      Thread.sleep(100);
    }
    for (int sample = 0; sample < 10; sample++) {
      most = Math.max(most, limited.producersRunning());
      Thread.sleep(100);
    }
    System.out.println("  at most " + most + " producers ran at once on a worker limited to 2");
    assertThat(most).isEqualTo(2);

    double running = limited.producersRunning();
    int exit = limited.terminate(Duration.ofSeconds(60));
    System.out.println(
        "  SIGTERM with " + running + " producers running: the worker exited " + exit);
    assertThat(limited.log())
        .contains("worker stopping: no new tasks")
        .contains("worker stopped: every running producer finished");

    WorkerProcess next = worker("worker-next");
    next.awaitReady(READY);
    RunResult result = RunEvidence.awaitResult(client, runId, RUN);
    RunEvidence.assertCompletedOnceAndIntact(client, store, runId, result, ARTIFACTS);
    // Nothing the stopped worker was running had to start again elsewhere.
    assertThat(result.artifacts()).allMatch(artifact -> artifact.attempts() == 1);
    System.out.println("  checked: every artifact took 1 attempt; the next worker did the rest");
    assertThat(cli.awaitExit(RUN)).as(cli.output()).isZero();
  }

  private CliProcess cli() throws Exception {
    CliProcess cli =
        CliProcess.run(
            runbook,
            temporal.address(),
            s3,
            components,
            workDir,
            Map.of(
                "AWS_ACCESS_KEY_ID", S3Server.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", S3Server.SECRET_KEY,
                "WCT_STORE_S3_REGION", "us-east-1"));
    processes.add(cli);
    return cli;
  }

  /** Waits until a producer runs on one of the workers, the first if both, and returns it. */
  private static WorkerProcess awaitProducing(WorkerProcess first, WorkerProcess second)
      throws Exception {
    long deadline = System.nanoTime() + READY.toNanos();
    while (System.nanoTime() < deadline) {
      for (WorkerProcess worker : List.of(first, second)) {
        if (worker.producersStarted() > 0) {
          System.out.println("  producers running on " + worker.name());
          return worker;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no producer started within " + READY);
  }

  /** Slow sources: about 4 s each, 4 at once, each attempt limited to 20 s, retried quickly. */
  private static String slowRunbook() {
    StringBuilder yaml =
        new StringBuilder(
            """
            name: Slow sources
            description: Sources that take seconds each, for the crash and fault tests
            config:
              max_concurrency: 4
              keep_sources: true
              retry:
                max_attempts: 10
                initial_interval: 1s
                backoff_coefficient: 1.5
            artifacts:
            """);
    for (int i = 1; i <= ARTIFACTS; i++) {
      yaml.append(
          """
            slow-%d:
              source:
                type: slow_test_source
                properties:
                  items: 8
                  delay_ms: 500
              timeout: 20s
              output: true
          """
              .formatted(i));
    }
    return yaml.toString();
  }
}
