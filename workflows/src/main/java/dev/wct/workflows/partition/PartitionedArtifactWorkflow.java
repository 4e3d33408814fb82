package dev.wct.workflows.partition;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Produces a partitioned source and its per-partition analysers: lists the partitions, produces
 * them in child blocks, then seals each artifact. A child of the run's workflow.
 */
@WorkflowInterface
public interface PartitionedArtifactWorkflow {
  @WorkflowMethod(name = "PartitionedArtifact")
  GroupResult run(GroupRequest request);
}
