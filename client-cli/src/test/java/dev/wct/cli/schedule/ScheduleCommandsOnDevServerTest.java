package dev.wct.cli.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wct.activities.worker.ProducerEnvironment;
import dev.wct.activities.worker.WctWorkers;
import dev.wct.cli.history.Cli;
import dev.wct.engine.server.DevServer;
import dev.wct.spi.ComponentCatalog;
import dev.wct.store.fs.FileSystemArtifactStore;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wct schedule}, {@code wct setup} and {@code wct runs --temporal} as a user types them,
 * against the real dev server with a wct worker in this JVM.
 */
@Tag("integration")
class ScheduleCommandsOnDevServerTest {
  @TempDir static Path dir;
  private static DevServer server;
  private static WorkflowServiceStubs service;
  private static WorkerFactory workers;
  private static Path store;

  @BeforeAll
  static void startServerAndWorker() throws IOException {
    Optional<Path> binary = DevServer.findBinary();
    assumeTrue(binary.isPresent(), "no Temporal CLI (scripts/temporal-cli builds it)");
    server = DevServer.start(binary.get(), freePort(), freePort(), dir.resolve("temporal.db"));
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(server.address()).build());
    workers = WorkerFactory.newInstance(WorkflowClient.newInstance(service));
    store = dir.resolve("store");
    WctWorkers.register(
        workers.newWorker(WctWorkers.TASK_QUEUE, WctWorkers.WORKER_OPTIONS),
        new ProducerEnvironment(
            new FileSystemArtifactStore(store), ComponentCatalog.discover(), name -> null, dir));
    workers.start();
  }

  @AfterAll
  static void stop() {
    if (workers != null) {
      workers.shutdownNow();
    }
    if (service != null) {
      service.shutdownNow();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aScheduledScanRunsAndAFailedRunIsFoundByItsStatus() throws IOException {
    String address = server.address();
    Path scan = runbook("scan.yaml", "scan", folder().toString());
    Path broken = runbook("broken.yaml", "broken_scan", dir.resolve("missing").toString());

    Cli.Result setup = Cli.run("setup", "--temporal", address);
    assertThat(setup.out()).contains("already has wct's search attributes");

    Cli.Result failed =
        Cli.run("run", broken.toString(), "--temporal", address, "--store", store.toString());
    assertThat(failed.exitCode()).as(failed.err()).isEqualTo(1);

    Cli.Result created =
        Cli.run(
            "schedule",
            "create",
            "daily",
            scan.toString(),
            "--cron",
            "0 3 * * *",
            "--timezone",
            "Europe/Paris",
            "--temporal",
            address);
    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.out())
        .startsWith("Schedule daily created: runbook scan (plan ")
        .contains("cron '0 3 * * *' (Europe/Paris), overlap skip")
        .contains("Next: ");

    assertThat(Cli.run("schedule", "trigger", "daily", "--temporal", address).out())
        .contains("Schedule daily triggered");
    String runs =
        await(
            () ->
                Cli.run(
                        "runs",
                        "--temporal",
                        address,
                        "--schedule",
                        "daily",
                        "--status",
                        "completed")
                    .out(),
            out -> out.contains("-daily "));
    assertThat(runs).contains("scan").contains("completed").contains(" daily");

    Cli.Result described = Cli.run("schedule", "describe", "daily", "--temporal", address);
    assertThat(described.out())
        .contains("Runbook:    scan (" + scan.toAbsolutePath().normalize() + ")")
        .contains("When:       cron '0 3 * * *' (Europe/Paris)")
        .contains("Recent runs:")
        .containsPattern("\\d{8}-\\d{6}-daily +completed");
    assertThat(Cli.run("schedule", "list", "--temporal", address).out())
        .containsPattern("daily +scan +cron '0 3 \\* \\* \\*' \\(Europe/Paris\\) +skip +active");

    assertThat(
            Cli.run("schedule", "pause", "daily", "--note", "audit week", "--temporal", address)
                .out())
        .contains("Schedule daily paused: audit week");
    assertThat(Cli.run("schedule", "describe", "daily", "--temporal", address).out())
        .contains("State:      paused (audit week)");

    Cli.Result updated =
        Cli.run("schedule", "update", "daily", "--every", "12h", "--temporal", address);
    assertThat(updated.exitCode()).as(updated.err()).isZero();
    assertThat(updated.out())
        .containsPattern("Schedule daily updated: runbook scan \\(plan \\w+, unchanged\\),")
        .contains("every 12h, overlap skip, paused");

    Cli.Result failures =
        Cli.run("runs", "--temporal", address, "--status", "failed", "--since", "1d");
    assertThat(failures.out())
        .containsPattern("broken_scan +failed .* 1 +-")
        .doesNotContain("daily");

    assertThat(Cli.run("schedule", "delete", "daily", "--temporal", address).out())
        .contains("Schedule daily deleted; its runs stay");
    Cli.Result gone = Cli.run("schedule", "describe", "daily", "--temporal", address);
    assertThat(gone.exitCode()).isEqualTo(2);
    assertThat(gone.err()).isEqualTo("wct: no schedule 'daily' (wct schedule list shows them)\n");
  }

  @Test
  void badScheduleInputIsOneLineNamingIt() throws IOException {
    Path scan = runbook("scan2.yaml", "scan", folder().toString());
    String address = server.address();

    Cli.Result both =
        Cli.run(
            "schedule",
            "create",
            "x",
            scan.toString(),
            "--cron",
            "* * * * *",
            "--every",
            "1h",
            "--temporal",
            address);
    assertThat(both.err()).isEqualTo("wct: give exactly one of --cron EXPR and --every DURATION\n");
    Cli.Result overlap =
        Cli.run(
            "schedule",
            "create",
            "x",
            scan.toString(),
            "--every",
            "1h",
            "--overlap",
            "sometimes",
            "--temporal",
            address);
    assertThat(overlap.err())
        .startsWith("wct: --overlap: unknown policy 'sometimes'; one of: skip");
    Cli.Result cron =
        Cli.run(
            "schedule",
            "create",
            "x",
            scan.toString(),
            "--cron",
            "every monday",
            "--temporal",
            address);
    assertThat(cron.exitCode()).isEqualTo(2);
    assertThat(cron.err()).startsWith("wct: schedule 'x': the server refused it: ").hasLineCount(1);
    Cli.Result noServer = Cli.run("schedule", "list");
    assertThat(noServer.err()).startsWith("wct: schedules live on a Temporal server");
  }

  private static Path folder() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("files"));
    Files.writeString(folder.resolve("users.php"), "<?php\n$mail = 'jane.doe@example.com';\n");
    return folder;
  }

  private static Path runbook(String file, String name, String path) throws IOException {
    return Files.writeString(
        dir.resolve(file),
        """
        name: %s
        description: "A folder's personal data"
        artifacts:
          files:
            source:
              type: filesystem
              properties:
                path: "%s"
          personal_data:
            inputs: files
            process:
              type: personal_data
        """
            .formatted(name, path));
  }

  private static String await(Supplier<String> query, java.util.function.Predicate<String> done) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    String last = query.get();
    while (!done.test(last) && Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      last = query.get();
    }
    return last;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
