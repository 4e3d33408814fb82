package dev.wct.workflows.run;

import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactRef;
import dev.wct.core.run.ArtifactState;
import dev.wct.workflows.producer.Produced;

/** The workflow's view of one artifact; lives only inside the workflow thread. */
final class ArtifactTracker {
  final int index;
  final PlannedArtifact artifact;
  private ArtifactOutcome outcome;

  ArtifactTracker(int index, PlannedArtifact artifact) {
    this.index = index;
    this.artifact = artifact;
    this.outcome = ArtifactOutcome.waiting(artifact.id(), artifact.producer().label());
  }

  String id() {
    return artifact.id();
  }

  ArtifactState state() {
    return outcome.state();
  }

  ArtifactRef output() {
    return outcome.output();
  }

  void running(long now) {
    outcome = ArtifactOutcome.running(id(), outcome.producer(), 0, now);
  }

  void succeeded(Produced produced, long now) {
    outcome =
        ArtifactOutcome.succeeded(
            id(),
            outcome.producer(),
            produced.output(),
            produced.attempts(),
            outcome.startedAtMillis(),
            now,
            produced.coverage(),
            produced.warnings());
  }

  void failed(String message, String kind, int attemptCount, long now) {
    outcome =
        ArtifactOutcome.failed(
            id(), outcome.producer(), message, kind, attemptCount, outcome.startedAtMillis(), now);
  }

  void skipped(String reason, long now) {
    outcome =
        ArtifactOutcome.skipped(id(), outcome.producer(), reason, outcome.startedAtMillis(), now);
  }

  /** Reused by a retry: succeeded before this run began. */
  void reused(ArtifactOutcome reusedOutcome) {
    outcome = reusedOutcome;
  }

  ArtifactOutcome outcome() {
    return outcome;
  }
}
