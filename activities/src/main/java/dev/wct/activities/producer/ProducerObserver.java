package dev.wct.activities.producer;

import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.run.ArtifactRef;
import java.util.Map;

/**
 * Told what each producer attempt stored, for the worker's metrics: sizes, counts and category
 * names, never content. An attempt that found its artifact already stored (a retry after a crash)
 * wrote nothing and is not reported. Called on the producer's thread after the artifact's record
 * says succeeded, so it must be quick and must not throw.
 */
@FunctionalInterface
public interface ProducerObserver {
  ProducerObserver NONE = (artifact, bytesRead, output, findingsByCategory) -> {};

  /**
   * @param artifact the planned artifact (or the artifact a partition belongs to)
   * @param bytesRead stored bytes of the input artifacts it read; 0 for a connector, whose source
   *     is outside the store
   * @param output the claim check of what it stored: size and item count
   * @param findingsByCategory findings among its items per category (subject, purpose); empty when
   *     its items are not findings or were copied without being read (reuse)
   */
  void stored(
      PlannedArtifact artifact,
      long bytesRead,
      ArtifactRef output,
      Map<String, Long> findingsByCategory);

  /** The stored size of some input artifacts. */
  static long sizeOf(Iterable<ArtifactRef> inputs) {
    long bytes = 0;
    for (ArtifactRef input : inputs) {
      bytes += input.sizeBytes();
    }
    return bytes;
  }
}
