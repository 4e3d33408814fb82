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
import io.temporal.client.WorkflowClient;
import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wct run --temporal}: a real gRPC Temporal frontend (the Java test server, on loopback, in
 * real time) and a separate worker connected to it over gRPC, as a cluster would have them.
 */
class RunOnTemporalClusterTest {
  private static final Pattern RUN_ID = Pattern.compile("^Run (\\d{8}-\\d{6}-[0-9a-f]{6}): ");

  /** A second queue whose worker sees a different folder, to tell which workers ran a run. */
  private static final String OTHER_QUEUE = "wct-other";

  private static final String OTHER_FOLDER_TEXT = "only in the other folder";

  @TempDir static Path dir;
  private static Path store;
  private static TestServicesStarter services;
  private static Server frontend;
  private static WorkflowServiceStubs workerService;
  private static WorkerFactory workers;

  @BeforeAll
  static void startFrontendAndWorker() throws IOException {
    services = new TestServicesStarter(true, 0);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    services.getServices().forEach(builder::addService);
    frontend = builder.build().start();

    store = dir.resolve("store");
    ArtifactStore artifacts = new FileSystemArtifactStore(store);
    ComponentCatalog catalog = ComponentCatalog.discover();
    workerService =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target()).build());
    workers = WorkerFactory.newInstance(WorkflowClient.newInstance(workerService));
    WctWorkers.register(
        workers.newWorker(WctWorkers.TASK_QUEUE, WctWorkers.WORKER_OPTIONS),
        producers(artifacts, catalog, folder("webapp", "jane.doe@example.com")));
    WctWorkers.register(
        workers.newWorker(OTHER_QUEUE, WctWorkers.WORKER_OPTIONS),
        producers(artifacts, catalog, folder("other", OTHER_FOLDER_TEXT)));
    workers.start();
  }

  @AfterAll
  static void stopWorkerAndFrontend() throws InterruptedException {
    workers.shutdownNow();
    workers.awaitTermination(10, TimeUnit.SECONDS);
    workerService.shutdownNow();
    frontend.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    services.close();
  }

  @Test
  void runsOnTheClusterWorkersAndLeavesTheRunInTheStoreTheyWrite() throws Exception {
    Cli.Result run =
        Cli.run(
            "run", scanRunbook().toString(), "--temporal", target(), "--store", store.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    String runId = runId(run.out());
    assertThat(run.out().lines())
        .anySatisfy(l -> assertThat(l).matches("personal_data +succeeded +1 .*"))
        .contains("Run " + runId + " completed");
    Path artifacts = store.resolve("runs").resolve(runId).resolve("artifacts");
    // ${SCAN_DIR} is only in the worker's environment: the cluster's worker ran the producers.
    assertThat(Files.readString(artifacts.resolve("personal_data.json"))).contains("email");
    // The cluster's worker deleted the raw source, its copy of the folder, when the run ended.
    assertThat(artifacts.resolve("files.json")).doesNotExist();
    assertThat(Cli.run("inspect", runId, "--store", store.toString()).out())
        .contains("raw sources at run end: files");
    assertThat(store.resolve("runs").resolve(runId).resolve("_system").resolve("results.json"))
        .exists();

    Cli.Result runs = Cli.run("runs", "--store", store.toString());
    assertThat(runs.out()).contains(runId).contains("Cluster scan").contains("completed");
  }

  @Test
  void taskQueueChoosesTheWorkersThatRunTheProducers() throws Exception {
    Cli.Result run =
        Cli.run(
            "run",
            keepingSources(scanRunbook()).toString(),
            "--temporal",
            target(),
            "--task-queue",
            OTHER_QUEUE,
            "--namespace",
            "default",
            "--store",
            store.toString(),
            "--quiet");

    assertThat(run.exitCode()).as(run.err()).isZero();
    String runId = runId(run.out());
    Path artifacts = store.resolve("runs").resolve(runId).resolve("artifacts");
    // The kept source artifact is the connector's copy of the folder that worker saw.
    assertThat(Files.readString(artifacts.resolve("files.json"))).contains(OTHER_FOLDER_TEXT);
  }

  @Test
  void unreachableFrontendIsOneLineNamingTheAddress() throws Exception {
    String closed = "127.0.0.1:" + closedPort();

    Cli.Result run =
        Cli.run("run", scanRunbook().toString(), "--temporal", closed, "--store", store.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).startsWith("wct: cannot reach Temporal at " + closed + ": ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void varWithTemporalIsAUsageErrorPointingAtTheWorkersEnvironment() throws Exception {
    Cli.Result run =
        Cli.run(
            "run",
            scanRunbook().toString(),
            "--temporal",
            target(),
            "--var",
            "SCAN_DIR=/tmp",
            "--store",
            store.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "wct: --var cannot be used with --address: the cluster's workers resolve ${VAR}"
                + " placeholders, so give secrets to the workers' environment");
  }

  @Test
  void targetWithoutPortIsAUsageError() throws Exception {
    Cli.Result run =
        Cli.run(
            "run",
            scanRunbook().toString(),
            "--temporal",
            "localhost",
            "--store",
            store.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("wct: --temporal: expected HOST:PORT, got 'localhost'");
  }

  @Test
  void taskQueueWithoutTemporalIsAUsageError() throws Exception {
    Cli.Result run =
        Cli.run("run", scanRunbook().toString(), "--task-queue", "q", "--store", store.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "wct: --namespace, --task-queue, the TLS options, --api-key and"
                + " --cancel-on-interrupt need --address HOST:PORT");
  }

  private static String target() {
    return "127.0.0.1:" + frontend.getPort();
  }

  private static ProducerEnvironment producers(
      ArtifactStore artifacts, ComponentCatalog catalog, Path scanDir) {
    Map<String, String> env = Map.of("SCAN_DIR", scanDir.toString());
    return new ProducerEnvironment(artifacts, catalog, env::get, dir);
  }

  private static Path folder(String name, String content) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(name));
    Files.writeString(folder.resolve("users.php"), "<?php\n$user_email = '" + content + "';\n");
    return folder;
  }

  private static Path scanRunbook() throws IOException {
    return Files.writeString(
        dir.resolve("runbook.yaml"),
        """
        name: "Cluster scan"
        description: "Personal data in the folder the worker sees"
        artifacts:
          files:
            source:
              type: filesystem
              properties:
                path: "${SCAN_DIR}"
          personal_data:
            inputs: files
            process:
              type: personal_data
            output: true
        """);
  }

  /** The runbook with {@code config.keep_sources: true}, to look at what the connector read. */
  private static Path keepingSources(Path runbook) throws IOException {
    String text = Files.readString(runbook);
    return Files.writeString(
        dir.resolve("runbook-keeping-sources.yaml"),
        text.replace("artifacts:\n", "config: {keep_sources: true}\nartifacts:\n"));
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String runId(String out) {
    Matcher m = RUN_ID.matcher(out.lines().findFirst().orElse(""));
    assertThat(m.find()).as("first line names the run: " + out).isTrue();
    return m.group(1);
  }
}
