package dev.wct.workflows.partition;

import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.run.ArtifactRef;
import java.util.List;
import java.util.Objects;

/**
 * Produce partition {@code index} of {@code artifact}: small, since it is recorded in history.
 *
 * @param count the partitions of the artifact, for progress records
 * @param inputs for an analyser, the claim check of the same partition of its input; empty for a
 *     source
 */
public record PartitionRequest(
    String runId, PlannedArtifact artifact, int index, int count, List<ArtifactRef> inputs) {
  public PartitionRequest {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(artifact, "artifact");
    inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
  }
}
