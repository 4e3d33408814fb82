package dev.wct.workflows.partition;

import dev.wct.core.Checks;

/** How many partitions a source listed; the descriptors themselves stay in the store. */
public record PartitionCount(int count) {
  public PartitionCount {
    Checks.atLeastOne("count", count);
  }
}
