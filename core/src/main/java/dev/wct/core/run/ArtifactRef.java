package dev.wct.core.run;

import dev.wct.spi.message.SchemaRef;
import java.util.Objects;

/**
 * The claim check for a produced artifact: all that travels through workflow history.
 *
 * @param key store-relative key, {@code runs/{runId}/artifacts/{artifactId}.json}
 * @param schema the schema of its content
 * @param sizeBytes stored size
 * @param sha256 lowercase hex SHA-256 of the stored bytes
 * @param itemCount items in its content
 */
public record ArtifactRef(
    String key, SchemaRef schema, long sizeBytes, String sha256, long itemCount) {
  public ArtifactRef {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(sha256, "sha256");
  }
}
