package dev.wct.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.cli.history.Cli;
import dev.wct.engine.server.DevServer;
import dev.wct.spi.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detached runs on the real Temporal dev server, with the producers in a separate worker process:
 * {@code submit} returns at once, {@code status} looks, {@code watch} follows to the end, {@code
 * cancel} stops a slow run, and SIGTERM only detaches {@code wct run --address}.
 */
@Tag("integration")
class DetachedRunsOnDevServerTest {
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @TempDir static Path dir;
  private static Path store;
  private static DevServer server;
  private static Process worker;
  private static List<String> workerOut;

  @BeforeAll
  static void startServerAndWorker() throws Exception {
    Optional<Path> binary = DevServer.findBinary();
    assumeTrue(binary.isPresent(), "no Temporal CLI (scripts/temporal-cli builds it)");
    server = DevServer.start(binary.get(), freePort(), freePort(), dir.resolve("temporal.db"));
    store = dir.resolve("store");
    Path scanned = Files.createDirectories(dir.resolve("webapp"));
    Files.writeString(scanned.resolve("users.php"), "<?php\n$email = 'jane.doe@example.com';\n");
    worker =
        ClusterProcesses.start(
            ClusterProcesses.Worker.class,
            Map.of("SCAN_DIR", scanned.toString()),
            server.address(),
            store.toString());
    workerOut = ClusterProcesses.collect(worker.getInputStream(), "worker-out");
    ClusterProcesses.collect(worker.getErrorStream(), "worker-err");
    await("the worker polls", () -> workerOut.contains("worker ready"));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (worker != null) {
      worker.destroy();
      worker.waitFor(30, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void submitReturnsAtOnceAndStatusAndWatchFollowTheRunToItsEnd() throws Exception {
    Cli.Result submit = wct("submit", scanRunbook().toString());

    assertThat(submit.exitCode()).as(submit.err()).isZero();
    String runId = submit.out().strip();
    assertThat(runId).matches("\\d{8}-\\d{6}-[0-9a-f]{6}");
    assertThat(submit.err())
        .contains("wct: submitted Run " + runId + ": Cluster scan (2 artifacts)")
        .contains("watch " + runId);

    Cli.Result look = wct("status", runId);
    assertThat(look.exitCode()).as(look.out() + look.err()).isIn(0, 4);
    assertThat(look.out()).startsWith("Run " + runId + ": Cluster scan\nStatus: ");

    Cli.Result watch = wct("watch", runId, "--quiet");
    assertThat(watch.exitCode()).as(watch.out() + watch.err()).isZero();
    assertThat(watch.out())
        .contains("Run " + runId + " completed")
        .containsPattern("personal_data +succeeded +1 ");
    assertThat(store.resolve("runs/" + runId + "/_system/results.json")).exists();

    Cli.Result after = wct("status", runId, "--json");
    assertThat(after.exitCode()).as(after.err()).isZero();
    JsonNode json = Json.mapper().readTree(after.out());
    assertThat(json.path("status").asText()).isEqualTo("completed");
    assertThat(json.path("summary").path("succeeded").asInt()).isEqualTo(2);
  }

  @Test
  void statusFallsBackToTheStoreWhenTemporalIsUnreachable() throws Exception {
    Cli.Result submit = wct("submit", scanRunbook().toString());
    String runId = submit.out().strip();
    assertThat(wct("watch", runId, "--quiet").exitCode()).isZero();

    Cli.Result look =
        Cli.runWith(
            ClusterProcesses.context(),
            "status",
            runId,
            "--address",
            "127.0.0.1:" + freePort(),
            "--store",
            store.toString());

    assertThat(look.exitCode()).as(look.err()).isZero();
    assertThat(look.out())
        .contains("Status: completed (from the run records in store " + store + ")")
        .contains("Note: cannot reach Temporal at 127.0.0.1:");
  }

  @Test
  void cancelStopsASlowRunAndASecondCancelSaysItIsOver() throws Exception {
    String runId = wct("submit", slowRunbook(120).toString()).out().strip();
    awaitRunning(runId);

    Cli.Result cancel = wct("cancel", runId);

    assertThat(cancel.exitCode()).as(cancel.err()).isZero();
    assertThat(cancel.out())
        .contains("Cancellation of run " + runId + " requested")
        .contains("Run " + runId + " ended: workflow canceled");
    Cli.Result look = wct("status", runId);
    assertThat(look.exitCode()).isEqualTo(1);
    assertThat(look.out()).contains("Status: cancelled");

    Cli.Result again = wct("cancel", runId);
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err().strip())
        .isEqualTo("wct: run " + runId + " is over (workflow canceled): nothing to cancel");
  }

  @Test
  void anUnknownRunIsOneLineForStatusWatchAndCancel() {
    for (String command : List.of("status", "watch", "cancel")) {
      Cli.Result result = wct(command, "20200101-000000-abcdef");
      assertThat(result.exitCode()).as(command).isEqualTo(2);
      assertThat(result.err().strip())
          .as(command)
          .startsWith("wct: no run 20200101-000000-abcdef at Temporal " + server.address());
    }
  }

  @Test
  void sigtermDetachesWctRunAndTheRunStillCompletes() throws Exception {
    Process run =
        ClusterProcesses.start(
            ClusterProcesses.Cli.class,
            Map.of(),
            "run",
            slowRunbook(6).toString(),
            "--address",
            server.address(),
            "--store",
            store.toString());
    List<String> out = ClusterProcesses.collect(run.getInputStream(), "run-out");
    List<String> err = ClusterProcesses.collect(run.getErrorStream(), "run-err");
    await("wct run names its run", () -> out.stream().anyMatch(l -> l.startsWith("Run ")));
    String headline = out.stream().filter(l -> l.startsWith("Run ")).findFirst().orElseThrow();
    String runId = headline.substring("Run ".length(), headline.indexOf(':'));
    awaitRunning(runId);

    // SIGTERM; Process.destroy() would also close the pipes we read its last words from
    run.toHandle().destroy();
    assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(run.exitValue()).as(String.join("\n", err)).isEqualTo(4);
    await("wct run's last words are read", () -> err.stream().anyMatch(l -> l.contains("watch")));
    assertThat(String.join("\n", err))
        .contains("wct: detached; run " + runId + " goes on on the cluster.")
        .contains("watch " + runId + " --address " + server.address());
    Cli.Result watch = wct("watch", runId, "--quiet");
    assertThat(watch.exitCode()).as(watch.out() + watch.err()).isZero();
    assertThat(watch.out()).contains("Run " + runId + " completed");
  }

  /** A wct command against the dev server, and the workers' store (cancel has none). */
  private static Cli.Result wct(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(List.of("--address", server.address()));
    if (!args[0].equals("cancel")) {
      all.addAll(List.of("--store", store.toString()));
    }
    return Cli.runWith(ClusterProcesses.context(), all.toArray(String[]::new));
  }

  /** Waits until the run's slow source is running, as {@code wct status --json} says. */
  private static void awaitRunning(String runId) throws InterruptedException {
    await(
        "run " + runId + " has a running artifact",
        () -> {
          Cli.Result look = wct("status", runId, "--json");
          try {
            return Json.mapper().readTree(look.out()).path("summary").path("running").asInt() > 0;
          } catch (IOException notYet) {
            return false;
          }
        });
  }

  private static void await(String what, BooleanSupplier done) throws InterruptedException {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (!done.getAsBoolean()) {
      assertThat(Instant.now()).as("waiting until " + what).isBefore(deadline);
      Thread.sleep(250);
    }
  }

  private static Path scanRunbook() throws IOException {
    return Files.writeString(
        dir.resolve("scan.yaml"),
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

  private static Path slowRunbook(int seconds) throws IOException {
    return Files.writeString(
        dir.resolve("slow-" + seconds + ".yaml"),
        """
        name: "Slow"
        description: "A source that takes its time"
        artifacts:
          slow_db:
            source:
              type: test_slow
              properties:
                seconds: %d
        """
            .formatted(seconds));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
