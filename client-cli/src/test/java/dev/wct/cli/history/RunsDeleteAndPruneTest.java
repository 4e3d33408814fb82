package dev.wct.cli.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.core.run.RunStatus;
import dev.wct.store.runs.RunRecord;
import dev.wct.store.runs.RunRecords;
import dev.wct.store.runs.SourceDeletion;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wct runs delete} and {@code wct runs prune}, through the command line. */
class RunsDeleteAndPruneTest {
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @TempDir Path dir;
  private SeededStore seeded;
  private RunRecords records;
  private String store;

  @BeforeEach
  void seedRuns() {
    seeded = new SeededStore(dir.resolve(".wct"));
    records = new RunRecords(seeded.store());
    store = seeded.root().toString();
    run("ended-100d", RunStatus.COMPLETED, 100, null);
    run("failed-100d", RunStatus.FAILED, 100, null);
    run("ended-10d", RunStatus.COMPLETED, 10, null);
    run("kept-30d-ended-40d", RunStatus.COMPLETED, 40, Duration.ofDays(30));
    run("kept-60d-ended-40d", RunStatus.COMPLETED, 40, Duration.ofDays(60));
    run("running-200d", RunStatus.RUNNING, 200, Duration.ofDays(1));
  }

  private void run(String runId, RunStatus status, int endedDaysAgo, Duration retention) {
    Instant ended = NOW.minus(Duration.ofDays(endedDaysAgo));
    records.saveRun(
        new RunRecord(
            runId,
            "wct-run-" + runId,
            "Scan",
            "scan.yaml",
            "hash",
            1,
            ended.minusSeconds(60),
            status == RunStatus.RUNNING ? null : ended,
            status,
            null,
            retention));
    seeded.succeeded(
        runId, "personal_data", SeededStore.PERSONAL_DATA, SeededStore.object(), List.of());
  }

  private List<String> runsLeft() {
    return seeded.store().listRuns();
  }

  @Test
  void deleteRemovesEveryArtifactAndRecordOfTheGivenRuns() {
    Cli.Result result = Cli.run("runs", "delete", "ended-100d", "ended-10d", "--store", store);

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("Deleted run ended-100d\nDeleted run ended-10d\n");
    assertThat(runsLeft())
        .containsExactly("failed-100d", "kept-30d-ended-40d", "kept-60d-ended-40d", "running-200d");
    assertThat(dir.resolve(".wct/runs/ended-100d")).doesNotExist();
    assertThat(Cli.run("runs", "--store", store).out()).doesNotContain("ended-100d");
  }

