package dev.wct.bench;

import dev.wct.bench.measure.Samples;
import dev.wct.bench.measure.TimingArtifactStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders benchmark results as Markdown for BENCHMARKS.md. */
final class Report {
  private final StringBuilder out = new StringBuilder();

  Report line(String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
    return this;
  }

  Report overhead(List<OverheadBenchmark.Result> results) {
    line("");
    line(
        "| shape | artifacts | wct ms/artifact (median / min) | raw ms/artifact (median / min)"
            + " | wct ÷ raw (median of per-round ratios / min) |");
    line("|---|---:|---:|---:|---:|");
    for (OverheadBenchmark.Result r : results) {
      Samples ratio = r.wct().dividedBy(r.raw());
      line(
          "| %s | %d | %.2f / %.2f | %.2f / %.2f | %.2f× / %.2f× |",
          r.shape(),
          r.count(),
          r.wct().median() / r.count(),
          r.wct().min() / r.count(),
          r.raw().median() / r.count(),
          r.raw().min() / r.count(),
          ratio.median(),
          ratio.min());
    }
    line("");
    line(
        "| shape | wct run wall, median ms | of which launch (records written before the"
            + " workflow starts), median ms | history events wct / raw | store calls (time"
            + " summed over threads) in one wct run |");
    line("|---|---:|---:|---:|---|");
    for (OverheadBenchmark.Result r : results) {
      line(
          "| %s | %.0f | %.0f | %d / %d | %s |",
          r.shape(),
          r.wct().median(),
          r.wctLaunch().median(),
          r.wctEvents(),
          r.rawEvents(),
          storeTotals(r.storeTotals()));
    }
    return this;
  }

  Report makespan(MakespanBenchmark.Result r) {
    long critical = r.criticalPath().millis();
    line("");
    line(
        "DAG: seed %d, %d artifacts in %d levels (widths %s), sleeps %d–%d ms; critical path %d"
            + " ms over %d artifacts; level-barrier lower bound %d ms.",
        r.dag().seed(),
        r.plan().artifacts().size(),
        r.plan().levels().size(),
        r.plan().levels().stream().map(l -> String.valueOf(l.size())).toList(),
        r.dag().nodes().stream().mapToLong(n -> n.sleepMillis()).min().orElse(0),
        r.dag().nodes().stream().mapToLong(n -> n.sleepMillis()).max().orElse(0),
        critical,
        r.criticalPath().path().size(),
        r.criticalPath().levelBarrierMillis());
    line("");
    line("| scheduler | makespan ms (median / min) | ÷ critical path (median / min) |");
    line("|---|---:|---:|");
    line("| lower bound: critical path | %d | 1.00× |", critical);
    line(
        "| lower bound: level barrier | %d | %.2f× |",
        r.criticalPath().levelBarrierMillis(),
        r.criticalPath().levelBarrierMillis() / (double) critical);
    row("wct RunbookWorkflow, launch to result", r.wct(), critical);
    row("wct RunbookWorkflow, first producer start to last end", r.wctInWorkflow(), critical);
    row("raw Temporal workflow, level by level", r.barrier(), critical);
    return this;
  }

  private void row(String name, Samples samples, long critical) {
    line(
        "| %s | %.0f / %.0f | %.3f× / %.3f× |",
        name,
        samples.median(),
        samples.min(),
        samples.median() / critical,
        samples.min() / critical);
  }

  private static String storeTotals(Map<String, TimingArtifactStore.Total> totals) {
    StringBuilder text = new StringBuilder();
    totals.forEach(
        (operation, total) ->
            text.append(text.length() == 0 ? "" : ", ")
                .append(
                    String.format(
                        Locale.ROOT,
                        "%s %d× %.0f ms",
                        operation,
                        total.calls(),
                        total.nanos() / 1_000_000.0)));
    return text.toString();
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
