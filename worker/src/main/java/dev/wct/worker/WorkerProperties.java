package dev.wct.worker;

import dev.wct.store.ArtifactStores;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of a worker, from {@code application.yaml}, which reads the environment ({@code
 * WCT_TEMPORAL_TARGET}, {@code WCT_STORE_S3_BUCKET}, ...) and holds the defaults.
 *
 * @param temporal where the Temporal frontend is
 * @param store where artifacts live: an S3 bucket when {@code store.s3.bucket} is set, else the
 *     local folder {@code store.dir}
 * @param worker start-up, shutdown and concurrency of this worker process
 */
@ConfigurationProperties("wct")
public record WorkerProperties(Temporal temporal, Store store, Worker worker) {
  public WorkerProperties {
    Objects.requireNonNull(temporal, "wct.temporal");
    Objects.requireNonNull(store, "wct.store");
    worker = worker == null ? new Worker(null, null, null, null, null) : worker;
  }

  /**
   * @param target host:port of the Temporal frontend
   * @param namespace the Temporal namespace
   * @param taskQueue the task queue the CLI submits to
   * @param apiKey an API key sent as {@code authorization: Bearer KEY} (Temporal Cloud); empty for
   *     none
   * @param tls TLS to the frontend
   */
  public record Temporal(
      String target, String namespace, String taskQueue, String apiKey, Tls tls) {
    public Temporal {
      Objects.requireNonNull(target, "wct.temporal.target");
      Objects.requireNonNull(namespace, "wct.temporal.namespace");
      Objects.requireNonNull(taskQueue, "wct.temporal.task-queue");
      tls = tls == null ? new Tls(false, null, null, null) : tls;
    }

    public boolean hasApiKey() {
      return apiKey != null && !apiKey.isBlank();
    }
  }

  /**
   * TLS to the Temporal frontend. An API key implies TLS.
   *
   * @param enabled TLS with the JVM's trusted certificates (or {@code caCert})
   * @param caCert a PEM file of the certificate authorities to trust instead of the JVM's
   * @param clientCert a PEM certificate chain for mutual TLS, with {@code clientKey}
   * @param clientKey the PKCS#8 PEM private key of {@code clientCert}
   */
  public record Tls(boolean enabled, String caCert, String clientCert, String clientKey) {
    public boolean mutual() {
      return given(clientCert) && given(clientKey);
    }
  }

  /**
   * @param maxConcurrentActivities producer activities this process runs at once
   * @param maxConcurrentWorkflowTasks workflow tasks this process runs at once
   * @param shutdownGrace how long running producers may go on after a stop signal before they are
   *     interrupted and retried elsewhere
   * @param startupRetryInitial the first wait between start-up attempts while Temporal or the store
   *     is not reachable; it doubles up to {@code startupRetryMax}
   * @param startupRetryMax the longest wait between start-up attempts
   */
  public record Worker(
      Integer maxConcurrentActivities,
      Integer maxConcurrentWorkflowTasks,
      Duration shutdownGrace,
      Duration startupRetryInitial,
      Duration startupRetryMax) {
    public Worker {
      maxConcurrentActivities = maxConcurrentActivities == null ? 200 : maxConcurrentActivities;
      maxConcurrentWorkflowTasks =
          maxConcurrentWorkflowTasks == null ? 200 : maxConcurrentWorkflowTasks;
      shutdownGrace = shutdownGrace == null ? Duration.ofSeconds(30) : shutdownGrace;
      startupRetryInitial =
          startupRetryInitial == null ? Duration.ofSeconds(1) : startupRetryInitial;
      startupRetryMax = startupRetryMax == null ? Duration.ofSeconds(30) : startupRetryMax;
      if (maxConcurrentActivities < 1 || maxConcurrentWorkflowTasks < 2) {
        throw new IllegalArgumentException(
            "wct.worker: max-concurrent-activities must be at least 1 and"
                + " max-concurrent-workflow-tasks at least 2");
      }
    }
  }

  private static boolean given(String value) {
    return value != null && !value.isBlank();
  }

  /**
   * @param dir the local store folder, used when no S3 bucket is configured
   * @param s3 the S3 or MinIO store
   */
  public record Store(String dir, S3 s3) {
    public boolean usesS3() {
      return s3 != null && s3.bucket() != null && !s3.bucket().isBlank();
    }

    /** Where the store is, for {@link ArtifactStores#open}: {@code s3://bucket/prefix} or dir. */
    public String location() {
      if (!usesS3()) {
        return dir;
      }
      return s3.prefix().isBlank()
          ? "s3://" + s3.bucket()
          : "s3://" + s3.bucket() + "/" + s3.prefix();
    }

    /** The S3 settings given, for {@link ArtifactStores#open}; unset ones keep their defaults. */
    public Map<String, String> settings() {
      Map<String, String> settings = new LinkedHashMap<>();
      if (usesS3() && s3.endpoint() != null && !s3.endpoint().isBlank()) {
        settings.put(ArtifactStores.S3_ENDPOINT, s3.endpoint());
      }
      if (usesS3()) {
        putGiven(settings, ArtifactStores.S3_REGION, s3.region());
        putGiven(settings, ArtifactStores.S3_SSE, s3.sse());
        putGiven(settings, ArtifactStores.S3_KMS_KEY_ID, s3.kmsKeyId());
      }
      return settings;
    }

    private static void putGiven(Map<String, String> settings, String key, String value) {
      if (value != null && !value.isBlank()) {
        settings.put(key, value);
      }
    }
  }

  /**
   * @param bucket the bucket, which must exist
   * @param prefix a key prefix inside the bucket
   * @param endpoint the endpoint of an S3-compatible server such as MinIO; empty for AWS
   * @param region the signing region; empty for the S3 store's default
   * @param sse server-side encryption of the objects written: {@code aes256} (SSE-S3), {@code kms}
   *     (SSE-KMS) or empty for none (the bucket's default applies)
   * @param kmsKeyId the KMS key of {@code kms}; empty for the account's {@code aws/s3} key
   */
  public record S3(
      String bucket, String prefix, String endpoint, String region, String sse, String kmsKeyId) {
    public S3 {
      prefix = prefix == null ? "" : prefix;
    }
  }
}