  @Test
  void deleteRefusesARunningRunInOneLineAndDeletesNothing() {
    Cli.Result result = Cli.run("runs", "delete", "ended-10d", "running-200d", "--store", store);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "wct: run running-200d is still running and is not deleted: cancel it or wait until"
                + " it ends; nothing was deleted\n");
    assertThat(runsLeft()).contains("ended-10d", "running-200d");
  }

  @Test
  void deleteOfAnUnknownRunIsOneLineWithAHint() {
    Cli.Result result = Cli.run("runs", "delete", "ended-10", "--store", store);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip())
        .startsWith("wct: no run 'ended-10' in store ")
        .contains("(did you mean 'ended-10d'?)")
        .endsWith("; nothing was deleted")
        .hasLineCount(1);
  }

  @Test
  void deleteOfAnUnsafeRunIdIsRefusedInOneLine() {
    Cli.Result result = Cli.run("runs", "delete", "../x", "--store", store);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip()).startsWith("wct: ").contains("run ID").hasLineCount(1);
  }

  @Test
  void pruneDeletesRunsThatEndedLongerAgoThanTheAgeButNeverARunningOne() {
    Cli.Result result = Cli.run("runs", "prune", "--older-than", "90d", "--store", store);

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("Deleted run ended-100d (completed, ended ")
        .contains("Deleted run failed-100d (failed, ended ")
        .contains(", kept 90d)")
        .contains("2 runs deleted from store ");
    assertThat(runsLeft())
        .containsExactly("ended-10d", "kept-30d-ended-40d", "kept-60d-ended-40d", "running-200d");
  }

  @Test
  void pruneWithAStatusDeletesOnlyRunsWithThatStatus() {
    Cli.Result result =
        Cli.run("runs", "prune", "--older-than", "90d", "--status", "failed", "--store", store);

    assertThat(result.exitCode()).isZero();
    assertThat(runsLeft()).doesNotContain("failed-100d").contains("ended-100d");
  }

  @Test
  void pruneWithoutAnAgeAppliesEachRunsOwnRetention() {
    Cli.Result result = Cli.run("runs", "prune", "--store", store);

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("Deleted run kept-30d-ended-40d (completed, ended ")
        .contains("kept 30d by its runbook's config.retention)")
        .contains("1 run deleted from store ");
    assertThat(runsLeft())
        .containsExactly(
            "ended-100d", "ended-10d", "failed-100d", "kept-60d-ended-40d", "running-200d");
  }

  @Test
  void dryRunListsWhatWouldGoAndDeletesNothing() {
    Cli.Result result =
        Cli.run("runs", "prune", "--older-than", "30d", "--dry-run", "--store", store);

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("Would delete run ended-100d")
        .contains("Would delete run kept-60d-ended-40d")
        .doesNotContain("running-200d")
        .contains("4 runs would be deleted (dry run: nothing was deleted).");
    assertThat(runsLeft()).hasSize(6);
  }

  @Test
  void pruneRefusesToTargetRunningRuns() {
    Cli.Result result = Cli.run("runs", "prune", "--status", "running", "--store", store);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("wct: --status running: running runs are never deleted\n");
  }

  @Test
  void aBadAgeIsOneLineNamingTheOption() {
    Cli.Result result = Cli.run("runs", "prune", "--older-than", "soon", "--store", store);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip())
        .contains("--older-than")
        .contains("expected a positive age such as 90d, 12h or 30m, got 'soon'")
        .doesNotContain("Exception");
    assertThat(runsLeft()).hasSize(6);
  }

  @Test
  void pruneHelpSaysTheDefaultIsEachRunsRetention() {
    Cli.Result result = Cli.run("runs", "prune", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("--older-than=AGE")
        .contains("default: each")
        .contains("config.retention")
        .contains("Running runs are never deleted.");
  }

  @Test
  void inspectSaysWhichSourcesWereDeletedAndThatADeletedOneIsGone() {
    records.saveSourceDeletion(new SourceDeletion("ended-10d", List.of("files"), NOW));

    Cli.Result run = Cli.run("inspect", "ended-10d", "--store", store);
    Cli.Result artifact = Cli.run("inspect", "ended-10d", "files", "--store", store);

    assertThat(run.out())
        .contains("Deleted   raw sources at run end: files (config.keep_sources keeps them)");
    assertThat(artifact.exitCode()).isEqualTo(2);
    assertThat(artifact.err())
        .isEqualTo(
            "wct: artifact 'files' of run 'ended-10d' was deleted when the run ended: raw"
                + " sources are not kept (set 'config.keep_sources: true' in the runbook to keep"
                + " them)\n");
  }

  @Test
  void inspectShowsTheRecordedRetention() {
    assertThat(Cli.run("inspect", "kept-30d-ended-40d", "--store", store).out())
        .contains("Retention 30d after the run ended");
  }

  @Test
  void anOutputThatWasADeletedRawSourceExportsAsDeletedNotAsAnError() throws Exception {
    seeded.plan("ended-10d", List.of("files", "personal_data"), List.of("files"));
    records.saveSourceDeletion(new SourceDeletion("ended-10d", List.of("files"), NOW));
    seeded.succeeded(
        "ended-10d", "files", SeededStore.STANDARD_INPUT, SeededStore.object(), List.of());
    seeded.store().delete("ended-10d", "files");

    Cli.Result result = Cli.run("export", "ended-10d", "--store", store);

    assertThat(result.exitCode()).as(result.err()).isZero();
    com.fasterxml.jackson.databind.JsonNode files =
        dev.wct.spi.json.Json.mapper().readTree(result.out()).path("outputs").get(0);
    assertThat(files.path("id").asText()).isEqualTo("files");
    assertThat(files.has("content")).isFalse();
    assertThat(files.path("deleted").asText())
        .isEqualTo(SourceDeletion.deletedMessage("ended-10d", "files"));
  }
}
