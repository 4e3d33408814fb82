package dev.wct.bench;

import dev.wct.bench.measure.Samples;
import dev.wct.bench.plans.BenchPlans;
import dev.wct.bench.plans.CriticalPath;
import dev.wct.bench.plans.SkewedDag;
import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.run.ArtifactOutcome;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makespan of a skewed DAG of sleeping producers through RunbookWorkflow, against the plan's
 * critical path, side by side with a raw workflow that waits for each whole level.
 */
final class MakespanBenchmark {
  /**
   * @param wct wall time of each wct run, launch to result, ms
   * @param wctInWorkflow first producer start to last producer end, in workflow time, ms
   * @param barrier wall time of each level-barrier run, ms
   */
  record Result(
      SkewedDag dag,
      ExecutionPlan plan,
      CriticalPath criticalPath,
      Samples wct,
      Samples wctInWorkflow,
      Samples barrier) {}

  private MakespanBenchmark() {}

  static Result run(BenchEngine engine, long seed, int warmups, int rounds, PrintStream progress) {
    SkewedDag dag = SkewedDag.generate(seed, SkewedDag.DEFAULT_LEVEL_SIZES);
    ExecutionPlan plan = BenchPlans.of(dag);
    CriticalPath criticalPath = CriticalPath.of(plan);
    List<List<Long>> sleepsByLevel = sleepsByLevel(plan);
    for (int i = 0; i < warmups; i++) {
      progress.printf("makespan: warm-up %d/%d%n", i + 1, warmups);
      engine.runWct(plan);
      engine.runLevelBarrier(sleepsByLevel);
    }
    Samples wct = new Samples();
    Samples inWorkflow = new Samples();
    Samples barrier = new Samples();
    for (int round = 0; round < rounds; round++) {
      boolean wctFirst = round % 2 == 0;
      if (!wctFirst) {
        barrier.add(engine.runLevelBarrier(sleepsByLevel).wallMillis());
      }
      BenchEngine.WctRun run = engine.runWct(plan);
      wct.add(run.wallMillis());
      inWorkflow.add(producerSpan(run.result().artifacts()));
      if (wctFirst) {
        barrier.add(engine.runLevelBarrier(sleepsByLevel).wallMillis());
      }
      progress.printf(
          "makespan: round %d/%d: wct %.0f ms, barrier %.0f ms, critical path %d ms%n",
          round + 1, rounds, run.wallMillis(), barrier.last(), criticalPath.millis());
    }
    return new Result(dag, plan, criticalPath, wct, inWorkflow, barrier);
  }

  private static List<List<Long>> sleepsByLevel(ExecutionPlan plan) {
    Map<String, PlannedArtifact> byId = plan.artifactsById();
    List<List<Long>> levels = new ArrayList<>();
    for (List<String> level : plan.levels()) {
      levels.add(level.stream().map(id -> CriticalPath.sleepOf(byId.get(id))).toList());
    }
    return levels;
  }

  private static double producerSpan(List<ArtifactOutcome> outcomes) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (ArtifactOutcome outcome : outcomes) {
      first = Math.min(first, outcome.startedAtMillis());
      last = Math.max(last, outcome.endedAtMillis());
    }
    return last - first;
  }
}
