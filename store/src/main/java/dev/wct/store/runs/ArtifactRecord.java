package dev.wct.store.runs;

import dev.wct.core.run.ArtifactRef;
import dev.wct.core.run.ArtifactState;
import java.time.Instant;
import java.util.Objects;

/**
 * What is remembered of one artifact of a run.
 *
 * @param runId the run
 * @param artifactId the artifact
 * @param producer a label such as {@code connector mysql}
 * @param state where it stands
 * @param attempts producer attempts so far
 * @param startedAt first attempt start; null if never started
 * @param endedAt when it reached a final state; null before
 * @param error the last error, one line; null if none
 * @param errorKind the ErrorKind name of that error; null if none
 * @param skipReason why it was skipped; null unless skipped
 * @param output the stored artifact; null unless succeeded
 */
public record ArtifactRecord(
    String runId,
    String artifactId,
    String producer,
    ArtifactState state,
    int attempts,
    Instant startedAt,
    Instant endedAt,
    String error,
    String errorKind,
    String skipReason,
    ArtifactRef output) {
  public ArtifactRecord {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(artifactId, "artifactId");
    Objects.requireNonNull(state, "state");
  }

  /** Milliseconds from start to end, or null while unfinished or never started. */
  public Long durationMillis() {
    return startedAt == null || endedAt == null
        ? null
        : endedAt.toEpochMilli() - startedAt.toEpochMilli();
  }
}
