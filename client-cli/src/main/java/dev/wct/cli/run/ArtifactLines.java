package dev.wct.cli.run;

import dev.wct.cli.report.Units;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactState;
import dev.wct.workflows.run.RunProgress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Turns successive progress snapshots into one line per artifact state change, e.g. {@code [ 1.2s]
 * personal_data succeeded (3 items, 1.2 KiB)}.
 */
final class ArtifactLines {
  private final LongSupplier clockMillis;
  private final long startMillis;
  private final boolean includeRunning;
  private final Map<String, ArtifactState> seen = new HashMap<>();
  private final Map<String, Integer> partitionsSeen = new HashMap<>();
  private int idWidth;

  /**
   * @param clockMillis the clock elapsed times are read from
   * @param includeRunning whether a start gets a line too, or only final states
   */
  ArtifactLines(LongSupplier clockMillis, boolean includeRunning) {
    this.clockMillis = clockMillis;
    this.startMillis = clockMillis.getAsLong();
    this.includeRunning = includeRunning;
  }

  long elapsedMillis() {
    return clockMillis.getAsLong() - startMillis;
  }

  /** The lines for what changed since the previous snapshot, in plan order. */
  List<String> changes(RunProgress progress) {
    if (idWidth == 0) {
      idWidth = progress.artifacts().stream().mapToInt(a -> a.id().length()).max().orElse(0);
    }
    List<String> lines = new ArrayList<>();
    String elapsed = String.format(Locale.ROOT, "[%6s]", Units.duration(elapsedMillis()));
    for (ArtifactOutcome artifact : progress.artifacts()) {
      ArtifactState previous = seen.put(artifact.id(), artifact.state());
      if (artifact.state() == previous
          && artifact.state() == ArtifactState.RUNNING
          && includeRunning) {
        partitionLine(progress, artifact)
            .ifPresent(
                line -> lines.add(elapsed + " " + pad(artifact.id(), idWidth) + "  " + line));
        continue;
      }
      if (artifact.state() == previous || artifact.state() == ArtifactState.WAITING) {
        continue;
      }
      if (artifact.state() == ArtifactState.RUNNING && !includeRunning) {
        continue;
      }
      lines.add(elapsed + " " + pad(artifact.id(), idWidth) + "  " + describe(artifact));
    }
    return lines;
  }

  /** {@code running 12/30 partitions} when more partitions of a running artifact are done. */
  private Optional<String> partitionLine(RunProgress progress, ArtifactOutcome artifact) {
    return progress
        .partitionsOf(artifact.id())
        .filter(p -> p.done() > 0)
        .filter(p -> !Integer.valueOf(p.done()).equals(partitionsSeen.put(artifact.id(), p.done())))
        .map(p -> pad("running", 9) + "  " + p.done() + "/" + p.total() + " partitions");
  }

  private static String describe(ArtifactOutcome artifact) {
    String state = pad(artifact.state().name().toLowerCase(Locale.ROOT), 9);
    return switch (artifact.state()) {
      case SUCCEEDED ->
          state
              + "  ("
              + artifact.output().itemCount()
              + (artifact.output().itemCount() == 1 ? " item, " : " items, ")
              + Units.bytes(artifact.output().sizeBytes())
              + ")";
      case FAILED ->
          state
              + "  "
              + artifact.error()
              + (artifact.attempts() > 1 ? " (after " + artifact.attempts() + " attempts)" : "");
      case SKIPPED -> state + "  (" + artifact.skipReason() + ")";
      default -> state.stripTrailing();
    };
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }
}
