package dev.wct.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.planner.Planner;
import dev.wct.core.run.RunStatus;
import dev.wct.engine.RunHandle;
import dev.wct.engine.RunLauncher;
import dev.wct.spi.ComponentCatalog;
import dev.wct.store.fs.FileSystemArtifactStore;
import dev.wct.workflows.run.RunOptions;
import dev.wct.workflows.run.RunResult;
import dev.wct.workflows.run.RunbookWorkflow;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out of one partitioned scan: the same generated files (filesystem, cut by size, {@code
 * personal_data} per partition) with one worker process, with two, and with one again, on one dev
 * server and a shared directory store. Prints wall times, the ratio, and per-partition times for a
 * projection to N workers. Run with {@code -Dwct.bench=true} ({@code -Dwct.bench.mib=512} sets the
 * data size); the data and the store are deleted afterwards.
 */
@EnabledIfSystemProperty(named = "wct.bench", matches = "true")
class PartitionScaleOutBenchmark {
  private static final int FILE_BYTES = 64 * 1024;
  private static final String ACTIVITIES_PER_WORKER = "2";

  @TempDir Path workDir;

  @Test
  void oneScanWithOneAndTwoWorkerProcesses() throws Exception {
    assumeTrue(TemporalServer.binary().isPresent(), "no Temporal CLI");
    int mib = Integer.getInteger("wct.bench.mib", 512);
    Path data = workDir.resolve("data");
    PartitionedScan.generate(data, mib * 1024 * 1024 / FILE_BYTES, FILE_BYTES);
    Path runbook =
        Files.writeString(
            workDir.resolve("scan.yaml"),
            PartitionedScan.runbook(data, "{max_bytes: 8MiB}", 8)
                .replace("keep_sources: true", "keep_sources: false"));
    ExecutionPlan plan = new Planner(ComponentCatalog.discover()).plan(runbook);
    Path storeDir = workDir.resolve("store");
    Path components = ComponentFolder.create(workDir);
    System.out.printf(
        "data: %d MiB in %d files of %d KiB; %d cores%n",
        mib,
        mib * 1024 * 1024 / FILE_BYTES,
        FILE_BYTES / 1024,
        Runtime.getRuntime().availableProcessors());
    try (TemporalServer temporal =
            TemporalServer.start(TemporalServer.binary().get(), workDir.resolve("t.db"));
        FileSystemArtifactStore store = new FileSystemArtifactStore(storeDir)) {
      Map<String, String> environment =
          Map.of(
              "WCT_TEMPORAL_TARGET",
              temporal.address(),
              "WCT_STORE_DIR",
              storeDir.toString(),
              "WCT_MAX_CONCURRENT_ACTIVITIES",
              ACTIVITIES_PER_WORKER,
              "WCT_LOG_FORMAT",
              "");
      WorkflowServiceStubs service =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.address()).build());
      WorkflowClient client = WorkflowClient.newInstance(service);
      RunLauncher launcher = new RunLauncher(client, store);
      try (WorkerProcess first = WorkerProcess.start("w1", components, workDir, environment)) {
        first.awaitReady(Duration.ofSeconds(180));
        double one = phase(launcher, client, storeDir, plan, "1 worker");
        double two;
        try (WorkerProcess second = WorkerProcess.start("w2", components, workDir, environment)) {
          second.awaitReady(Duration.ofSeconds(180));
          two = phase(launcher, client, storeDir, plan, "2 workers");
          second.terminate(Duration.ofSeconds(60));
        }
        double oneAgain = phase(launcher, client, storeDir, plan, "1 worker again");
        System.out.printf(
            "speed-up with 2 workers: %.2f× (against the first 1-worker phase), %.2f× (against"
                + " the last)%n",
            one / two, oneAgain / two);
      } finally {
        service.shutdownNow();
      }
    }
  }

  /** Runs the scan once; prints wall time and partition times; returns seconds. */
  private static double phase(
      RunLauncher launcher, WorkflowClient client, Path storeDir, ExecutionPlan plan, String label)
      throws IOException {
    long start = System.nanoTime();
    RunHandle run = launcher.start(plan, "scan.yaml", RunOptions.DEFAULT);
    RunResult result = run.awaitResult();
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(result.status()).as(result.artifacts().toString()).isEqualTo(RunStatus.COMPLETED);
    Times times = partitionTimes(client, run.runId());
    System.out.printf(
        "%s: %.1f s wall; %d partition activities (%s), %.2f s each on average, %.1f s in all;"
            + " first partition start to last end %.1f s; listing, seals and run overhead %.1f s%n",
        label,
        seconds,
        times.count,
        PartitionedScan.partitionsByIdentity(client, run.runId(), "files"),
        times.total / times.count,
        times.total,
        times.span,
        seconds - times.span);
    deleteRecursively(storeDir.resolve("runs").resolve(run.runId()));
    return seconds;
  }

  private record Times(int count, double total, double span) {}

  /** Partition activities' start-to-close times and their span, from the blocks' histories. */
  private static Times partitionTimes(WorkflowClient client, String runId) {
    String group = RunbookWorkflow.workflowId(runId) + "/partitions/files";
    Map<Long, Long> started = new HashMap<>();
    int count = 0;
    double total = 0;
    long first = Long.MAX_VALUE;
    long last = 0;
    for (int block = 0; ; block++) {
      Iterable<HistoryEvent> events;
      try {
        events = client.fetchHistory(group + "/block-" + block).getEvents();
      } catch (RuntimeException noSuchBlock) {
        break;
      }
      for (HistoryEvent event : events) {
        long millis =
            event.getEventTime().getSeconds() * 1000 + event.getEventTime().getNanos() / 1_000_000;
        if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
          started.put(event.getActivityTaskStartedEventAttributes().getScheduledEventId(), millis);
          first = Math.min(first, millis);
        } else if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) {
          Long from =
              started.get(event.getActivityTaskCompletedEventAttributes().getScheduledEventId());
          if (from != null) {
            count++;
            total += (millis - from) / 1000.0;
            last = Math.max(last, millis);
          }
        }
      }
      started.clear();
    }
    return new Times(count, total, (last - first) / 1000.0);
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
