package dev.wct.store.s3;

import dev.wct.spi.error.WctException;
import dev.wct.store.ArtifactNotFoundException;
import dev.wct.store.ArtifactStore;
import dev.wct.store.StoreNames;
import dev.wct.store.StoredArtifact;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * An artifact store in an S3 bucket (or MinIO, S3Proxy...): keys {@code
 * {prefix}runs/{runId}/artifacts/{id}.json} and {@code {prefix}runs/{runId}/_system/{name}}.
 *
 * <p>Saving spools the artifact (in memory up to one part, then to a temp file) while hashing it,
 * then uploads it with {@code If-None-Match: *}: one PUT for small artifacts, a multipart upload
 * above {@link #PART_SIZE} with {@link #PARTS_IN_FLIGHT} parts at a time. Spooling costs a local
 * write, but it is what makes the SHA-256 known when the object is created, so it can travel in
 * {@code x-amz-meta-sha256} on every S3 implementation; the trailer checksums of the SDK are not
 * returned by all of them. Reads verify that SHA-256 at the end of the stream. Costs against plain
 * SDK calls: BENCHMARKS.md, "S3 store against raw AWS SDK calls".
 */
public final class S3ArtifactStore implements ArtifactStore {
  /** Multipart part size, and the largest artifact uploaded with a single PUT. */
  static final int PART_SIZE = 8 * 1024 * 1024;

  /** Parts of one multipart upload sent at once. */
  static final int PARTS_IN_FLIGHT = 4;

  static final String SHA256_METADATA = "sha256";
  private static final int LIST_PAGE_SIZE = 1000;
  private static final int DELETE_BATCH = 1000;
  private static final String CONTENT_TYPE = "application/json";
  private static final Logger LOG = LoggerFactory.getLogger(S3ArtifactStore.class);

  private final S3Client s3;
  private final String bucket;
  private final String prefix;
  private final S3Errors errors;
  private final boolean ownsClient;
  private final int listPageSize;
  private final S3Encryption encryption;
  private final String kmsKeyId;
  private final ExecutorService io = Executors.newCachedThreadPool(S3ArtifactStore::daemon);

  /**
   * A store on a client the caller configured and closes.
   *
   * @param endpoint where the client points, for error messages
   */
  public S3ArtifactStore(S3Client s3, String bucket, String prefix, String endpoint) {
    this(s3, S3StoreConfig.of(bucket, prefix), endpoint, false, LIST_PAGE_SIZE);
  }

  S3ArtifactStore(
      S3Client s3, S3StoreConfig config, String endpoint, boolean ownsClient, int listPageSize) {
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.bucket = config.bucket();
    this.prefix = config.prefix();
    this.errors = new S3Errors(Objects.requireNonNull(endpoint, "endpoint"), bucket);
    this.ownsClient = ownsClient;
    this.listPageSize = listPageSize;
    this.encryption = config.encryption();
    this.kmsKeyId = config.kmsKeyId();
  }

  /**
   * Connects to the configured bucket and checks that it is there.
   *
   * @throws WctException USER if the bucket does not exist or access is denied, EXTERNAL if the
   *     endpoint cannot be reached
   */
  public static S3ArtifactStore open(S3StoreConfig config) {
    S3ClientBuilder builder = S3Client.builder().region(Region.of(config.region()));
    if (config.endpoint() != null) {
      builder
          .endpointOverride(config.endpoint())
          .forcePathStyle(true)
          // S3-compatible servers differ in their support of the SDK's checksum trailers; our own
          // SHA-256 covers integrity end to end.
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
    builder.credentialsProvider(credentials(config));
    String endpoint =
        config.endpoint() == null ? "AWS " + config.region() : config.endpoint().toString();
    S3ArtifactStore store =
        new S3ArtifactStore(builder.build(), config, endpoint, true, LIST_PAGE_SIZE);
    try {
      store.checkBucket();
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  private static AwsCredentialsProvider credentials(S3StoreConfig config) {
    return config.accessKeyId() == null
        ? DefaultCredentialsProvider.builder().build()
        : StaticCredentialsProvider.create(
            AwsBasicCredentials.create(config.accessKeyId(), config.secretAccessKey()));
  }

  /** Fails with one clear line unless the bucket exists and can be reached with these keys. */
  public void checkBucket() {
    try {
      s3.headBucket(b -> b.bucket(bucket));
    } catch (SdkException e) {
      if (S3Errors.isNotFound(e)) {
        throw errors.noSuchBucket(e);
      }
      throw errors.translate("check the bucket", e);
    }
  }

  /**
   * Saves without asking first whether the artifact exists: the conditional PUT (or completion)
   * answers that in the same request, so a new artifact costs one request, not two. The price is
   * that a save of an artifact that already exists runs {@code content} and discards its bytes.
   */
  @Override
  public StoredArtifact save(String runId, String artifactId, Content content) {
    String key = artifactKey(runId, artifactId);
    Objects.requireNonNull(content, "content");
    try (Spool spool = new Spool(PART_SIZE)) {
      content.writeTo(spool.stream());
      String sha256 = spool.finish();
      boolean created =
          spool.inMemory()
              ? putOnce(key, spool.bytes(), sha256)
              : uploadOnce(key, spool.file(), spool.size(), sha256);
      if (!created) {
        LOG.debug("artifact {} was already saved; kept the existing one", key);
        return stat(runId, artifactId)
            .orElseThrow(
                () ->
                    WctException.external(
                        location(runId, artifactId) + " was deleted while being saved", null));
      }
      LOG.debug("saved artifact {} ({} bytes)", key, spool.size());
      return new StoredArtifact(ArtifactStore.artifactKey(runId, artifactId), spool.size(), sha256);
    } catch (IOException e) {
      throw WctException.external(
          "cannot save artifact " + location(runId, artifactId) + ": " + e.getMessage(), e);
    } catch (SdkException e) {
      throw errors.translate("save " + key, e);
    }
  }

  private boolean putOnce(String key, byte[] bytes, String sha256) {
    try {
      s3.putObject(
          b ->
              encrypt(
                  b.bucket(bucket)
                      .key(key)
                      .ifNoneMatch("*")
                      .contentType(CONTENT_TYPE)
                      .contentLength((long) bytes.length)
                      .metadata(Map.of(SHA256_METADATA, sha256))),
          RequestBody.fromContentProvider(
              ContentStreamProvider.fromByteArrayUnsafe(bytes), bytes.length, CONTENT_TYPE));
      return true;
    } catch (SdkException e) {
      if (S3Errors.isAlreadyExists(e)) {
        return false;
      }
      throw e;
    }
  }

  private boolean uploadOnce(String key, Path file, long size, String sha256) throws IOException {
    try {
      new MultipartUpload(s3, bucket, key, PART_SIZE, PARTS_IN_FLIGHT, io, this::encrypt)
          .upload(file, size, Map.of(SHA256_METADATA, sha256), CONTENT_TYPE);
      return true;
    } catch (SdkException e) {
      if (S3Errors.isAlreadyExists(e)) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public InputStream read(String runId, String artifactId) {
    String key = artifactKey(runId, artifactId);
    ResponseInputStream<GetObjectResponse> in;
    try {
      in = s3.getObject(b -> b.bucket(bucket).key(key));
    } catch (SdkException e) {
      if (S3Errors.isNotFound(e)) {
        throw new ArtifactNotFoundException(runId, artifactId);
      }
      throw errors.translate("read " + key, e);
    }
    String sha256 = in.response().metadata().get(SHA256_METADATA);
    if (sha256 == null) {
      LOG.debug("artifact {} has no recorded SHA-256; read unverified", key);
      return in;
    }
    return new VerifyingInputStream(in, sha256, location(runId, artifactId));
  }

  @Override
  public Optional<StoredArtifact> stat(String runId, String artifactId) {
    String key = artifactKey(runId, artifactId);
    HeadObjectResponse head;
    try {
      head = s3.headObject(b -> b.bucket(bucket).key(key));
    } catch (SdkException e) {
      if (S3Errors.isNotFound(e)) {
        return Optional.empty();
      }
      throw errors.translate("stat " + key, e);
    }
    String sha256 = head.metadata().get(SHA256_METADATA);
    if (sha256 == null) {
      sha256 = hash(key);
    }
    return Optional.of(
        new StoredArtifact(
            ArtifactStore.artifactKey(runId, artifactId), head.contentLength(), sha256));
  }

  /** Hashes an object saved by something other than this store, which recorded no SHA-256. */
  private String hash(String key) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    try (InputStream in =
        new DigestInputStream(s3.getObject(b -> b.bucket(bucket).key(key)), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw WctException.external("cannot read s3://" + bucket + "/" + key + ": " + e, e);
    } catch (SdkException e) {
      throw errors.translate("read " + key, e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  @Override
  public List<String> list(String runId) {
    String dir = runPrefix(runId) + "artifacts/";
    List<String> ids = new ArrayList<>();
    for (S3Object object : listObjects(dir, true).contents()) {
      String name = object.key().substring(dir.length());
      if (name.endsWith(".json")) {
        ids.add(name.substring(0, name.length() - ".json".length()));
      }
    }
    ids.sort(null);
    return List.copyOf(ids);
  }

  @Override
  public void delete(String runId, String artifactId) {
    String key = artifactKey(runId, artifactId);
    try {
      s3.deleteObject(b -> b.bucket(bucket).key(key));
      LOG.debug("deleted artifact {}", key);
    } catch (SdkException e) {
      throw errors.translate("delete " + key, e);
    }
  }

  /**
   * Deletes every object under the run's prefix, a thousand keys per request (the S3 maximum).
   * Records go last, so a run interrupted halfway still lists with its run record and a second
   * deletion finishes it.
   */
  @Override
  public void deleteRun(String runId) {
    String dir = runPrefix(runId);
    List<String> keys = new ArrayList<>();
    for (S3Object object : listObjects(dir, false).contents()) {
      keys.add(object.key());
    }
    keys.sort(
        java.util.Comparator.comparing((String key) -> key.startsWith(dir + "_system/"))
            .thenComparing(java.util.Comparator.naturalOrder()));
    for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
      List<ObjectIdentifier> batch =
          keys.subList(from, Math.min(from + DELETE_BATCH, keys.size())).stream()
              .map(key -> ObjectIdentifier.builder().key(key).build())
              .toList();
      try {
        DeleteObjectsResponse response =
            s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
        if (response.hasErrors() && !response.errors().isEmpty()) {
          S3Error first = response.errors().get(0);
          throw WctException.external(
              "cannot delete s3://"
                  + bucket
                  + "/"
                  + first.key()
                  + ": "
                  + first.code()
                  + " "
                  + first.message(),
              null);
        }
      } catch (SdkException e) {
        throw errors.translate("delete run " + dir, e);
      }
    }
    LOG.debug("deleted run {} ({} objects)", dir, keys.size());
  }

  @Override
  public List<String> listRuns() {
    String dir = prefix + "runs/";
    List<String> ids = new ArrayList<>();
    for (CommonPrefix common : listObjects(dir, true).commonPrefixes()) {
      String name = common.prefix().substring(dir.length());
      ids.add(name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
    }
    ids.sort(null);
    return List.copyOf(ids);
  }

  @Override
  public void saveRecord(String runId, String name, byte[] content) {
    String key = recordKey(runId, name);
    try {
      s3.putObject(
          b -> encrypt(b.bucket(bucket).key(key).contentType(CONTENT_TYPE)),
          RequestBody.fromBytes(content));
      LOG.debug("saved record {} ({} bytes)", key, content.length);
    } catch (SdkException e) {
      throw errors.translate("save record " + key, e);
    }
  }

  @Override
  public Optional<byte[]> readRecord(String runId, String name) {
    String key = recordKey(runId, name);
    try {
      return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
    } catch (SdkException e) {
      if (S3Errors.isNotFound(e)) {
        return Optional.empty();
      }
      throw errors.translate("read record " + key, e);
    }
  }

  @Override
  public List<String> listRecords(String runId, String recordPrefix) {
    StoreNames.recordPrefix(recordPrefix);
    String dir = runPrefix(runId) + "_system/";
    List<String> names = new ArrayList<>();
    for (S3Object object : listObjects(dir + recordPrefix, false).contents()) {
      names.add(object.key().substring(dir.length()));
    }
    names.sort(null);
    return List.copyOf(names);
  }

  @Override
  public String location(String runId, String artifactId) {
    return "s3://" + bucket + "/" + artifactKey(runId, artifactId);
  }

  @Override
  public String recordLocation(String runId, String name) {
    return "s3://" + bucket + "/" + recordKey(runId, name);
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "wct-s3-io");
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() {
    io.shutdown();
    if (ownsClient) {
      s3.close();
    }
  }

  /** Adds the configured server-side encryption to a PUT (artifacts and records alike). */
  private PutObjectRequest.Builder encrypt(PutObjectRequest.Builder put) {
    switch (encryption) {
      case AES256 -> put.serverSideEncryption(ServerSideEncryption.AES256);
      case KMS -> put.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(kmsKeyId);
      case NONE -> {}
    }
    return put;
  }

  private void encrypt(CreateMultipartUploadRequest.Builder create) {
    switch (encryption) {
      case AES256 -> create.serverSideEncryption(ServerSideEncryption.AES256);
      case KMS -> create.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(kmsKeyId);
      case NONE -> {}
    }
  }

  private String runPrefix(String runId) {
    return prefix + "runs/" + StoreNames.runId(runId) + "/";
  }

  private String artifactKey(String runId, String artifactId) {
    StoreNames.runId(runId);
    StoreNames.artifactId(artifactId);
    return prefix + ArtifactStore.artifactKey(runId, artifactId);
  }

  private String recordKey(String runId, String name) {
    StoreNames.runId(runId);
    StoreNames.recordName(name);
    return prefix + ArtifactStore.recordKey(runId, name);
  }

  /** Every object (and, with a delimiter, every common prefix) under a key prefix, all pages. */
  private Listing listObjects(String keyPrefix, boolean oneLevel) {
    ListObjectsV2Request.Builder request =
        ListObjectsV2Request.builder().bucket(bucket).prefix(keyPrefix).maxKeys(listPageSize);
    if (oneLevel) {
      request.delimiter("/");
    }
    try {
      List<S3Object> contents = new ArrayList<>();
      List<CommonPrefix> commonPrefixes = new ArrayList<>();
      s3.listObjectsV2Paginator(request.build())
          .forEach(
              page -> {
                contents.addAll(page.contents());
                commonPrefixes.addAll(page.commonPrefixes());
              });
      return new Listing(contents, commonPrefixes);
    } catch (SdkException e) {
      throw errors.translate("list " + keyPrefix, e);
    }
  }

  private record Listing(List<S3Object> contents, List<CommonPrefix> commonPrefixes) {}
}
