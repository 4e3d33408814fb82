package dev.wct.core.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * How a partitioned artifact is cut: a source by its runbook's {@code partition} settings, or an
 * item-by-item analyser partition by partition of its input ({@code perPartitionOf}).
 *
 * @param maxBytes at most this many bytes per partition, 0 for no limit
 * @param maxItems at most this many items (files, tables, rows) per partition, 0 for no limit (for
 *     {@code byRows} the connector's default)
 * @param byTable one table (or {@code maxItems} tables) per partition
 * @param byRows ranges of at most {@code maxItems} rows of a table read in full
 * @param perPartitionOf the partitioned input this analyser runs on partition by partition, or null
 *     for a source
 */
public record Partitioning(
    @JsonInclude(Include.NON_DEFAULT) long maxBytes,
    @JsonInclude(Include.NON_DEFAULT) int maxItems,
    @JsonInclude(Include.NON_DEFAULT) boolean byTable,
    @JsonInclude(Include.NON_DEFAULT) boolean byRows,
    @JsonInclude(Include.NON_NULL) String perPartitionOf) {
  public Partitioning {
    if (maxBytes < 0 || maxItems < 0) {
      throw new IllegalArgumentException("partition limits must not be negative");
    }
    if (byTable && byRows) {
      throw new IllegalArgumentException("a partition cut is by table or by rows, not both");
    }
  }

  public static Partitioning bySize(long maxBytes, int maxItems) {
    return new Partitioning(maxBytes, maxItems, false, false, null);
  }

  public static Partitioning byTable(int maxItems) {
    return new Partitioning(0, maxItems, true, false, null);
  }

  public static Partitioning byRows(int maxItems) {
    return new Partitioning(0, maxItems, false, true, null);
  }

  /**
   * True when a location (a file, a database column) may span partitions, so that per-location
   * findings of one partition are not the location's: only a cut by rows does that.
   */
  @JsonIgnore
  public boolean splitsLocations() {
    return byRows;
  }

  public static Partitioning perPartitionOf(String input) {
    return new Partitioning(0, 0, false, false, input);
  }

  /** True for a source that lists its own partitions. */
  @JsonIgnore
  public boolean isSource() {
    return perPartitionOf == null;
  }
}
