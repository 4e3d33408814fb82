package dev.wct.store.runs;

import dev.wct.store.ArtifactStore;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * How far the partitions of a partitioned artifact got: its partition count, written when they are
 * listed, and one small record per partition produced, under {@code partitions/{artifact}/}.
 */
public final class PartitionRecords {
  private final ArtifactStore store;

  public PartitionRecords(ArtifactStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** Partitions done of all listed. */
  public record Progress(int done, int total) {
    @Override
    public String toString() {
      return done + "/" + total + " partitions";
    }
  }

  public void saveCount(String runId, String artifactId, int count) {
    store.saveRecord(
        runId, countRecord(artifactId), Integer.toString(count).getBytes(StandardCharsets.UTF_8));
  }

  /** Marks partition {@code index} produced; progress only, so a machine crash may lose it. */
  public void saveDone(String runId, String artifactId, int index) {
    store.saveProgressRecord(runId, doneFolder(artifactId) + index, new byte[0]);
  }

  /** The artifact's progress, if it is partitioned and its partitions were listed. */
  public Optional<Progress> progress(String runId, String artifactId) {
    return store
        .readRecord(runId, countRecord(artifactId))
        .map(
            count ->
                new Progress(
                    store.listRecords(runId, doneFolder(artifactId)).size(),
                    Integer.parseInt(new String(count, StandardCharsets.UTF_8).trim())));
  }

  private static String countRecord(String artifactId) {
    return "partitions/" + artifactId + "/count";
  }

  private static String doneFolder(String artifactId) {
    return "partitions/" + artifactId + "/done/";
  }
}
