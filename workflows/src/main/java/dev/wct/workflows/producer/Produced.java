package dev.wct.workflows.producer;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.wct.core.Checks;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactRef;
import dev.wct.core.run.CoverageSummary;
import java.util.List;
import java.util.Objects;

/**
 * What a producer activity returns: the claim check of the stored artifact, the attempt that
 * produced it, and what that attempt read, counted, with the warnings it calls for. The per-object
 * coverage stays in the store (run record {@code coverage/{artifact}.json}).
 *
 * @param coverage null if the producer records no coverage, and in histories recorded before
 * @param warnings null or empty if none; at most {@link ArtifactOutcome#MAX_WARNINGS} lines
 */
public record Produced(
    ArtifactRef output,
    int attempts,
    @JsonInclude(JsonInclude.Include.NON_NULL) CoverageSummary coverage,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> warnings) {
  public Produced {
    Objects.requireNonNull(output, "output");
    Checks.atLeastOne("attempts", attempts);
    warnings = warnings == null ? null : ArtifactOutcome.bounded(warnings);
  }

  public Produced(ArtifactRef output, int attempts) {
    this(output, attempts, null, null);
  }
}
