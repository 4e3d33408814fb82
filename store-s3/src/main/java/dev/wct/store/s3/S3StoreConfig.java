package dev.wct.store.s3;

import dev.wct.store.StoreNames;
import java.net.URI;
import java.util.Objects;

/**
 * Where an S3 artifact store lives and how to sign in.
 *
 * @param endpoint the S3 endpoint for S3-compatible servers such as MinIO (path-style access); null
 *     for AWS itself
 * @param region the signing region; null means {@code us-east-1}, which suits most S3-compatible
 *     servers
 * @param bucket the bucket, which must exist
 * @param prefix a key prefix inside the bucket, normalised to empty or ending with '/'; null means
 *     none
 * @param accessKeyId an explicit access key; null to use the default AWS credentials chain
 * @param secretAccessKey the secret of {@code accessKeyId}; never printed
 * @param encryption server-side encryption requested on every object written; null means {@link
 *     S3Encryption#NONE} (the bucket's default encryption applies)
 * @param kmsKeyId the KMS key of {@link S3Encryption#KMS}; null for the account's default key; only
 *     with KMS
 */
public record S3StoreConfig(
    URI endpoint,
    String region,
    String bucket,
    String prefix,
    String accessKeyId,
    String secretAccessKey,
    S3Encryption encryption,
    String kmsKeyId) {
  public static final String DEFAULT_REGION = "us-east-1";

  public S3StoreConfig {
    region = region == null || region.isBlank() ? DEFAULT_REGION : region;
    Objects.requireNonNull(bucket, "bucket");
    prefix = prefix == null ? "" : prefix;
    if (bucket.isBlank() || bucket.contains("/")) {
      throw new IllegalArgumentException("invalid bucket name '" + bucket + "'");
    }
    prefix = normalisePrefix(prefix);
    if ((accessKeyId == null) != (secretAccessKey == null)) {
      throw new IllegalArgumentException(
          "give both an access key ID and a secret access key, or neither");
    }
    encryption = encryption == null ? S3Encryption.NONE : encryption;
    kmsKeyId = kmsKeyId == null || kmsKeyId.isBlank() ? null : kmsKeyId.trim();
    if (kmsKeyId != null && encryption != S3Encryption.KMS) {
      throw new IllegalArgumentException("a KMS key id needs KMS encryption (kms)");
    }
  }

  /** A store without server-side encryption of its own. */
  public S3StoreConfig(
      URI endpoint,
      String region,
      String bucket,
      String prefix,
      String accessKeyId,
      String secretAccessKey) {
    this(endpoint, region, bucket, prefix, accessKeyId, secretAccessKey, S3Encryption.NONE, null);
  }

  /** A store in {@code bucket} under {@code prefix} on AWS, with the default credentials chain. */
  public static S3StoreConfig of(String bucket, String prefix) {
    return new S3StoreConfig(null, DEFAULT_REGION, bucket, prefix, null, null);
  }

  /** Parses {@code s3://bucket} or {@code s3://bucket/some/prefix}. */
  public static S3StoreConfig parse(String uri) {
    Objects.requireNonNull(uri, "uri");
    if (!uri.startsWith("s3://")) {
      throw new IllegalArgumentException("expected s3://bucket[/prefix], got '" + uri + "'");
    }
    String rest = uri.substring("s3://".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? of(rest, "") : of(rest.substring(0, slash), rest.substring(slash + 1));
  }

  public S3StoreConfig withEndpoint(URI newEndpoint) {
    return new S3StoreConfig(
        newEndpoint, region, bucket, prefix, accessKeyId, secretAccessKey, encryption, kmsKeyId);
  }

  public S3StoreConfig withRegion(String newRegion) {
    return new S3StoreConfig(
        endpoint, newRegion, bucket, prefix, accessKeyId, secretAccessKey, encryption, kmsKeyId);
  }

  public S3StoreConfig withCredentials(String newAccessKeyId, String newSecretAccessKey) {
    return new S3StoreConfig(
        endpoint, region, bucket, prefix, newAccessKeyId, newSecretAccessKey, encryption, kmsKeyId);
  }

  /**
   * With server-side encryption of every object written.
   *
   * @param newKmsKeyId the KMS key for {@link S3Encryption#KMS}; null for the account's default
   * @throws IllegalArgumentException if a key id is given without KMS
   */
  public S3StoreConfig withEncryption(S3Encryption newEncryption, String newKmsKeyId) {
    return new S3StoreConfig(
        endpoint, region, bucket, prefix, accessKeyId, secretAccessKey, newEncryption, newKmsKeyId);
  }

  /** Where the store is, for messages: the endpoint (or AWS) and the bucket, never credentials. */
  public String describe() {
    return "s3://"
        + bucket
        + "/"
        + prefix
        + " at "
        + (endpoint == null ? "AWS " + region : endpoint);
  }

  @Override
  public String toString() {
    return "S3StoreConfig["
        + describe()
        + ", credentials="
        + (accessKeyId == null ? "default chain" : "access key " + accessKeyId)
        + ", encryption="
        + encryption
        + (kmsKeyId == null ? "" : " key " + kmsKeyId)
        + "]";
  }

  private static String normalisePrefix(String prefix) {
    String trimmed = prefix;
    while (trimmed.startsWith("/")) {
      trimmed = trimmed.substring(1);
    }
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    if (trimmed.isEmpty()) {
      return "";
    }
    try {
      StoreNames.recordName(trimmed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid key prefix '" + prefix + "': " + e.getMessage());
    }
    return trimmed + "/";
  }
}
