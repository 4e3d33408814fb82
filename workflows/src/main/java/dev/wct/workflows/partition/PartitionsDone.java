package dev.wct.workflows.partition;

import java.util.Objects;

/**
 * Partitions of one artifact produced so far, of {@code total}: what a run's {@code status} query
 * shows for a partitioned artifact while its group runs.
 *
 * @param done partitions produced (succeeded); failed and skipped ones are not counted
 */
public record PartitionsDone(String artifactId, int done, int total) {
  public PartitionsDone {
    Objects.requireNonNull(artifactId, "artifactId");
  }

  /** The same with {@code more} partitions done. */
  public PartitionsDone plus(int more) {
    return new PartitionsDone(artifactId, done + more, total);
  }
}
