package dev.wct.workflows.run;

import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.run.ArtifactRef;
import dev.wct.core.run.ArtifactState;

/** The workflow's mutable view of one artifact; lives only inside the workflow thread. */
final class ArtifactTracker {
  final int index;
  final PlannedArtifact artifact;
  private ArtifactState state = ArtifactState.WAITING;
  private int attempts;
  private ArtifactRef output;
  private String error;
  private String errorKind;
  private String skipReason;
  private Long startedAt;
  private Long endedAt;

  ArtifactTracker(int index, PlannedArtifact artifact) {
    this.index = index;
    this.artifact = artifact;
  }

  String id() {
    return artifact.id();
  }

  ArtifactState state() {
    return state;
  }

  ArtifactRef output() {
    return output;
  }

  void running(long now) {
    state = ArtifactState.RUNNING;
    startedAt = now;
  }

  void succeeded(ArtifactRef ref, int attemptCount, long now) {
    state = ArtifactState.SUCCEEDED;
    output = ref;
    attempts = attemptCount;
    endedAt = now;
  }

  void failed(String message, String kind, int attemptCount, long now) {
    state = ArtifactState.FAILED;
    error = message;
    errorKind = kind;
    attempts = attemptCount;
    endedAt = now;
  }

  void skipped(String reason, long now) {
    state = ArtifactState.SKIPPED;
    skipReason = reason;
    endedAt = now;
  }

  ArtifactOutcome outcome() {
    return new ArtifactOutcome(
        artifact.id(),
        artifact.producer().label(),
        state,
        attempts,
        output,
        error,
        errorKind,
        skipReason,
        startedAt,
        endedAt);
  }
}
