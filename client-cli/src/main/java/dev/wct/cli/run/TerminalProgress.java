package dev.wct.cli.run;

import dev.wct.cli.report.Units;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactState;
import dev.wct.workflows.run.RunProgress;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Progress for a terminal: finished artifacts scroll up as lines, and one status line at the
 * bottom, rewritten in place, shows artifacts done of total and the ones running.
 */
final class TerminalProgress implements ProgressDisplay {
  private static final String CLEAR_LINE = "\r\033[K";
  private static final int MAX_STATUS_WIDTH = 100;

  private final PrintWriter out;
  private final ArtifactLines lines;
  private boolean statusShown;

  TerminalProgress(PrintWriter out, LongSupplier clockMillis) {
    this.out = out;
    this.lines = new ArtifactLines(clockMillis, false);
  }

  @Override
  public void update(RunProgress progress) {
    List<String> changes = lines.changes(progress);
    if (statusShown) {
      out.print(CLEAR_LINE);
    }
    changes.forEach(out::println);
    out.print(status(progress, lines.elapsedMillis()));
    statusShown = true;
    out.flush();
  }

  static String status(RunProgress progress, long elapsedMillis) {
    int done = progress.succeeded() + progress.failed() + progress.skipped();
    StringBuilder line =
        new StringBuilder()
            .append(done)
            .append('/')
            .append(progress.total())
            .append(" done, ")
            .append(Units.duration(elapsedMillis));
    List<String> running =
        progress.artifacts().stream()
            .filter(a -> a.state() == ArtifactState.RUNNING)
            .map(a -> withPartitions(progress, a))
            .toList();
    if (!running.isEmpty()) {
      line.append(" | running: ");
      int shown = 0;
      for (String id : running) {
        if (line.length() + id.length() + 12 > MAX_STATUS_WIDTH) {
          break;
        }
        line.append(shown == 0 ? "" : ", ").append(id);
        shown++;
      }
      if (shown < running.size()) {
        line.append(" (+").append(running.size() - shown).append(')');
      }
    }
    return line.toString();
  }

  /** {@code files 12/30 partitions} for a partitioned artifact that has reported, else the id. */
  static String withPartitions(RunProgress progress, ArtifactOutcome artifact) {
    return progress
        .partitionsOf(artifact.id())
        .map(p -> artifact.id() + " " + p.done() + "/" + p.total() + " partitions")
        .orElse(artifact.id());
  }

  @Override
  public void close() {
    if (statusShown) {
      out.print(CLEAR_LINE);
      statusShown = false;
    }
    out.flush();
  }
}
