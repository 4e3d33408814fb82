package dev.wct.core.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wct.spi.message.SchemaRef;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The claim check for a produced artifact: all that travels through workflow history. It names its
 * run and artifact, so that readers open it by those, never by taking the key apart.
 *
 * @param runId the run that produced it
 * @param artifactId the artifact it holds
 * @param key store-relative key, {@code runs/{runId}/artifacts/{artifactId}.json}, for people
 * @param schema the schema of its content
 * @param sizeBytes stored size
 * @param sha256 lowercase hex SHA-256 of the stored bytes
 * @param itemCount items in its content
 */
public record ArtifactRef(
    String runId,
    String artifactId,
    String key,
    SchemaRef schema,
    long sizeBytes,
    String sha256,
    long itemCount) {
  /** The key layout of claim checks written before they carried their ids. */
  private static final Pattern LEGACY_KEY = Pattern.compile("runs/([^/]+)/artifacts/(.+)\\.json");

  public ArtifactRef {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(artifactId, "artifactId");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(sha256, "sha256");
  }

  /**
   * Reads a claim check. Those in workflow histories and run records written before claim checks
   * carried their ids have only the key: the ids are taken from it, here and nowhere else.
   */
  @JsonCreator
  static ArtifactRef fromJson(
      @JsonProperty("runId") String runId,
      @JsonProperty("artifactId") String artifactId,
      @JsonProperty("key") String key,
      @JsonProperty("schema") SchemaRef schema,
      @JsonProperty("sizeBytes") long sizeBytes,
      @JsonProperty("sha256") String sha256,
      @JsonProperty("itemCount") long itemCount) {
    if ((runId == null || artifactId == null) && key != null) {
      Matcher legacy = LEGACY_KEY.matcher(key);
      if (!legacy.matches()) {
        throw new IllegalArgumentException("claim check without ids has an unknown key: " + key);
      }
      runId = runId != null ? runId : legacy.group(1);
      artifactId = artifactId != null ? artifactId : legacy.group(2);
    }
    return new ArtifactRef(runId, artifactId, key, schema, sizeBytes, sha256, itemCount);
  }
}
