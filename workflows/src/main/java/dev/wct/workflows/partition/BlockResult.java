package dev.wct.workflows.partition;

import java.util.List;

/** The totals of a block, one per artifact of its group, in the group's order. */
public record BlockResult(List<PartitionTotals> totals) {
  public BlockResult {
    totals = List.copyOf(totals);
  }
}
