package dev.wct.cli.report;

import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactRef;
import dev.wct.core.run.ArtifactState;
import java.io.PrintWriter;

/** The per-artifact table that {@code wct inspect} and {@code wct run} print. */
public final class ArtifactTable {
  private final TextTable table =
      new TextTable(
          "ARTIFACT", "STATE", "ATTEMPTS", "DURATION", "ITEMS", "SIZE", "ERROR / SKIP REASON");

  /** Adds one artifact; {@code output} is null unless it succeeded. */
  public ArtifactTable row(
      String id,
      ArtifactState state,
      int attempts,
      Long durationMillis,
      ArtifactRef output,
      String error,
      String skipReason) {
    return row(id, RunJson.label(state), attempts, durationMillis, output, error, skipReason);
  }

  /** A succeeded artifact a retry reused shows as {@code reused}. */
  public ArtifactTable row(ArtifactOutcome artifact) {
    return row(
        artifact.id(),
        artifact.reused() ? "reused" : RunJson.label(artifact.state()),
        artifact.attempts(),
        artifact.durationMillis(),
        artifact.output(),
        artifact.error(),
        artifact.skipReason());
  }

  private ArtifactTable row(
      String id,
      String state,
      int attempts,
      Long durationMillis,
      ArtifactRef output,
      String error,
      String skipReason) {
    table.row(
        id,
        state,
        attempts,
        Units.duration(durationMillis),
        output == null ? null : output.itemCount(),
        output == null ? null : Units.bytes(output.sizeBytes()),
        error != null ? error : skipReason);
    return this;
  }

  public void print(PrintWriter out) {
    table.print(out);
  }
}
