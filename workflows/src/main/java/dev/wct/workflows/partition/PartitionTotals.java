package dev.wct.workflows.partition;

import java.util.Objects;

/**
 * What happened to the partitions of one artifact in a block (or a whole run of blocks).
 *
 * @param error the first failure's message, or null
 * @param errorKind its kind (an ErrorKind name, an exception class or TIMEOUT), or null
 * @param attempts the attempts of that failure, 0 if none
 */
public record PartitionTotals(
    String artifactId,
    int succeeded,
    int failed,
    int skipped,
    long items,
    String error,
    String errorKind,
    int attempts) {
  public PartitionTotals {
    Objects.requireNonNull(artifactId, "artifactId");
  }

  static PartitionTotals none(String artifactId) {
    return new PartitionTotals(artifactId, 0, 0, 0, 0, null, null, 0);
  }

  PartitionTotals plus(PartitionTotals other) {
    boolean first = error == null;
    return new PartitionTotals(
        artifactId,
        succeeded + other.succeeded,
        failed + other.failed,
        skipped + other.skipped,
        items + other.items,
        first ? other.error : error,
        first ? other.errorKind : errorKind,
        first ? other.attempts : attempts);
  }

  boolean complete() {
    return failed == 0 && skipped == 0;
  }
}
