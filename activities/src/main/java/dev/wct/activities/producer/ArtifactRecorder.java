package dev.wct.activities.producer;

import dev.wct.core.run.ArtifactRef;
import dev.wct.core.run.ArtifactState;
import dev.wct.store.runs.ArtifactRecord;
import dev.wct.store.runs.RunRecords;
import java.time.Instant;

/** Writes the record of the artifact a producer activity is working on. */
final class ArtifactRecorder {
  private final RunRecords records;
  private final String runId;
  private final String artifactId;
  private final String producer;
  private final int attempt;
  private final Instant startedAt;

  ArtifactRecorder(
      RunRecords records, String runId, String artifactId, String producer, int attempt) {
    this.records = records;
    this.runId = runId;
    this.artifactId = artifactId;
    this.producer = producer;
    this.attempt = attempt;
    this.startedAt = firstStart(records, runId, artifactId, attempt);
  }

  private static Instant firstStart(
      RunRecords records, String runId, String artifactId, int attempt) {
    if (attempt > 1) {
      Instant earlier =
          records.artifact(runId, artifactId).map(ArtifactRecord::startedAt).orElse(null);
      if (earlier != null) {
        return earlier;
      }
    }
    return Instant.now();
  }

  void running() {
    save(ArtifactState.RUNNING, null, null, null, null);
  }

  /** A failed attempt that will be retried: still running, with the last error. */
  void retrying(String error, String errorKind) {
    save(ArtifactState.RUNNING, null, error, errorKind, null);
  }

  void failed(String error, String errorKind) {
    save(ArtifactState.FAILED, Instant.now(), error, errorKind, null);
  }

  void succeeded(ArtifactRef output) {
    save(ArtifactState.SUCCEEDED, Instant.now(), null, null, output);
  }

  private void save(
      ArtifactState state, Instant endedAt, String error, String errorKind, ArtifactRef output) {
    records.saveArtifact(
        new ArtifactRecord(
            runId,
            artifactId,
            producer,
            state,
            attempt,
            startedAt,
            endedAt,
            error,
            errorKind,
            null,
            output));
  }
}
