package dev.wct.activities.producer;

import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactRef;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.run.CoverageSummary;
import dev.wct.store.runs.RunRecords;
import java.util.List;

/** Writes the record of the artifact a producer activity is working on. */
final class ArtifactRecorder {
  private final RunRecords records;
  private final String runId;
  private final String artifactId;
  private final String producer;
  private final int attempt;
  private final long startedAt;
  private final ArtifactOutcome previous;

  ArtifactRecorder(
      RunRecords records, String runId, String artifactId, String producer, int attempt) {
    this.records = records;
    this.runId = runId;
    this.artifactId = artifactId;
    this.producer = producer;
    this.attempt = attempt;
    this.previous = attempt > 1 ? records.artifact(runId, artifactId).orElse(null) : null;
    this.startedAt =
        previous != null && previous.startedAtMillis() != null
            ? previous.startedAtMillis()
            : System.currentTimeMillis();
  }

  String runId() {
    return runId;
  }

  /** Running this attempt; a retry keeps showing the error of the attempt before. */
  void running() {
    ArtifactOutcome running = ArtifactOutcome.running(artifactId, producer, attempt, startedAt);
    records.saveArtifact(
        runId,
        previous != null && previous.state() == ArtifactState.RUNNING
            ? running.withLastError(previous.error(), previous.errorKind())
            : running);
  }

  /** A failed attempt that will be retried: still running, with the last error. */
  void retrying(String error, String errorKind) {
    records.saveArtifact(
        runId,
        ArtifactOutcome.running(artifactId, producer, attempt, startedAt)
            .withLastError(error, errorKind));
  }

  void failed(String error, String errorKind) {
    records.saveArtifact(
        runId,
        ArtifactOutcome.failed(
            artifactId,
            producer,
            error,
            errorKind,
            attempt,
            startedAt,
            System.currentTimeMillis()));
  }

  void succeeded(ArtifactRef output, CoverageSummary coverage, List<String> warnings) {
    records.saveArtifact(runId, succeededOutcome(output, coverage, warnings));
  }

  /** The record of this attempt's success, for a caller that saves it with the artifact. */
  ArtifactOutcome succeededOutcome(
      ArtifactRef output, CoverageSummary coverage, List<String> warnings) {
    return ArtifactOutcome.succeeded(
        artifactId,
        producer,
        output,
        attempt,
        startedAt,
        System.currentTimeMillis(),
        coverage,
        warnings);
  }
}
