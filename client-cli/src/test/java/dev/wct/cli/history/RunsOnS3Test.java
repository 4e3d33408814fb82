package dev.wct.cli.history;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.core.run.RunStatus;
import dev.wct.store.runs.RunRecord;
import dev.wct.store.runs.RunRecords;
import dev.wct.store.s3.S3ArtifactStore;
import dev.wct.store.s3.S3StoreConfig;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code wct runs delete} and {@code prune} on an S3 store (an embedded, in-memory S3Proxy). The
 * command line signs in with the default AWS chain, which reads these system properties.
 */
@DisabledIfEnvironmentVariable(named = "AWS_ACCESS_KEY_ID", matches = ".+")
class RunsOnS3Test {
  private static final String ACCESS_KEY = "wct-cli-test-access";
  private static final String SECRET_KEY = "wct-cli-test-secret";
  private static final String BUCKET = "wct-cli-runs";
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private static S3Proxy proxy;
  private static URI endpoint;
  private S3ArtifactStore store;

  @BeforeAll
  static void startS3() throws Exception {
    proxy =
        S3Proxy.builder()
            .blobStore(new TransientNio2BlobStore())
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .ignoreUnknownHeaders(true)
            .build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      Thread.sleep(10);
    }
    endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    try (S3Client admin =
        S3Client.builder()
            .endpointOverride(endpoint)
            .forcePathStyle(true)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
            .build()) {
      admin.createBucket(b -> b.bucket(BUCKET));
    }
    System.setProperty("aws.accessKeyId", ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", SECRET_KEY);
  }

  @AfterAll
  static void stopS3() throws Exception {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    proxy.stop();
  }

  @BeforeEach
  void seed() {
    store =
        S3ArtifactStore.open(
            S3StoreConfig.of(BUCKET, "scans")
                .withEndpoint(endpoint)
                .withCredentials(ACCESS_KEY, SECRET_KEY));
    for (String runId : store.listRuns()) {
      store.deleteRun(runId);
    }
    seed("old", RunStatus.COMPLETED, 100);
    seed("recent", RunStatus.FAILED, 5);
    seed("running", RunStatus.RUNNING, 200);
  }

  private void seed(String runId, RunStatus status, int endedDaysAgo) {
    Instant ended = NOW.minus(Duration.ofDays(endedDaysAgo));
    new RunRecords(store)
        .saveRun(
            new RunRecord(
                runId,
                "wct-run-" + runId,
                "Scan",
                "scan.yaml",
                "hash",
                1,
                ended.minusSeconds(60),
                status == RunStatus.RUNNING ? null : ended,
                status,
                null));
    store.save(runId, "personal_data", out -> out.write("{}".getBytes(UTF_8)));
  }

  private Cli.Result cli(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--store";
    all[args.length + 1] = "s3://" + BUCKET + "/scans";
    all[args.length + 2] = "--s3-endpoint";
    all[args.length + 3] = endpoint.toString();
    return Cli.run(all);
  }

  @Test
  void pruneDeletesTheExpiredRunsObjectsAndKeepsTheRest() {
    Cli.Result result = cli("runs", "prune", "--older-than", "90d");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("Deleted run old (completed, ended ");
    assertThat(store.listRuns()).containsExactly("recent", "running");
    assertThat(store.list("old")).isEmpty();
    assertThat(store.listRecords("old", "")).isEmpty();
  }

  @Test
  void deleteRemovesARunAndRefusesARunningOne() {
    Cli.Result deleted = cli("runs", "delete", "recent");
    Cli.Result refused = cli("runs", "delete", "running");

    assertThat(deleted.exitCode()).as(deleted.err()).isZero();
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).startsWith("wct: run running is still running and is not deleted");
    assertThat(store.listRuns()).containsExactly("old", "running");
  }
}
