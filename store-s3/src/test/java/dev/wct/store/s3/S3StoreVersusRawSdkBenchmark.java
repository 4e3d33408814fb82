package dev.wct.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 store against plain AWS SDK calls on the same S3Proxy, side by side: a 100 MiB artifact
 * saved and read back, and 1,000 small artifacts saved. Both sides write the same bytes from
 * memory; the store adds spooling, SHA-256, multipart for large objects, the write-once check and
 * verified reads. Rounds alternate which side goes first; the ratio is store throughput ÷ raw
 * throughput per round, reported as the median. Run with {@code -Pbench}.
 */
@EnabledIfSystemProperty(named = "wct.bench", matches = "true")
class S3StoreVersusRawSdkBenchmark {
  private static final int LARGE = 100 * 1024 * 1024;
  private static final int SMALL = 2048;
  private static final int SMALL_COUNT = 1000;
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);

  private static EmbeddedS3 s3;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = EmbeddedS3.start();
  }

  @AfterAll
  static void stopS3() throws Exception {
    s3.close();
  }

  @Test
  void storeAgainstRawSdk() throws Exception {
    byte[] large = new byte[LARGE];
    new Random(7).nextBytes(large);
    byte[] small = new byte[SMALL];
    new Random(8).nextBytes(small);
    String bucket = s3.newBucket();
    S3Client raw = s3.admin();
    List<double[]> ratios = new ArrayList<>();
    try (S3ArtifactStore store = S3ArtifactStore.open(s3.config(bucket, "store"))) {
      // Warm-up, not counted: JIT, connection pools, S3Proxy's first buckets.
      storeRound(store, "warm-up", large, small);
      rawRound(raw, bucket, "warm-up", large, small);
      for (int round = 0; round < ROUNDS; round++) {
        String run = "round-" + round;
        boolean storeFirst = round % 2 == 0;
        double[] storeSide = new double[3];
        double[] rawSide = new double[3];
        for (int side = 0; side < 2; side++) {
          if ((side == 0) == storeFirst) {
            storeSide = storeRound(store, run, large, small);
          } else {
            rawSide = rawRound(raw, bucket, run, large, small);
          }
        }
        System.out.printf(
            "round %d (%s first): store put %.0f MiB/s get %.0f MiB/s small %.0f/s;"
                + " raw put %.0f MiB/s get %.0f MiB/s small %.0f/s%n",
            round,
            storeFirst ? "store" : "raw",
            storeSide[0],
            storeSide[1],
            storeSide[2],
            rawSide[0],
            rawSide[1],
            rawSide[2]);
        ratios.add(
            new double[] {
              storeSide[0] / rawSide[0], storeSide[1] / rawSide[1], storeSide[2] / rawSide[2]
            });
      }
    }
    System.out.printf(
        "store ÷ raw, median of %d rounds: 100 MiB put %.2f×, 100 MiB get %.2f×,"
            + " %d × 2 KiB put %.2f×%n",
        ROUNDS, median(ratios, 0), median(ratios, 1), SMALL_COUNT, median(ratios, 2));
  }

  /** MiB/s of the large save and read, small saves per second. */
  private static double[] storeRound(S3ArtifactStore store, String run, byte[] large, byte[] small)
      throws IOException {
    long start = System.nanoTime();
    store.save(run, "large", out -> out.write(large));
    double put = mib(large.length) / seconds(start);
    start = System.nanoTime();
    long read;
    try (InputStream in = store.read(run, "large")) {
      read = in.transferTo(OutputStreamSink.INSTANCE);
    }
    double get = mib(read) / seconds(start);
    assertThat(read).isEqualTo(large.length);
    start = System.nanoTime();
    for (int i = 0; i < SMALL_COUNT; i++) {
      store.save(run, "small-" + i, out -> out.write(small));
    }
    return new double[] {put, get, SMALL_COUNT / seconds(start)};
  }

  private static double[] rawRound(
      S3Client raw, String bucket, String run, byte[] large, byte[] small) throws IOException {
    String prefix = "raw/" + run + "/";
    long start = System.nanoTime();
    raw.putObject(b -> b.bucket(bucket).key(prefix + "large"), RequestBody.fromBytes(large));
    double put = mib(large.length) / seconds(start);
    start = System.nanoTime();
    long read;
    try (InputStream in = raw.getObject(b -> b.bucket(bucket).key(prefix + "large"))) {
      read = in.transferTo(OutputStreamSink.INSTANCE);
    }
    double get = mib(read) / seconds(start);
    assertThat(read).isEqualTo(large.length);
    start = System.nanoTime();
    for (int i = 0; i < SMALL_COUNT; i++) {
      String key = prefix + "small-" + i;
      raw.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(small));
    }
    return new double[] {put, get, SMALL_COUNT / seconds(start)};
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static double median(List<double[]> rounds, int column) {
    double[] values = rounds.stream().mapToDouble(r -> r[column]).sorted().toArray();
    return values[values.length / 2];
  }

  /** Discards what it is given. */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
