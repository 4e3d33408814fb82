package dev.wct.bench.raw;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * The comparison scheduler of the makespan benchmark: runs a DAG level by level, starting a level
 * only when the whole previous level is done.
 */
@WorkflowInterface
public interface LevelBarrierWorkflow {
  /** Runs one sleep activity per node, level by level; returns how many ran. */
  @WorkflowMethod
  int run(List<List<Long>> sleepMillisByLevel);
}
