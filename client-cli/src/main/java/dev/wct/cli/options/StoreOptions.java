package dev.wct.cli.options;

import dev.wct.spi.error.WctException;
import dev.wct.store.ArtifactStore;
import dev.wct.store.ArtifactStores;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.Option;

/**
 * /** The {@code --store DIR|s3://BUCKET[/PREFIX]} option (with {@code --s3-endpoint}, {@code
 * --s3-region}, {@code --s3-sse} and {@code --s3-kms-key-id}) of the commands that read or write
 * runs. Its environment fallbacks match the worker's variable names, so that the command line reads
 * the store the workers write. The store is opened by {@link ArtifactStores}, which picks the
 * provider of the location's scheme.
 */
public final class StoreOptions {
  private static final Map<String, String> OPTION_OF_SETTING =
      Map.of(
          ArtifactStores.S3_ENDPOINT, "--s3-endpoint",
          ArtifactStores.S3_REGION, "--s3-region",
          ArtifactStores.S3_SSE, "--s3-sse",
          ArtifactStores.S3_KMS_KEY_ID, "--s3-kms-key-id",
          ArtifactStores.FOLDER_SYNC, "--store-sync");

  @Option(
      names = "--store",
      paramLabel = "DIR|s3://BUCKET[/PREFIX]",
      defaultValue = "${env:WCT_STORE:-.wct}",
      converter = StoreLocation.class,
      description =
          "Store directory, or an S3 bucket with an optional key prefix (default: $WCT_STORE,"
              + " else .wct). S3 credentials come from the default AWS chain:"
              + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a profile.")
  private String location;

  @Option(
      names = "--s3-endpoint",
      paramLabel = "URL",
      defaultValue = "${env:WCT_STORE_S3_ENDPOINT}",
      converter = HttpUrl.class,
      description =
          "Endpoint of an S3-compatible server such as MinIO, like http://localhost:9000"
              + " (default: $WCT_STORE_S3_ENDPOINT, else AWS).")
  private URI s3Endpoint;

  @Option(
      names = "--s3-region",
      paramLabel = "REGION",
      defaultValue = "${env:WCT_STORE_S3_REGION}",
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

  /** The store's location as given: a folder or an {@code s3://} URI. */
  public String location() {
    return location == null || location.isBlank() ? ".wct" : location;
  }

  /** The store settings the options give, for {@link ArtifactStores#open(String, Map)}. */
  public Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    if (s3Endpoint != null) {
      settings.put(ArtifactStores.S3_ENDPOINT, s3Endpoint.toString());
    }
    putGiven(settings, ArtifactStores.S3_REGION, s3Region);
    putGiven(settings, ArtifactStores.S3_SSE, s3Sse);
    putGiven(settings, ArtifactStores.S3_KMS_KEY_ID, s3KmsKeyId);
    return settings;
  }

  private static void putGiven(Map<String, String> settings, String key, String value) {
    if (value != null && !value.isBlank()) {
      settings.put(key, value);
    }
  }

  /**
   * The store, a folder or in S3 (checking that the bucket is there).
   *
   * @throws WctException USER naming the option when the location or a setting is invalid
   */
  public ArtifactStore open() {
    return open(Map.of());
  }

  /**
   * The store, with {@code more} settings beside those of these options, such as {@link
   * ArtifactStores#FOLDER_SYNC}.
   *
   * @throws WctException USER naming the option when the location or a setting is invalid
   */
  public ArtifactStore open(Map<String, String> more) {
    Map<String, String> settings = settings();
    settings.putAll(more);
    try {
      return ArtifactStores.open(location(), settings);
    } catch (IllegalArgumentException e) {
      throw WctException.user(optionMessage(e.getMessage()));
    }
  }

  /**
   * The store options given on this command line (those differing from what the environment
   * supplies), shell-quoted with a leading space, so that a printed follow-up command reads the
   * same store: {@code " --store /data/wct"}, or empty for the default store.
   */
  public String givenArguments() {
    StringBuilder given = new StringBuilder();
    if (!location().equals(Objects.requireNonNullElse(System.getenv("WCT_STORE"), ".wct"))) {
      given.append(" --store ").append(ShellWords.quote(location()));
    }
    if (s3Endpoint != null
        && !s3Endpoint.toString().equals(System.getenv("WCT_STORE_S3_ENDPOINT"))) {
      given.append(" --s3-endpoint ").append(ShellWords.quote(s3Endpoint.toString()));
    }
    if (s3Region != null
        && !s3Region.isBlank()
        && !s3Region.equals(System.getenv("WCT_STORE_S3_REGION"))) {
      given.append(" --s3-region ").append(ShellWords.quote(s3Region));
    }
    return given.toString();
  }

  /** The store as error messages name it: its folder or its {@code s3://} URI. */
  public String displayName() {
    return location();
  }

  private static String optionMessage(String message) {
    for (Map.Entry<String, String> setting : OPTION_OF_SETTING.entrySet()) {
      if (message != null && message.startsWith(setting.getKey() + ":")) {
        return setting.getValue() + message.substring(setting.getKey().length());
      }
    }
    return "--store: " + message;
  }
}
