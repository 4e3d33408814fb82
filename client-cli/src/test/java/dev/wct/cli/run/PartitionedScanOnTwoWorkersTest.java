package dev.wct.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.activities.worker.ProducerEnvironment;
import dev.wct.activities.worker.WctWorkers;
import dev.wct.cli.history.Cli;
import dev.wct.spi.ComponentCatalog;
import dev.wct.store.ArtifactStore;
import dev.wct.store.fs.FileSystemArtifactStore;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wct run --temporal} of a partitioned filesystem scan (and of a table cut by rows) against
 * a gRPC Temporal frontend with two workers on one task queue, each with its own identity as two
 * processes would have, sharing one store: both workers produce partitions, as the block's history
 * shows, and the findings are complete.
 */
class PartitionedScanOnTwoWorkersTest {
  private static final Pattern RUN_ID = Pattern.compile("(?m)^Run (\\d{8}-\\d{6}-[0-9a-f]{6}): ");
  private static final int FILES = 120;

  @TempDir Path dir;
  private TestServicesStarter services;
  private Server frontend;
  private WorkflowServiceStubs service;
  private final List<WorkerFactory> workers = new java.util.ArrayList<>();

  private String target() {
    return "127.0.0.1:" + frontend.getPort();
  }

  private void startWorker(String identity, ArtifactStore store) {
    WorkerFactory factory =
        WorkerFactory.newInstance(
            WorkflowClient.newInstance(
                service, WorkflowClientOptions.newBuilder().setIdentity(identity).build()));
    WctWorkers.register(
        factory.newWorker(WctWorkers.TASK_QUEUE, WctWorkers.WORKER_OPTIONS),
        new ProducerEnvironment(store, ComponentCatalog.discover(), name -> null, dir));
    factory.start();
    workers.add(factory);
  }

  @AfterEach
  void stop() throws InterruptedException {
    for (WorkerFactory factory : workers) {
      factory.shutdownNow();
      factory.awaitTermination(10, TimeUnit.SECONDS);
    }
    if (service != null) {
      service.shutdownNow();
    }
    if (frontend != null) {
      frontend.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }
    if (services != null) {
      services.close();
    }
  }

  /** A gRPC frontend and two workers sharing a directory store; returns the store. */
  private ArtifactStore startServerAndTwoWorkers(Path store) throws Exception {
    services = new TestServicesStarter(true, 0);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    services.getServices().forEach(builder::addService);
    frontend = builder.build().start();
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target()).build());
    ArtifactStore artifacts = new FileSystemArtifactStore(store);
    startWorker("worker-a", artifacts);
    startWorker("worker-b", artifacts);
    return artifacts;
  }

  /** Partition activities started in a block, per worker identity. */
  private Map<String, Integer> partitionsByWorker(String block) {
    Map<String, Integer> byWorker = new TreeMap<>();
    for (HistoryEvent event :
        WorkflowClient.newInstance(service).fetchHistory(block).getHistory().getEventsList()) {
      if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
        byWorker.merge(
            event.getActivityTaskStartedEventAttributes().getIdentity(), 1, Integer::sum);
      }
    }
    System.out.println("partition activities by worker: " + byWorker);
    return byWorker;
  }

  @Test
  void bothWorkersProduceRowRangesOfOneTable() throws Exception {
    Path store = dir.resolve("store");
    startServerAndTwoWorkers(store);
    Path db = PartitionedScanTest.customersDatabase(dir.resolve("crm.db"), 400);
    Path runbook =
        Files.writeString(
            dir.resolve("rows.yaml"),
            """
            name: table cut by rows on two workers
            description: one table of 400 rows in ranges of 20 rows, produced on two workers
            config:
              max_concurrency: 8
            artifacts:
              crm:
                source:
                  type: sqlite
                  properties: {database_path: "%s", max_rows_per_table: 1000}
                partition: {by: rows, max_items: 20}
              pii:
                inputs: crm
                process:
                  type: personal_data
            """
                .formatted(db.toString().replace('\\', '/')));

    Cli.Result run =
        Cli.run("run", runbook.toString(), "--temporal", target(), "--store", store.toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isIn(0, 3);
    Matcher id = RUN_ID.matcher(run.out());
    assertThat(id.find()).as(run.out()).isTrue();
    Map<String, Integer> byWorker =
        partitionsByWorker("wct-run-" + id.group(1) + "/partitions/crm/block-0");
    assertThat(byWorker).containsOnlyKeys("worker-a", "worker-b");
    assertThat(byWorker.values()).allSatisfy(n -> assertThat(n).isPositive());
    // 20 row ranges of the source, and the analyser on each of them, in the block
    assertThat(byWorker.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(40);
    assertThat(Cli.run("inspect", id.group(1), "--store", store.toString()).out())
        .containsPattern("crm +20/20 partitions")
        .containsPattern("pii +20/20 partitions");
    assertThat(
            Cli.run("inspect", id.group(1), "crm", "--coverage", "--store", store.toString()).out())
        .containsPattern("main\\.customers +sampled +400 of 400");
  }

  @Test
  void bothWorkersProducePartitionsOfOneScan() throws Exception {
    Path store = dir.resolve("store");
    ArtifactStore artifacts = startServerAndTwoWorkers(store);
    Path data = Files.createDirectories(dir.resolve("data"));
    for (int i = 0; i < FILES; i++) {
      Files.writeString(
          data.resolve(String.format("customer-%03d.txt", i)),
          "Customer " + i + "\nemail: person" + i + "@example.com\n");
    }
    Path runbook =
        Files.writeString(
            dir.resolve("scan.yaml"),
            """
            name: partitioned cluster scan
            description: a folder cut into partitions of 4 files, scanned on two workers
            config:
              max_concurrency: 8
            artifacts:
              files:
                source:
                  type: filesystem
                  properties:
                    path: "%s"
                partition: {max_items: 4}
              pii:
                inputs: files
                process:
                  type: personal_data
            """
                .formatted(data.toString().replace('\\', '/')));

    Cli.Result run =
        Cli.run("run", runbook.toString(), "--temporal", target(), "--store", store.toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isIn(0, 3);
    Matcher id = RUN_ID.matcher(run.out());
    assertThat(id.find()).as(run.out()).isTrue();
    Map<String, Integer> byWorker =
        partitionsByWorker("wct-run-" + id.group(1) + "/partitions/files/block-0");
    assertThat(byWorker).containsOnlyKeys("worker-a", "worker-b");
    assertThat(byWorker.values()).allSatisfy(n -> assertThat(n).isPositive());
    // 30 partitions of the source and 30 of the analyser
    assertThat(byWorker.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(60);
    assertThat(Cli.run("inspect", id.group(1), "--store", store.toString()).out())
        .containsPattern("files +30/30 partitions")
        .containsPattern("pii +30/30 partitions")
        .contains("raw sources at run end: files");
    // the raw source's partitions went with it
    assertThat(artifacts.list(id.group(1))).noneMatch(a -> a.startsWith("files"));
  }
}
