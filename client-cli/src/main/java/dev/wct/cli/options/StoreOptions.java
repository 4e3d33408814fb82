package dev.wct.cli.options;

import dev.wct.spi.error.WctException;
import dev.wct.store.ArtifactStore;
import dev.wct.store.fs.FileSystemArtifactStore;
import dev.wct.store.s3.S3ArtifactStore;
import dev.wct.store.s3.S3Encryption;
import dev.wct.store.s3.S3StoreConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --store DIR|s3://BUCKET[/PREFIX]} option (with {@code --s3-endpoint}, {@code
 * --s3-region}, {@code --s3-sse} and {@code --s3-kms-key-id}) of the commands that read or write
 * runs. Its environment fallbacks match the worker's variable names, so that the command line reads
 * the store the workers write.
 */
public final class StoreOptions {
  private static final String S3_SCHEME = "s3://";

  @Option(
      names = "--store",
      paramLabel = "DIR|s3://BUCKET[/PREFIX]",
      defaultValue = "${env:WCT_STORE:-.wct}",
      description =
          "Store directory, or an S3 bucket with an optional key prefix (default: $WCT_STORE,"
              + " else .wct). S3 credentials come from the default AWS chain:"
              + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a profile.")
  private String location;

  @Option(
      names = "--s3-endpoint",
      paramLabel = "URL",
      defaultValue = "${env:WCT_STORE_S3_ENDPOINT}",
      description =
          "Endpoint of an S3-compatible server such as MinIO, like http://localhost:9000"
              + " (default: $WCT_STORE_S3_ENDPOINT, else AWS).")
  private String s3Endpoint;

  @Option(
      names = "--s3-region",
      paramLabel = "REGION",
      defaultValue = "${env:WCT_STORE_S3_REGION:-" + S3StoreConfig.DEFAULT_REGION + "}",
      description = "S3 signing region (default: $WCT_STORE_S3_REGION, else us-east-1).")
  private String s3Region;

  @Option(
      names = "--s3-sse",
      paramLabel = "aes256|kms",
      defaultValue = "${env:WCT_STORE_S3_SSE}",
      description =
          "Server-side encryption of every object written to S3: aes256 (SSE-S3) or kms"
              + " (SSE-KMS) (default: $WCT_STORE_S3_SSE, else none: the bucket's default).")
  private String s3Sse;

  @Option(
      names = "--s3-kms-key-id",
      paramLabel = "ID",
      defaultValue = "${env:WCT_STORE_S3_KMS_KEY_ID}",
      description =
          "The KMS key of --s3-sse kms: a key id, ARN or alias (default: $WCT_STORE_S3_KMS_KEY_ID,"
              + " else the account's aws/s3 key).")
  private String s3KmsKeyId;

  /** The store's folder, unless it lives in S3. */
  public Optional<Path> directory() {
    return isS3() ? Optional.empty() : Optional.of(Path.of(location()));
  }

  /**
   * Where in S3 the store lives, unless it is a folder.
   *
   * @throws WctException USER naming the option when the bucket, prefix or endpoint is invalid
   */
  public Optional<S3StoreConfig> s3() {
    if (!isS3()) {
      return Optional.empty();
    }
    S3StoreConfig config;
    try {
      config = S3StoreConfig.parse(location()).withRegion(s3Region);
    } catch (IllegalArgumentException e) {
      throw WctException.user("--store: " + e.getMessage());
    }
    S3Encryption encryption;
    try {
      encryption = s3Sse == null || s3Sse.isBlank() ? S3Encryption.NONE : S3Encryption.parse(s3Sse);
    } catch (IllegalArgumentException e) {
      throw WctException.user("--s3-sse: " + e.getMessage());
    }
    if (s3KmsKeyId != null && !s3KmsKeyId.isBlank() && encryption != S3Encryption.KMS) {
      throw WctException.user("--s3-kms-key-id: a KMS key id needs --s3-sse kms");
    }
    config = config.withEncryption(encryption, s3KmsKeyId);
    return Optional.of(
        s3Endpoint == null || s3Endpoint.isBlank()
            ? config
            : config.withEndpoint(endpoint(s3Endpoint)));
  }

  /** The store, opened on the file system or in S3 (checking that the bucket is there). */
  public ArtifactStore open() {
    Optional<S3StoreConfig> s3 = s3();
    return s3.isPresent()
        ? S3ArtifactStore.open(s3.get())
        : new FileSystemArtifactStore(directory().orElseThrow());
  }

  /** The store as error messages name it: its folder or its {@code s3://} URI. */
  public String displayName() {
    return location();
  }

  private boolean isS3() {
    return location().startsWith(S3_SCHEME);
  }

  private String location() {
    return location == null || location.isBlank() ? ".wct" : location;
  }

  private static URI endpoint(String given) {
    try {
      URI uri = new URI(given);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below, in the same words as any other malformed endpoint
    }
    throw WctException.user(
        "--s3-endpoint: expected an http:// or https:// URL, got '" + given + "'");
  }
}
