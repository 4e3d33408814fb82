package dev.wct.core.run;

import java.util.List;
import java.util.Objects;

/**
 * The coverage record of an artifact, {@code coverage/{artifact}.json} in the run records: what its
 * producer read and skipped, per object, in the order recorded. Never in workflow history.
 *
 * @param artifactId the artifact
 * @param attempt the producer attempt that succeeded and recorded it
 * @param summary the counts
 * @param warnings the warnings the run reported for it
 * @param objects each object once, in the order first recorded, at most {@link
 *     CoverageCollector#MAX_LISTED_OBJECTS}
 * @param objectsNotListed objects counted in the summary but left out of {@code objects}
 */
public record ArtifactCoverage(
    String artifactId,
    int attempt,
    CoverageSummary summary,
    List<String> warnings,
    List<ObjectCoverage> objects,
    long objectsNotListed) {
  public ArtifactCoverage {
    Objects.requireNonNull(artifactId, "artifactId");
    Objects.requireNonNull(summary, "summary");
    warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
    objects = List.copyOf(Objects.requireNonNull(objects, "objects"));
  }
}
