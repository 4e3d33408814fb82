package dev.wct.bench.raw;

import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

public class RawFanOutWorkflowImpl implements RawFanOutWorkflow {
  private final BenchActivities activities =
      Workflow.newActivityStub(BenchActivities.class, RawWorkers.ACTIVITY_OPTIONS);

  @Override
  public int run(int count, boolean chained) {
    if (chained) {
      for (int i = 0; i < count; i++) {
        activities.noOp(i);
      }
      return count;
    }
    List<Promise<String>> results = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      results.add(Async.function(activities::noOp, i));
    }
    Promise.allOf(results).get();
    return results.size();
  }
}
