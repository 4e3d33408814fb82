package dev.wct.cli.history;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.core.run.RunStatus;
import dev.wct.store.runs.RunRecord;
import dev.wct.store.runs.RunRecords;
import dev.wct.store.s3.EmbeddedS3;
import dev.wct.store.s3.S3ArtifactStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

/**
 * {@code wct runs delete} and {@code prune} on an S3 store (an embedded, in-memory S3Proxy). The
 * command line signs in with the default AWS chain, which reads these system properties.
 */
@DisabledIfEnvironmentVariable(named = "AWS_ACCESS_KEY_ID", matches = ".+")
class RunsOnS3Test {
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private static EmbeddedS3 s3;
  private static String bucket;
  private S3ArtifactStore store;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = EmbeddedS3.start();
    bucket = s3.newBucket();
    System.setProperty("aws.accessKeyId", EmbeddedS3.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", EmbeddedS3.SECRET_KEY);
  }

  @AfterAll
  static void stopS3() throws Exception {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    s3.close();
  }

  @BeforeEach
  void seed() {
    store = S3ArtifactStore.open(s3.config(bucket, "scans"));
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
    all[args.length + 1] = "s3://" + bucket + "/scans";
    all[args.length + 2] = "--s3-endpoint";
    all[args.length + 3] = s3.endpoint().toString();
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
