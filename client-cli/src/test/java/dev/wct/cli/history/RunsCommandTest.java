package dev.wct.cli.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.spi.json.Json;
import dev.wct.core.run.RunStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsCommandTest {
  @TempDir Path dir;
  private SeededStore seeded;
  private String store;

  @BeforeEach
  void seedThreeRuns() {
    seeded = new SeededStore(dir.resolve(".wct"));
    store = seeded.root().toString();
    Instant t0 = Instant.parse("2026-11-20T09:00:00Z");
    seeded.run("run-old", "Old scan", RunStatus.COMPLETED, t0, Duration.ofSeconds(3));
    seeded.succeeded(
        "run-old", "files", SeededStore.STANDARD_INPUT, SeededStore.object(), List.of());
    seeded.run(
        "run-mid",
        "Shop scan",
        RunStatus.FAILED,
        t0.plus(Duration.ofDays(1)),
        Duration.ofMinutes(2));
    seeded.failed("run-mid", "files", "filesystem: path '/nope' does not exist", 1);
    seeded.skipped("run-mid", "personal_data", "input 'files' failed");
    seeded.run(
        "run-new", "Shop scan", RunStatus.RUNNING, t0.plus(Duration.ofDays(2)), Duration.ZERO);
  }

  @Test
  void listsRunsNewestFirstWithTheirArtifactCounts() {
    Cli.Result result = Cli.run("runs", "--store", store);

    assertThat(result.exitCode()).isZero();
    List<String> lines = result.out().lines().toList();
    assertThat(lines.get(0))
        .startsWith("RUN ID")
        .contains("RUNBOOK", "STATUS", "STARTED", "DURATION", "SUCCEEDED", "FAILED", "SKIPPED");
    assertThat(lines.subList(1, lines.size()))
        .extracting(line -> line.split("\\s{2,}")[0])
        .containsExactly("run-new", "run-mid", "run-old");
    assertThat(lines.get(2).split("\\s{2,}"))
        .containsExactly(
            "run-mid", "Shop scan", "failed", "2026-11-21T09:00:00Z", "2m 00s", "0", "1", "1");
    assertThat(lines.get(1)).contains("running", "-");
  }

  @Test
  void statusFilterKeepsOnlyMatchingRuns() {
    Cli.Result result = Cli.run("runs", "--store", store, "--status", "failed");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("run-mid").doesNotContain("run-old", "run-new");
  }

  @Test
  void limitShowsTheNewestAndSaysHowManyMoreThereAre() {
    Cli.Result result = Cli.run("runs", "--store", store, "--limit", "1");

    assertThat(result.out()).contains("run-new").doesNotContain("run-mid");
    assertThat(result.out()).contains("(1 of 3 runs shown; --limit N shows more)");
  }

  @Test
  void unknownStatusIsAUsageErrorWithAHint() {
    Cli.Result result = Cli.run("runs", "--store", store, "--status", "faild");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip())
        .startsWith("wct: unknown status 'faild' (did you mean 'failed'?)")
        .doesNotContain("Exception");
  }

  @Test
  void emptyStoreSaysSo() {
    Cli.Result result = Cli.run("runs", "--store", dir.resolve("empty").toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().strip()).startsWith("No runs in store ").endsWith("empty.");
  }

  @Test
  void jsonListsRunsWithRunbookAndSummary() throws Exception {
    Cli.Result result = Cli.run("runs", "--store", store, "--json");

    JsonNode runs = Json.mapper().readTree(result.out());
    assertThat(runs).hasSize(3);
    JsonNode mid = runs.get(1);
    assertThat(mid.path("id").asText()).isEqualTo("run-mid");
    assertThat(mid.path("status").asText()).isEqualTo("failed");
    assertThat(mid.path("duration_ms").asLong()).isEqualTo(120_000);
    assertThat(mid.path("runbook").path("name").asText()).isEqualTo("Shop scan");
    assertThat(mid.path("summary").path("failed").asInt()).isEqualTo(1);
    assertThat(mid.path("summary").path("skipped").asInt()).isEqualTo(1);
  }
}
