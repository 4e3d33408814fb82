package dev.wct.bench.raw;

import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

public class LevelBarrierWorkflowImpl implements LevelBarrierWorkflow {
  private final BenchActivities activities =
      Workflow.newActivityStub(BenchActivities.class, RawWorkers.ACTIVITY_OPTIONS);

  @Override
  public int run(List<List<Long>> sleepMillisByLevel) {
    int ran = 0;
    for (List<Long> level : sleepMillisByLevel) {
      List<Promise<Void>> sleeps = new ArrayList<>(level.size());
      for (long millis : level) {
        sleeps.add(Async.procedure(activities::sleep, millis));
      }
      Promise.allOf(sleeps).get();
      ran += sleeps.size();
    }
    return ran;
  }
}
