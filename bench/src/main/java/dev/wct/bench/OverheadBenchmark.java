package dev.wct.bench;

import dev.wct.bench.measure.RunSpans;
import dev.wct.bench.measure.Samples;
import dev.wct.bench.measure.TimingArtifactStore;
import dev.wct.bench.plans.BenchPlans;
import dev.wct.core.plan.ExecutionPlan;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Orchestration overhead per artifact: {@code count} no-op artifacts in parallel and in a chain
 * through RunbookWorkflow, each round side by side with a raw workflow running as many no-op
 * activities on the same service. wct and raw alternate which goes first.
 */
final class OverheadBenchmark {
  /**
   * One shape's measurements.
   *
   * @param wct wall time of each wct run, launch to result, ms
   * @param wctLaunch of that, the launcher's part (initial run and artifact records), ms
   * @param raw wall time of each raw run, ms
   * @param wctEvents history events of one wct run
   * @param rawEvents history events of one raw run
   * @param storeTotals store calls and time of the last wct run
   */
  record Result(
      String shape,
      int count,
      Samples wct,
      Samples wctLaunch,
      Samples raw,
      int wctEvents,
      int rawEvents,
      Map<String, TimingArtifactStore.Total> storeTotals) {}

  private OverheadBenchmark() {}

  static List<Result> run(
      BenchEngine engine, int count, int warmups, int rounds, PrintStream progress) {
    ExecutionPlan parallel = BenchPlans.parallel(count);
    ExecutionPlan chain = BenchPlans.chain(count);
    for (int i = 0; i < warmups; i++) {
      progress.printf("overhead: warm-up %d/%d%n", i + 1, warmups);
      engine.runWct(parallel);
      engine.runRawFanOut(count, false);
      engine.runWct(chain);
      engine.runRawFanOut(count, true);
    }
    Shape parallelShape = new Shape("parallel", parallel, false);
    Shape chainShape = new Shape("chain", chain, true);
    for (int round = 0; round < rounds; round++) {
      boolean wctFirst = round % 2 == 0;
      for (Shape shape : shapes(parallelShape, chainShape)) {
        shape.measure(engine, count, wctFirst);
        progress.printf(
            "overhead: round %d/%d %s: wct %.0f ms, raw %.0f ms%n",
            round + 1, rounds, shape.name, shape.lastWct, shape.lastRaw);
      }
    }
    return shapes(parallelShape, chainShape).stream()
        .map(shape -> shape.result(engine, count))
        .toList();
  }

  /** The shapes measured: both, or the one {@code bench.shape} names, for a profile of it. */
  private static List<Shape> shapes(Shape parallel, Shape chain) {
    String only = System.getProperty("bench.shape", "");
    return only.isEmpty()
        ? List.of(parallel, chain)
        : List.of(parallel, chain).stream().filter(shape -> shape.name.equals(only)).toList();
  }

  /** A run's spans over the rounds. */
  private static final class SpanSamples {
    final Samples head = new Samples();
    final Samples producers = new Samples();
    final Samples tail = new Samples();

    void add(RunSpans spans) {
      head.add(spans.headMillis());
      producers.add(spans.producersMillis());
      tail.add(spans.tailMillis());
    }

    @Override
    public String toString() {
      return String.format("%.1f / %.1f / %.1f", head.median(), producers.median(), tail.median());
    }
  }

  private static final class Shape {
    final String name;
    final ExecutionPlan plan;
    final boolean chained;
    final Samples wct = new Samples();
    final Samples wctLaunch = new Samples();
    final Samples raw = new Samples();
    final Samples wctCpu = new Samples();
    final Samples rawCpu = new Samples();
    final SpanSamples wctSpans = new SpanSamples();
    final SpanSamples rawSpans = new SpanSamples();
    BenchEngine.WctRun lastRun;
    String lastRawWorkflowId;
    double lastWct;
    double lastRaw;

    Shape(String name, ExecutionPlan plan, boolean chained) {
      this.name = name;
      this.plan = plan;
      this.chained = chained;
    }

    void measure(BenchEngine engine, int count, boolean wctFirst) {
      if (wctFirst) {
        measureWct(engine);
        measureRaw(engine, count);
      } else {
        measureRaw(engine, count);
        measureWct(engine);
      }
    }

    private void measureWct(BenchEngine engine) {
      lastRun = engine.runWct(plan);
      lastWct = lastRun.wallMillis();
      wct.add(lastWct);
      wctLaunch.add(lastRun.launchMillis());
      wctCpu.add(lastRun.cpuMillis());
      wctSpans.add(engine.spans(lastRun.workflowId()));
    }

    private void measureRaw(BenchEngine engine, int count) {
      BenchEngine.RawRun run = engine.runRawFanOut(count, chained);
      lastRaw = run.wallMillis();
      lastRawWorkflowId = run.workflowId();
      raw.add(lastRaw);
      rawCpu.add(run.cpuMillis());
      rawSpans.add(engine.spans(lastRawWorkflowId));
    }

    Result result(BenchEngine engine, int count) {
      System.out.printf(
          "overhead: %s, medians of head / producers / tail (ms): wct %s, raw %s%n",
          name, wctSpans, rawSpans);
      System.out.printf(
          "overhead: %s, process CPU per run, median ms: wct %.0f, raw %.0f (%.2f×; per-round"
              + " ratios, median %.2f×)%n",
          name,
          wctCpu.median(),
          rawCpu.median(),
          wctCpu.median() / rawCpu.median(),
          wctCpu.dividedBy(rawCpu).median());
      System.out.printf(
          "overhead: %s, last wct run: %s%noverhead: %s, last raw run: %s%n",
          name,
          engine.activityPhases(lastRun.workflowId()),
          name,
          engine.activityPhases(lastRawWorkflowId));
      return new Result(
          name,
          count,
          wct,
          wctLaunch,
          raw,
          engine.historyEvents(lastRun.workflowId()),
          engine.historyEvents(lastRawWorkflowId),
          lastRun.storeTotals());
    }
  }
}
