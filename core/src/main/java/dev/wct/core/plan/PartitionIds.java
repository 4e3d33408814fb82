package dev.wct.core.plan;

import java.util.NavigableSet;

/**
 * The store ids of the partitions of an artifact: {@code {artifactId}~p000042}. A '~' never occurs
 * in a runbook's artifact ids, so a partition can never clash with an artifact.
 */
public final class PartitionIds {
  /** The separator between the artifact id and the partition number. */
  public static final String SEPARATOR = "~p";

  private PartitionIds() {}

  /** Partition {@code index} (from 0) of {@code artifactId}. */
  public static String of(String artifactId, int index) {
    if (index < 0) {
      throw new IllegalArgumentException("partition index must not be negative, got " + index);
    }
    String number = Integer.toString(index);
    return artifactId + SEPARATOR + "0".repeat(Math.max(0, 6 - number.length())) + number;
  }

  /**
   * The ids among sorted {@code ids} that name partitions of {@code artifactId}: a view, found
   * without looking at the ids of other artifacts.
   */
  public static NavigableSet<String> partitionsOf(NavigableSet<String> ids, String artifactId) {
    String prefix = artifactId + SEPARATOR;
    return ids.subSet(prefix, true, prefix + Character.MAX_VALUE, false);
  }
}
