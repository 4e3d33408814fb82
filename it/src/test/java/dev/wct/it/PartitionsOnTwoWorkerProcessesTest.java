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
import dev.wct.workflows.partition.PartitionsDone;
import dev.wct.workflows.run.RunOptions;
import dev.wct.workflows.run.RunResult;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One partitioned scan (files cut by count, a SQLite table cut by rows), two worker processes of
 * the real jar on the real dev server, sharing a directory store: both processes produce partitions
 * (the block workflows' histories name them), every partition matches its SHA-256, and the run's
 * status query counts every partition done.
 */
@Tag("integration")
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class PartitionsOnTwoWorkerProcessesTest {
  private static final int FILES = 200;
  private static final int FILES_PER_PARTITION = 5;
  private static final int ROWS = 12_000;
  private static final int RANGES = 12;

  @TempDir Path workDir;

  @Test
  void bothWorkerProcessesProducePartitionsAndEveryPartitionVerifies() throws Exception {
    assumeTrue(
        TemporalServer.binary().isPresent(), "no Temporal CLI (scripts/temporal-cli builds it)");
    Path data = workDir.resolve("data");
    PartitionedScan.generate(data, FILES, 4096);
    Path db = workDir.resolve("customers.db");
    try (java.sql.Connection connection =
            new org.sqlite.JDBC().connect("jdbc:sqlite:" + db, new java.util.Properties());
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT)");
      statement.execute(
          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < "
              + ROWS
              + ") INSERT INTO customers SELECT i, 'person' || i || '@example.com' FROM n");
    }
    Path runbook =
        Files.writeString(
            workDir.resolve("partitioned.yaml"),
            PartitionedScan.runbook(data, "{max_items: " + FILES_PER_PARTITION + "}", 8)
                + """
                  table:
                    source:
                      type: sqlite
                      properties: {database_path: "%s", max_rows_per_table: %d}
                    partition: {by: rows, max_items: %d}
                    output: true
                """
                    .formatted(db.toString().replace('\\', '/'), ROWS, ROWS / RANGES));
    ExecutionPlan plan = new Planner(ComponentCatalog.discover()).plan(runbook);
    Path storeDir = workDir.resolve("store");
    Path components = ComponentFolder.create(workDir);
    try (TemporalServer temporal =
            TemporalServer.start(TemporalServer.binary().get(), workDir.resolve("t.db"));
        FileSystemArtifactStore store = new FileSystemArtifactStore(storeDir)) {
      // two activities at a time per worker: with 8 in flight, neither can take them all
      Map<String, String> environment =
          Map.of(
              "WCT_TEMPORAL_TARGET", temporal.address(),
              "WCT_STORE_DIR", storeDir.toString(),
              "WCT_MAX_CONCURRENT_ACTIVITIES", "2");
      WorkflowServiceStubs service =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.address()).build());
      try (WorkerProcess first = WorkerProcess.start("w1", components, workDir, environment);
          WorkerProcess second = WorkerProcess.start("w2", components, workDir, environment)) {
        first.awaitReady(Duration.ofSeconds(180));
        second.awaitReady(Duration.ofSeconds(180));
        WorkflowClient client = WorkflowClient.newInstance(service);

        RunHandle run =
            new RunLauncher(client, store).start(plan, "partitioned.yaml", RunOptions.DEFAULT);
        RunResult result = run.awaitResult();

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        Map<String, Integer> byIdentity =
            PartitionedScan.partitionsByIdentity(client, run.runId(), "files");
        System.out.println("  partition activities per worker identity: " + byIdentity);
        assertThat(byIdentity.values().stream().mapToInt(Integer::intValue).sum())
            .isEqualTo(2 * FILES / FILES_PER_PARTITION); // files and pii, once each
        assertThat(byIdentity.keySet())
            .hasSize(2)
            .allMatch(
                identity ->
                    List.of(first.pid() + "@", second.pid() + "@").stream()
                        .anyMatch(identity::startsWith));
        assertThat(PartitionedScan.assertPartitionsIntact(store, run.runId(), "files"))
            .isEqualTo(FILES / FILES_PER_PARTITION);
        // the blocks' progress signals reached the run on the real server
        assertThat(run.progress().partitions())
            .containsExactlyInAnyOrder(
                new PartitionsDone(
                    "files", FILES / FILES_PER_PARTITION, FILES / FILES_PER_PARTITION),
                new PartitionsDone("pii", FILES / FILES_PER_PARTITION, FILES / FILES_PER_PARTITION),
                new PartitionsDone("table", RANGES, RANGES));
        // the row ranges of one table, produced by the worker processes, each intact
        Map<String, Integer> ranges =
            PartitionedScan.partitionsByIdentity(client, run.runId(), "table");
        System.out.println("  row ranges per worker identity: " + ranges);
        assertThat(ranges.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(RANGES);
        assertThat(PartitionedScan.assertPartitionsIntact(store, run.runId(), "table"))
            .isEqualTo(RANGES);
      } finally {
        service.shutdownNow();
      }
    }
  }
}
