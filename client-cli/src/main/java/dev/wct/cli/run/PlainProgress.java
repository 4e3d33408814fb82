package dev.wct.cli.run;

import dev.wct.workflows.run.RunProgress;
import java.io.PrintWriter;
import java.util.function.LongSupplier;

/** Progress for logs and pipes: one plain line per artifact state change. */
final class PlainProgress implements ProgressDisplay {
  private final PrintWriter out;
  private final ArtifactLines lines;

  PlainProgress(PrintWriter out, LongSupplier clockMillis) {
    this.out = out;
    this.lines = new ArtifactLines(clockMillis, true);
  }

  @Override
  public void update(RunProgress progress) {
    lines.changes(progress).forEach(out::println);
    out.flush();
  }

  @Override
  public void close() {
    out.flush();
  }
}
