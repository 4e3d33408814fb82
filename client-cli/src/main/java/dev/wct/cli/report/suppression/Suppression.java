package dev.wct.cli.report.suppression;

import java.util.Objects;

/**
 * A finding accepted as a false positive.
 *
 * @param id the finding's stable id
 * @param artifact the findings artifact it belongs to; null for any artifact of the run
 * @param who who accepted it
 * @param when when, as written (e.g. {@code 2026-11-30})
 * @param why the reason
 * @param fingerprint the evidence fingerprint it was accepted with; null to accept any evidence
 */
public record Suppression(
    String id, String artifact, String who, String when, String why, String fingerprint) {
  public Suppression {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(why, "why");
  }

  /** Whether it names the finding {@code findingId} of {@code artifactId}. */
  public boolean names(String artifactId, String findingId) {
    return id.equals(findingId) && (artifact == null || artifact.equals(artifactId));
  }

  /** Whether it holds for evidence with {@code currentFingerprint}. */
  public boolean appliesTo(String currentFingerprint) {
    return fingerprint == null || fingerprint.equals(currentFingerprint);
  }
}
