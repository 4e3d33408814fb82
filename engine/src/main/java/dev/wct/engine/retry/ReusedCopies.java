package dev.wct.engine.retry;

import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactRef;
import dev.wct.spi.error.WctException;
import dev.wct.store.ArtifactStore;
import dev.wct.store.runs.RunRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Puts a retry's reused artifacts into the new run before its workflow starts: each artifact's
 * content copied under the new run (a hard link in a folder store, checked against its checksum),
 * and its artifact and coverage records. A raw source reused as deleted gets only its record: the
 * new run lists it among its deleted sources when it ends. The retried run is only read.
 */
public final class ReusedCopies {
  private final ArtifactStore store;
  private final RunRecords records;

  public ReusedCopies(ArtifactStore store) {
    this.store = Objects.requireNonNull(store, "store");
    this.records = new RunRecords(store);
  }

  /**
   * Copies what {@code retry} reuses into run {@code runId}.
   *
   * @return the reused outcomes as the new run records them: claim checks naming the copies
   * @throws WctException EXTERNAL when an artifact vanished or changed since the retry was planned
   */
  public List<ArtifactOutcome> copy(RetryPlan retry, String runId) {
    String from = retry.retried().runId();
    List<ArtifactOutcome> copies = new ArrayList<>(retry.reused().size());
    for (ArtifactOutcome outcome : retry.reused()) {
      ArtifactRef old = outcome.output();
      if (!retry.deletedSources().contains(outcome.id())
          && store.copy(old.runId(), old.artifactId(), runId, old.sha256()).isEmpty()) {
        throw WctException.external(
            "artifact '"
                + outcome.id()
                + "' of run '"
                + from
                + "' vanished or changed while the retry started; retry again",
            null);
      }
      ArtifactRef copy =
          new ArtifactRef(
              runId,
              old.artifactId(),
              ArtifactStore.artifactKey(runId, old.artifactId()),
              old.schema(),
              old.sizeBytes(),
              old.sha256(),
              old.itemCount());
      ArtifactOutcome reused = outcome.reusedAs(copy, from);
      records.saveArtifact(runId, reused);
      records.coverage(from, outcome.id()).ifPresent(c -> records.saveCoverage(runId, c));
      copies.add(reused);
    }
    return copies;
  }
}
