package dev.wct.workflows.partition;

import dev.wct.workflows.producer.ProduceRequest;
import dev.wct.workflows.producer.Produced;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The activities of a partitioned artifact: list the partitions (descriptors stay in the store),
 * produce each partition on whichever worker is free, and seal the artifact with a manifest.
 */
@ActivityInterface
public interface PartitionActivities {
  /** Lists a partitioned source's partitions, stores their descriptors, returns only the count. */
  @ActivityMethod(name = "ListPartitions")
  PartitionCount listPartitions(ProduceRequest source);

  /** Runs the connector over one partition of a source. */
  @ActivityMethod(name = "ConnectPartition")
  Produced connectPartition(PartitionRequest request);

  /** Runs an item-by-item analyser over one partition of its input. */
  @ActivityMethod(name = "AnalysePartition")
  Produced analysePartition(PartitionRequest request);

  /** Writes the manifest (count, sizes, checksums) of an artifact whose partitions all exist. */
  @ActivityMethod(name = "SealPartitions")
  Produced sealPartitions(SealRequest request);
}
