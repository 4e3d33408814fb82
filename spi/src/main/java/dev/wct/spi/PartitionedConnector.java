package dev.wct.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.spi.message.ContentWriter;
import java.util.List;
import java.util.Set;

/**
 * A connector that can cut its source into partitions, each produced by its own activity on any
 * worker. Listing is a cheap first step (names and sizes, no content); the descriptors it returns
 * are small JSON values kept in the store, never in workflow history.
 *
 * <p>The items of all partitions, in partition order, are the items {@link #extract} would write:
 * findings do not depend on the cut.
 */
public interface PartitionedConnector extends Connector {
  /** How a runbook may ask this connector to cut its source. */
  enum Cut {
    /** {@code partition: {max_bytes, max_items}}: groups of items of bounded size and count. */
    SIZE,
    /** {@code partition: {by: table}}: one table per partition, or groups of {@code max_items}. */
    TABLE,
    /**
     * {@code partition: {by: rows, max_items}}: a table read in full is cut into ranges of its key
     * of at most {@code max_items} rows each; any other table is one partition.
     */
    ROWS
  }

  /** The cuts this connector supports. */
  Set<Cut> cuts();

  /**
   * Lists the partitions of the source, in a stable order.
   *
   * @param limits the runbook's {@code partition} settings
   * @return one small descriptor per partition (at least one; an empty source has one empty part)
   */
  List<JsonNode> partitions(ProducerContext context, JsonNode properties, PartitionLimits limits)
      throws Exception;

  /** Writes the content of one partition, given its descriptor from {@link #partitions}. */
  void extractPartition(
      ProducerContext context, JsonNode properties, JsonNode partition, ContentWriter out)
      throws Exception;

  /**
   * The runbook's partition settings as the connector sees them.
   *
   * @param maxBytes at most this many bytes of items per partition, or 0 for no limit
   * @param maxItems at most this many items (files, tables, rows) per partition, or 0 for no limit
   *     (for {@link Cut#ROWS} the connector's default)
   * @param cut how to cut
   */
  record PartitionLimits(long maxBytes, int maxItems, Cut cut) {}
}
