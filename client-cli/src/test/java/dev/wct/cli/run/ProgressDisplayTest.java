package dev.wct.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactRef;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.run.RunStatus;
import dev.wct.spi.message.SchemaRef;
import dev.wct.workflows.partition.PartitionsDone;
import dev.wct.workflows.run.RunProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
  private final AtomicLong clock = new AtomicLong(1_000_000);
  private final StringWriter text = new StringWriter();
  private final PrintWriter out = new PrintWriter(text);

  @Test
  void plainProgressPrintsOneLinePerStateChangeWithElapsedTime() {
    PlainProgress display = new PlainProgress(out, clock::get);

    display.update(progress(running("files"), waiting("personal_data")));
    clock.addAndGet(1200);
    display.update(progress(running("files"), waiting("personal_data")));
    display.update(progress(succeeded("files", 3, 1229), running("personal_data")));
    clock.addAndGet(300);
    display.update(
        progress(succeeded("files", 3, 1229), failed("personal_data", "bad ruleset", 3)));
    display.close();

    assertThat(text.toString().lines())
        .containsExactly(
            "[   0ms] files          running",
            "[  1.2s] files          succeeded  (3 items, 1.2 KiB)",
            "[  1.2s] personal_data  running",
            "[  1.5s] personal_data  failed     bad ruleset (after 3 attempts)");
  }

  @Test
  void plainProgressReportsSkipsWithTheirReason() {
    PlainProgress display = new PlainProgress(out, clock::get);

    display.update(progress(failed("db", "refused", 1), skipped("pd", "input 'db' failed")));

    assertThat(text.toString().lines())
        .containsExactly(
            "[   0ms] db  failed     refused", "[   0ms] pd  skipped    (input 'db' failed)");
  }

  @Test
  void terminalProgressRewritesOneStatusLineAndScrollsFinishedArtifacts() {
    TerminalProgress display = new TerminalProgress(out, clock::get);

    display.update(progress(running("files"), running("db"), waiting("pd")));
    clock.addAndGet(2000);
    display.update(progress(succeeded("files", 1, 10), running("db"), waiting("pd")));
    display.close();

    assertThat(text.toString())
        .isEqualTo(
            "0/3 done, 0ms | running: files, db"
                + "\r\033[K"
                + "[  2.0s] files  succeeded  (1 item, 10 B)"
                + System.lineSeparator()
                + "1/3 done, 2.0s | running: db"
                + "\r\033[K");
  }

  @Test
  void aPartitionedArtifactShowsItsPartitionsDoneOfTotal() {
    PlainProgress plain = new PlainProgress(out, clock::get);
    RunProgress twelve = withPartitions(progress(running("files"), waiting("pd")), 12, 30);

    plain.update(withPartitions(progress(running("files"), waiting("pd")), 0, 30));
    plain.update(twelve);
    plain.update(twelve);

    assertThat(text.toString().lines())
        .containsExactly("[   0ms] files  running", "[   0ms] files  running    12/30 partitions");
    assertThat(TerminalProgress.status(twelve, 0))
        .isEqualTo("0/2 done, 0ms | running: files 12/30 partitions");
  }

  private static RunProgress withPartitions(RunProgress progress, int done, int total) {
    return new RunProgress(
        progress.runId(),
        progress.status(),
        progress.waiting(),
        progress.running(),
        progress.succeeded(),
        progress.failed(),
        progress.skipped(),
        progress.artifacts(),
        List.of(new PartitionsDone("files", done, total)));
  }

  @Test
  void statusLineNamesOnlyAsManyRunningArtifactsAsFit() {
    List<ArtifactOutcome> many =
        java.util.stream.IntStream.range(0, 30).mapToObj(i -> running("artifact_" + i)).toList();

    String status = TerminalProgress.status(progress(many.toArray(ArtifactOutcome[]::new)), 0);

    assertThat(status).startsWith("0/30 done, 0ms | running: artifact_0, artifact_1");
    assertThat(status).matches(".* \\(\\+\\d+\\)$");
    assertThat(status.length()).isLessThanOrEqualTo(100);
  }

  private static RunProgress progress(ArtifactOutcome... artifacts) {
    int[] counts = new int[ArtifactState.values().length];
    for (ArtifactOutcome a : artifacts) {
      counts[a.state().ordinal()]++;
    }
    return new RunProgress(
        "run-1",
        RunStatus.RUNNING,
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        counts[4],
        List.of(artifacts));
  }

  private static ArtifactOutcome waiting(String id) {
    return ArtifactOutcome.waiting(id, "p");
  }

  private static ArtifactOutcome running(String id) {
    return ArtifactOutcome.running(id, "p", 0, 1L);
  }

  private static ArtifactOutcome succeeded(String id, long items, long bytes) {
    ArtifactRef ref =
        new ArtifactRef(
            "r",
            id,
            "runs/r/artifacts/" + id + ".json",
            SchemaRef.of("standard_input"),
            bytes,
            "00",
            items);
    return ArtifactOutcome.succeeded(id, "p", ref, 1, 1L, 2L);
  }

  private static ArtifactOutcome failed(String id, String error, int attempts) {
    return ArtifactOutcome.failed(id, "p", error, "USER", attempts, 1L, 2L);
  }

  private static ArtifactOutcome skipped(String id, String reason) {
    return ArtifactOutcome.skipped(id, "p", reason, null, 2L);
  }
}
