package dev.wct.cli.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.activities.worker.ProducerEnvironment;
import dev.wct.activities.worker.WctWorkers;
import dev.wct.cli.history.Cli;
import dev.wct.engine.server.DevServer;
import dev.wct.spi.ComponentCatalog;
import dev.wct.spi.json.Json;
import dev.wct.store.ArtifactStore;
import dev.wct.store.fs.FileSystemArtifactStore;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wct retry --temporal} on the real Temporal dev server, with a worker polling it: the retry
 * runs only the failed branch on the cluster's worker and reuses the rest.
 */
@Tag("integration")
class RetryOnDevServerTest {
  @TempDir Path dir;

  @Test
  void aFailedRunOnTheServerIsRetriedThereReusingWhatSucceeded() throws Exception {
    Optional<Path> binary = DevServer.findBinary();
    assumeTrue(binary.isPresent(), "no Temporal CLI (scripts/temporal-cli builds it)");
    Path database = dir.resolve("crm.db");
    Path files = Files.createDirectories(dir.resolve("files"));
    Files.writeString(files.resolve("a.txt"), "contact jane.doe@example.com");
    Path store = dir.resolve("store");
    Path runbook =
        Files.writeString(
            dir.resolve("runbook.yaml"),
            """
            name: "Two branches"
            description: "A database and a folder"
            artifacts:
              crm_db:
                source:
                  type: sqlite
                  properties: {database_path: "%s"}
              files:
                source:
                  type: filesystem
                  properties: {path: "%s"}
              files_pii:
                inputs: files
                process: {type: personal_data}
                output: true
            """
                .formatted(database, files));

    try (DevServer server =
            DevServer.start(binary.get(), freePort(), freePort(), dir.resolve("temporal.db"));
        ArtifactStore artifacts = new FileSystemArtifactStore(store)) {
      WorkflowServiceStubs service =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(server.address()).build());
      WorkerFactory workers = WorkerFactory.newInstance(WorkflowClient.newInstance(service));
      WctWorkers.register(
          workers.newWorker(WctWorkers.TASK_QUEUE, WctWorkers.WORKER_OPTIONS),
          new ProducerEnvironment(artifacts, ComponentCatalog.discover(), System::getenv, dir));
      workers.start();
      try {
        Cli.Result first =
            Cli.run(
                "run",
                runbook.toString(),
                "--store",
                store.toString(),
                "--quiet",
                "--temporal",
                server.address());
        assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(1);
        String failed = first.out().lines().findFirst().orElseThrow().split("[ :]")[1];

        try (Connection connection =
                new org.sqlite.JDBC()
                    .connect("jdbc:sqlite:" + database, new java.util.Properties());
            Statement statement = connection.createStatement()) {
          statement.execute("create table customers (email text)");
          statement.execute("insert into customers values ('john.smith@example.org')");
        }
        Cli.Result retry =
            Cli.run(
                "retry",
                failed,
                "--store",
                store.toString(),
                "--quiet",
                "--temporal",
                server.address());

        assertThat(retry.exitCode()).as(retry.out() + retry.err()).isZero();
        assertThat(retry.out())
            .contains("Retrying run " + failed + ": 2 reused, 1 to run again (crm_db)");
        String retried =
            retry
                .out()
                .lines()
                .filter(l -> l.matches("Run \\S+ completed"))
                .findFirst()
                .orElseThrow()
                .split(" ")[1];
        JsonNode inspected =
            Json.mapper()
                .readTree(Cli.run("inspect", retried, "--store", store.toString(), "--json").out());
        assertThat(inspected.path("run").path("retry_of").asText()).isEqualTo(failed);
        assertThat(inspected.path("artifacts").findValuesAsText("reused_from"))
            .containsExactly(failed, failed);
      } finally {
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
        service.shutdownNow();
      }
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
