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
 * personal_data} per partition) and a generated SQLite table (cut by rows) with one worker process,
 * with two, and with one again, on one dev server and a shared directory store. Prints wall times,
 * the ratio, and per-partition times for a projection to N workers. Run with {@code
 * -Dwct.bench=true} ({@code -Dwct.bench.mib=512} sets the data size, {@code
 * -Dwct.bench.rows=5000000} the table's rows, 0 for no table; {@code -Dwct.bench.pin=0,1} gives
 * each worker process one CPU of its own); the data and the store are deleted afterwards.
 */
@EnabledIfSystemProperty(named = "wct.bench", matches = "true")
class PartitionScaleOutBenchmark {
  private static final int FILE_BYTES = 64 * 1024;
  private static final String ACTIVITIES_PER_WORKER = "2";
  private static final int ROWS_PER_PARTITION = 250_000;
  private static final String TABLE = "table";

  @TempDir Path workDir;

  @Test
  void oneScanWithOneAndTwoWorkerProcesses() throws Exception {
    assumeTrue(TemporalServer.binary().isPresent(), "no Temporal CLI");
    int mib = Integer.getInteger("wct.bench.mib", 512);
    Path data = workDir.resolve("data");
    PartitionedScan.generate(data, (int) ((long) mib * 1024 * 1024 / FILE_BYTES), FILE_BYTES);
    int rows = Integer.getInteger("wct.bench.rows", 5_000_000);
    String yaml =
        PartitionedScan.runbook(data, "{max_bytes: 8MiB}", 8)
            .replace("keep_sources: true", "keep_sources: false\n  timeout: 2h");
    if (rows > 0) {
      long started = System.nanoTime();
      Path db = generateTable(workDir.resolve("customers.db"), rows);
      System.out.printf(
          "table: %d rows, %d MiB SQLite file, generated in %.1f s%n",
          rows, Files.size(db) >> 20, (System.nanoTime() - started) / 1e9);
      yaml +=
          """
            %s:
              source:
                type: sqlite
                properties: {database_path: "%s", max_rows_per_table: %d}
              partition: {by: rows, max_items: %d}
              output: true
          """
              .formatted(TABLE, db.toString().replace('\\', '/'), rows, ROWS_PER_PARTITION);
    }
    Path runbook = Files.writeString(workDir.resolve("scan.yaml"), yaml);
    System.out.println(yaml);
    ExecutionPlan plan = new Planner(ComponentCatalog.discover()).plan(runbook);
    Path storeDir = workDir.resolve("store");
    Path components = ComponentFolder.create(workDir);
    System.out.printf(
        "data: %d MiB in %d files of %d KiB; %d cores%n",
        mib,
        (int) ((long) mib * 1024 * 1024 / FILE_BYTES),
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
      String[] cpus = pinnedCpus();
      try (WorkerProcess first =
          WorkerProcess.start("w1", components, workDir, environment, cpus[0])) {
        first.awaitReady(Duration.ofSeconds(180));
        double one = phase(launcher, client, storeDir, plan, "1 worker");
        double two;
        try (WorkerProcess second =
            WorkerProcess.start("w2", components, workDir, environment, cpus[1])) {
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

  /**
   * A generated table cut by rows with {@code personal_data} on it, planned two ways on two worker
   * processes: per row range (merged at the seal) and whole (the pre-merge plan: one activity over
   * all ranges). Phases alternate, per range first, {@code -Dwct.bench.rounds} times (default 2);
   * {@code -Dwct.bench.analysisRows} rows (default 1,000,000) in ranges of {@code
   * -Dwct.bench.analysisRange} (default 100,000). Run with {@code -Dwct.bench=true
   * -Dtest=PartitionScaleOutBenchmark#aTableAnalysedPerRangeAndWhole}.
   */
  @Test
  void aTableAnalysedPerRangeAndWhole() throws Exception {
    assumeTrue(TemporalServer.binary().isPresent(), "no Temporal CLI");
    int rows = Integer.getInteger("wct.bench.analysisRows", 1_000_000);
    int range = Integer.getInteger("wct.bench.analysisRange", 100_000);
    int rounds = Integer.getInteger("wct.bench.rounds", 2);
    long generating = System.nanoTime();
    Path db = generateTable(workDir.resolve("customers.db"), rows);
    System.out.printf(
        "table: %d rows, %d MiB, generated in %.1f s; ranges of %d rows; %d cores%n",
        rows,
        Files.size(db) >> 20,
        (System.nanoTime() - generating) / 1e9,
        range,
        Runtime.getRuntime().availableProcessors());
    Path runbook =
        Files.writeString(
            workDir.resolve("scan.yaml"),
            """
            name: table analysis
            description: a table cut by rows, personal_data per range or whole
            config:
              max_concurrency: 8
              keep_sources: false
              timeout: 1h
            artifacts:
              %s:
                source:
                  type: sqlite
                  properties: {database_path: "%s", max_rows_per_table: %d}
                partition: {by: rows, max_items: %d}
              pii:
                inputs: %s
                process:
                  type: personal_data
                output: true
            """
                .formatted(TABLE, db.toString().replace('\\', '/'), rows, range, TABLE));
    ExecutionPlan perRange = new Planner(ComponentCatalog.discover()).plan(runbook);
    assertThat(perRange.artifacts().stream().filter(a -> a.id().equals("pii")).findFirst())
        .hasValueSatisfying(a -> assertThat(a.partition()).isNotNull());
    ExecutionPlan whole =
        new ExecutionPlan(
            perRange.runbook(),
            perRange.settings(),
            perRange.artifacts().stream()
                .map(a -> a.id().equals("pii") ? a.partitioned(null) : a)
                .toList(),
            perRange.levels(),
            perRange.criticalPath(),
            perRange.contentHash());
    Path storeDir = workDir.resolve("store");
    Path components = ComponentFolder.create(workDir);
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
      try (WorkerProcess first = WorkerProcess.start("w1", components, workDir, environment);
          WorkerProcess second = WorkerProcess.start("w2", components, workDir, environment)) {
        first.awaitReady(Duration.ofSeconds(180));
        second.awaitReady(Duration.ofSeconds(180));
        String[] findings = new String[2];
        for (int round = 0; round < rounds; round++) {
          findings[0] = analysisPhase(launcher, client, store, storeDir, perRange, "per range");
          findings[1] = analysisPhase(launcher, client, store, storeDir, whole, "whole");
          assertThat(findings[0]).isEqualTo(findings[1]);
        }
      } finally {
        service.shutdownNow();
      }
    }
  }

  /**
   * Runs the table analysis once; prints wall time and per activity type the count, summed time and
   * first start to last end; returns the findings, to compare the two plans.
   */
  private static String analysisPhase(
      RunLauncher launcher,
      WorkflowClient client,
      FileSystemArtifactStore store,
      Path storeDir,
      ExecutionPlan plan,
      String label)
      throws IOException {
    long start = System.nanoTime();
    RunHandle run = launcher.start(plan, "scan.yaml", RunOptions.DEFAULT);
    RunResult result = run.awaitResult();
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(result.status()).as(result.artifacts().toString()).isEqualTo(RunStatus.COMPLETED);
    Map<String, double[]> byType = new java.util.TreeMap<>();
    String runWorkflow = RunbookWorkflow.workflowId(run.runId());
    String group = runWorkflow + "/partitions/" + TABLE;
    activityTimes(client, runWorkflow, byType);
    activityTimes(client, group, byType);
    for (int block = 0; activityTimes(client, group + "/block-" + block, byType); block++) {
      // every block of the group
    }
    StringBuilder line = new StringBuilder();
    byType.forEach(
        (type, t) ->
            line.append(
                String.format(
                    "; %s %d × %.2f s = %.1f s (span %.1f s)",
                    type, (int) t[0], t[1] / t[0], t[1], (t[3] - t[2]) / 1000.0)));
    System.out.printf(
        "%s: %.1f s wall (load %s)%s%n", label, seconds, loadAverage(), line.toString());
    StringBuilder findings = new StringBuilder();
    try (dev.wct.core.message.MessageReader reader =
        dev.wct.core.message.MessageReader.open(
            dev.wct.spi.json.Json.mapper(), store.read(run.runId(), "pii"))) {
      reader.items().forEachRemaining(item -> findings.append(item).append('\n'));
    }
    deleteRecursively(storeDir.resolve("runs").resolve(run.runId()));
    return findings.toString();
  }

  /** Adds the workflow's activities to {@code byType}: count, summed s, first start, last end. */
  private static boolean activityTimes(
      WorkflowClient client, String workflowId, Map<String, double[]> byType) {
    Iterable<HistoryEvent> events;
    try {
      events = client.fetchHistory(workflowId).getEvents();
    } catch (RuntimeException noSuchWorkflow) {
      return false;
    }
    Map<Long, String> types = new HashMap<>();
    Map<Long, Long> started = new HashMap<>();
    for (HistoryEvent event : events) {
      long millis =
          event.getEventTime().getSeconds() * 1000 + event.getEventTime().getNanos() / 1_000_000;
      switch (event.getEventType()) {
        case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED ->
            types.put(
                event.getEventId(),
                event.getActivityTaskScheduledEventAttributes().getActivityType().getName());
        case EVENT_TYPE_ACTIVITY_TASK_STARTED ->
            started.put(
                event.getActivityTaskStartedEventAttributes().getScheduledEventId(), millis);
        case EVENT_TYPE_ACTIVITY_TASK_COMPLETED -> {
          long scheduled = event.getActivityTaskCompletedEventAttributes().getScheduledEventId();
          Long from = started.get(scheduled);
          if (from != null) {
            double[] t =
                byType.computeIfAbsent(
                    types.getOrDefault(scheduled, "?"),
                    key -> new double[] {0, 0, Long.MAX_VALUE, 0});
            t[0]++;
            t[1] += (millis - from) / 1000.0;
            t[2] = Math.min(t[2], from);
            t[3] = Math.max(t[3], millis);
          }
        }
        default -> {}
      }
    }
    return true;
  }

  /**
   * {@code -Dwct.bench.pin=0,1} runs the first worker process on CPU 0 only and the second on CPU 1
   * only, as if each had a machine of one core; the dev server and the launcher run anywhere.
   */
  private static String[] pinnedCpus() {
    String pin = System.getProperty("wct.bench.pin", "");
    if (pin.isBlank()) {
      return new String[2];
    }
    String[] cpus = pin.split(",");
    if (cpus.length != 2) {
      throw new IllegalArgumentException("wct.bench.pin names two CPUs, e.g. 0,1, not " + pin);
    }
    System.out.printf("worker w1 runs on CPU %s only, w2 on CPU %s only%n", cpus[0], cpus[1]);
    return cpus;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
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
    Times times = partitionTimes(client, run.runId(), "files");
    System.out.printf(
        "%s: %.1f s wall; files: %d partition activities (%s), %.2f s each on average, %.1f s in"
            + " all; first partition start to last end %.1f s%n",
        label,
        seconds,
        times.count,
        PartitionedScan.partitionsByIdentity(client, run.runId(), "files"),
        times.total / times.count,
        times.total,
        times.span());
    double first = times.first;
    double last = times.last;
    if (plan.artifacts().stream().anyMatch(a -> a.id().equals(TABLE))) {
      Times table = partitionTimes(client, run.runId(), TABLE);
      System.out.printf(
          "%s: table: %d partition activities (%s), %.2f s each on average, %.1f s in all;"
              + " first start to last end %.1f s%n",
          label,
          table.count,
          PartitionedScan.partitionsByIdentity(client, run.runId(), TABLE),
          table.total / table.count,
          table.total,
          table.span());
      first = Math.min(first, table.first);
      last = Math.max(last, table.last);
    }
    System.out.printf(
        "%s: all partitions: first start to last end %.1f s; listing, seals and run overhead"
            + " %.1f s%n",
        label, last - first, seconds - (last - first));
    deleteRecursively(storeDir.resolve("runs").resolve(run.runId()));
    return seconds;
  }

  /** Partition activities: how many, their summed durations, and first start, last end (s). */
  private record Times(int count, double total, double first, double last) {
    double span() {
      return last - first;
    }
  }

  /** A table {@code customers (id, email)} of {@code rows} rows, inserted in batches. */
  private static Path generateTable(Path file, int rows) throws Exception {
    try (java.sql.Connection connection =
        new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new java.util.Properties())) {
      try (java.sql.Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA journal_mode = OFF");
        statement.execute("PRAGMA synchronous = OFF");
        statement.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT)");
      }
      connection.setAutoCommit(false);
      try (java.sql.PreparedStatement insert =
          connection.prepareStatement("INSERT INTO customers VALUES (?, ?)")) {
        for (int id = 1; id <= rows; id++) {
          insert.setInt(1, id);
          insert.setString(2, "person" + id + "@example.com");
          insert.addBatch();
          if (id % 100_000 == 0 || id == rows) {
            insert.executeBatch();
            connection.commit();
          }
        }
      }
    }
    return file;
  }

  /** Partition activities' start-to-close times and their span, from the blocks' histories. */
  private static Times partitionTimes(WorkflowClient client, String runId, String artifactId) {
    String group = RunbookWorkflow.workflowId(runId) + "/partitions/" + artifactId;
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
    return new Times(count, total, first / 1000.0, last / 1000.0);
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
