package dev.wct.workflows.producer;

import dev.wct.core.Checks;
import dev.wct.core.run.ArtifactRef;
import java.util.Objects;

/**
 * What a producer activity returns: the claim check of the stored artifact and the attempt that
 * produced it.
 */
public record Produced(ArtifactRef output, int attempts) {
  public Produced {
    Objects.requireNonNull(output, "output");
    Checks.atLeastOne("attempts", attempts);
  }
}
