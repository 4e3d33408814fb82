package dev.wct.cli.retry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.cli.history.Cli;
import dev.wct.spi.json.Json;
import dev.wct.store.fs.FileSystemArtifactStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedded run whose process is killed ({@code kill -9}) halfway: {@code wct runs} and {@code
 * wct inspect} show it {@code interrupted}, and {@code wct retry} finishes it, reusing what it had
 * produced.
 */
@Tag("integration")
class InterruptedRunTest {
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @TempDir Path dir;
  private Process child;

  @AfterEach
  void killChild() {
    if (child != null) {
      child.destroyForcibly();
    }
  }

  @Test
  void aKilledEmbeddedRunIsInterruptedAndRetryFinishesIt() throws Exception {
    Path files = Files.createDirectories(dir.resolve("files"));
    Files.writeString(files.resolve("a.txt"), "contact jane.doe@example.com");
    String store = dir.resolve(".wct").toString();
    Path runbook =
        Files.writeString(
            dir.resolve("slow.yaml"),
            """
            name: "Slow"
            description: "A folder read at once and a source that takes its time"
            artifacts:
              files:
                source:
                  type: filesystem
                  properties: {path: "%s"}
              slow:
                source:
                  type: test_wait
                  properties: {seconds: "${WAIT_SECONDS}"}
            """
                .formatted(files));
    child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                WaitingWct.class.getName(),
                "run",
                runbook.toString(),
                "--store",
                store,
                "--quiet",
                "--var",
                "WAIT_SECONDS=600")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    String runId = awaitFilesSucceeded(Path.of(store));

    child.destroyForcibly(); // SIGKILL: no shutdown hook, no final record
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

    Cli.Result runs = Cli.run("runs", "--store", store);
    assertThat(runs.out().lines())
        .anySatisfy(line -> assertThat(line).startsWith(runId).contains(" interrupted "));
    assertThat(Cli.run("runs", "--store", store, "--status", "interrupted").out()).contains(runId);
    assertThat(Cli.run("inspect", runId, "--store", store).out())
        .contains("Status    interrupted (its process died; wct retry " + runId + " continues it)");

    Cli.Result retry =
        Cli.runWith(
            WaitingWct.context(),
            "retry",
            runId,
            "--store",
            store,
            "--quiet",
            "--var",
            "WAIT_SECONDS=0");

    assertThat(retry.exitCode()).as(retry.out() + retry.err()).isZero();
    assertThat(retry.out()).contains("Retrying run " + runId + ": 1 reused, 1 to run again (slow)");
    String retried =
        retry
            .out()
            .lines()
            .filter(l -> l.matches("Run \\S+ completed"))
            .findFirst()
            .orElseThrow()
            .split(" ")[1];
    JsonNode inspected =
        Json.mapper().readTree(Cli.run("inspect", retried, "--store", store, "--json").out());
    assertThat(inspected.path("run").path("retry_of").asText()).isEqualTo(runId);
    assertThat(inspected.path("artifacts").findValuesAsText("reused_from")).containsExactly(runId);
    // The interrupted run stays as it was: interrupted.
    assertThat(Cli.run("runs", "--store", store, "--status", "interrupted").out()).contains(runId);
  }

  /** Waits until the child's run has stored {@code files}; returns the run ID. */
  private String awaitFilesSucceeded(Path store) throws Exception {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (Instant.now().isBefore(deadline)) {
      assertThat(child.isAlive()).as(log()).isTrue();
      Path runs = store.resolve("runs");
      if (Files.isDirectory(runs)) {
        try (var listing = Files.list(runs)) {
          List<Path> found = listing.toList();
          FileSystemArtifactStore reader = new FileSystemArtifactStore(store);
          for (Path run : found) {
            String runId = run.getFileName().toString();
            Optional<byte[]> record = reader.readRecord(runId, "artifacts/files.json");
            if (record.isPresent()
                && new String(record.get(), StandardCharsets.UTF_8).contains("\"SUCCEEDED\"")
                && reader.readRecord(runId, "owner.json").isPresent()) {
              return runId;
            }
          }
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the child's run did not store 'files' in time: " + log());
  }

  private String log() {
    try {
      return Files.readString(dir.resolve("child.log"));
    } catch (java.io.IOException e) {
      return "(no log)";
    }
  }
}
