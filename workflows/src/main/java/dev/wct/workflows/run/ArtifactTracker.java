package dev.wct.workflows.run;

import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactRef;
import dev.wct.core.run.ArtifactState;

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

  void succeeded(ArtifactRef ref, int attemptCount, long now) {
    outcome =
        ArtifactOutcome.succeeded(
            id(), outcome.producer(), ref, attemptCount, outcome.startedAtMillis(), now);
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

  ArtifactOutcome outcome() {
    return outcome;
  }
}
