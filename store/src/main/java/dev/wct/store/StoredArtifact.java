package dev.wct.store;

import java.util.Objects;

/**
 * What the store knows of a saved artifact.
 *
 * @param key store-relative key, {@code runs/{runId}/artifacts/{artifactId}.json}
 * @param sizeBytes size of the stored bytes
 * @param sha256 lowercase hex SHA-256 of the stored bytes
 */
public record StoredArtifact(String key, long sizeBytes, String sha256) {
  public StoredArtifact {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(sha256, "sha256");
  }
}
