package dev.wct.core.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * How a partitioned artifact is cut: a source by its runbook's {@code partition} settings, or an
 * item-by-item analyser partition by partition of its input ({@code perPartitionOf}).
 *
 * @param maxBytes at most this many bytes per partition, 0 for no limit
 * @param maxItems at most this many items (files, tables) per partition, 0 for no limit
 * @param byTable one table (or {@code maxItems} tables) per partition
 * @param perPartitionOf the partitioned input this analyser runs on partition by partition, or null
 *     for a source
 */
public record Partitioning(
    @JsonInclude(Include.NON_DEFAULT) long maxBytes,
    @JsonInclude(Include.NON_DEFAULT) int maxItems,
    @JsonInclude(Include.NON_DEFAULT) boolean byTable,
    @JsonInclude(Include.NON_NULL) String perPartitionOf) {
  public Partitioning {
    if (maxBytes < 0 || maxItems < 0) {
      throw new IllegalArgumentException("partition limits must not be negative");
    }
  }

  public static Partitioning bySize(long maxBytes, int maxItems) {
    return new Partitioning(maxBytes, maxItems, false, null);
  }

  public static Partitioning byTable(int maxItems) {
    return new Partitioning(0, maxItems, true, null);
  }

  public static Partitioning perPartitionOf(String input) {
    return new Partitioning(0, 0, false, input);
  }

  /** True for a source that lists its own partitions. */
  @JsonIgnore
  public boolean isSource() {
    return perPartitionOf == null;
  }
}
