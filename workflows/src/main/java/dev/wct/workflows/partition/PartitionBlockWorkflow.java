package dev.wct.workflows.partition;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Produces a block of partitions of a group: a child workflow, so that however many partitions an
 * artifact has, no history holds more than one block's events.
 */
@WorkflowInterface
public interface PartitionBlockWorkflow {
  @WorkflowMethod(name = "PartitionBlock")
  BlockResult run(BlockRequest request);
}
