package dev.wct.core.run;

/** Where an artifact of a run stands. */
public enum ArtifactState {
  WAITING,
  RUNNING,
  SUCCEEDED,
  FAILED,
  SKIPPED;

  public boolean finished() {
    return this == SUCCEEDED || this == FAILED || this == SKIPPED;
  }
}
