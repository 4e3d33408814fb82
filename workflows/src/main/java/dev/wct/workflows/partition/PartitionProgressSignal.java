package dev.wct.workflows.partition;

/**
 * The signal a partition block sends to the run's workflow as its partitions finish: a few per
 * block (at most {@link PartitionBlockWorkflowImpl#PROGRESS_REPORTS_PER_BLOCK} and one at the start
 * of the first block), so the run's history grows by a bounded number of events per block, however
 * many partitions it holds.
 */
public final class PartitionProgressSignal {
  /** The signal's name; its argument is a {@code List<PartitionsDone>} of partitions newly done. */
  public static final String NAME = "partitionProgress";

  /** The change that made blocks report progress; older block histories send no signal. */
  public static final String CHANGE_ID = "partition-progress";

  private PartitionProgressSignal() {}
}
