package dev.wct.store.runs;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The raw source artifacts (connector outputs and their copies) deleted from a run when it ended,
 * because the runbook did not ask to keep them ({@code config.keep_sources}).
 *
 * @param runId the run
 * @param deletedSources the artifact ids whose content was deleted, sorted
 * @param deletedAt when they were deleted
 */
public record SourceDeletion(String runId, List<String> deletedSources, Instant deletedAt) {
  public SourceDeletion {
    Objects.requireNonNull(runId, "runId");
    deletedSources = List.copyOf(Objects.requireNonNull(deletedSources, "deletedSources"));
    Objects.requireNonNull(deletedAt, "deletedAt");
  }

  /** The one line that says an artifact's content is gone and how to keep it next time. */
  public static String deletedMessage(String runId, String artifactId) {
    return "artifact '"
        + artifactId
        + "' of run '"
        + runId
        + "' was deleted when the run ended: raw sources are not kept"
        + " (set 'config.keep_sources: true' in the runbook to keep them)";
  }
}
