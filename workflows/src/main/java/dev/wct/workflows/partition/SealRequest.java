package dev.wct.workflows.partition;

import dev.wct.core.plan.PlannedArtifact;
import java.util.Objects;

/**
 * Seal {@code artifact}, whose {@code count} partitions are stored.
 *
 * @param itemCount items in all partitions, as their producers counted them
 */
public record SealRequest(String runId, PlannedArtifact artifact, int count, long itemCount) {
  public SealRequest {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(artifact, "artifact");
  }
}
