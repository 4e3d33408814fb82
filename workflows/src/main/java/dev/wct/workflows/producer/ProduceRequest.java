package dev.wct.workflows.producer;

import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.run.ArtifactRef;
import java.util.List;
import java.util.Objects;

/**
 * What a producer activity needs: small, since it is recorded in the workflow history.
 *
 * @param runId the run the artifact belongs to
 * @param artifact the planned artifact; its properties still hold their {@code ${VAR}} placeholders
 * @param inputs claim checks of its inputs, in the artifact's input order
 */
public record ProduceRequest(String runId, PlannedArtifact artifact, List<ArtifactRef> inputs) {
  public ProduceRequest {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(artifact, "artifact");
    inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
  }
}
