package dev.wct.bench.raw;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** The hand-written baseline of the overhead benchmark: no-op activities and nothing else. */
@WorkflowInterface
public interface RawFanOutWorkflow {
  /**
   * Runs {@code count} no-op activities, all at once ({@code chained} false) or one after the
   * other, and returns how many completed.
   */
  @WorkflowMethod
  int run(int count, boolean chained);
}
