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
  private final ArtifactRecord previous;

  ArtifactRecorder(
      RunRecords records, String runId, String artifactId, String producer, int attempt) {
    this.records = records;
    this.runId = runId;
    this.artifactId = artifactId;
    this.producer = producer;
    this.attempt = attempt;
    this.previous = attempt > 1 ? records.artifact(runId, artifactId).orElse(null) : null;
    this.startedAt =
        previous != null && previous.startedAt() != null ? previous.startedAt() : Instant.now();
  }

  String runId() {
    return runId;
  }

  /** Running this attempt; a retry keeps showing the error of the attempt before. */
  void running() {
    if (previous != null && previous.state() == ArtifactState.RUNNING) {
      save(ArtifactState.RUNNING, null, previous.error(), previous.errorKind(), null);
    } else {
      save(ArtifactState.RUNNING, null, null, null, null);
    }
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
