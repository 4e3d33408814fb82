package dev.wct.analysers.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.spi.PartitionOutputs;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import java.util.Iterator;

/**
 * The merge of a findings analyser's partitions ({@link dev.wct.spi.Analyser#mergePartitions}):
 * each partition's output carries its {@link Findings#partitionState} in the trailer field {@value
 * #STATE_FIELD}, added here into one {@link Findings} in partition order.
 */
public final class PartitionMerge {
  /** The trailer field of a partition's output holding its findings' state. */
  public static final String STATE_FIELD = "partition_state";

  private PartitionMerge() {}

  /**
   * Adds every partition's state into {@code findings}.
   *
   * @return the partitions' {@code analysis_metadata} merged ({@link AnalysisMetadata#add})
   */
  public static ObjectNode addAll(PartitionOutputs partitions, Findings findings, String where)
      throws Exception {
    ObjectNode[] metadata = {null};
    partitions.forEach(
        (partition, output) -> {
          for (Iterator<JsonNode> it = output.items(); it.hasNext(); ) {
            it.next(); // the partition's report: the state after it holds what the merge needs
          }
          // a partition without findings wrote its fields before its (empty) items array
          JsonNode trailer = output.trailer().has(STATE_FIELD) ? output.trailer() : output.fields();
          JsonNode state = trailer.get(STATE_FIELD);
          if (state == null || !state.isObject()) {
            // not retried: the stored partition stays as it is
            throw new WctException(
                ErrorKind.USER,
                where
                    + ": partition "
                    + partition
                    + " has no findings state to merge (written by an older version); run again");
          }
          findings.addPartition(state);
          metadata[0] = AnalysisMetadata.add(metadata[0], trailer.path("analysis_metadata"));
        });
    return metadata[0];
  }
}
