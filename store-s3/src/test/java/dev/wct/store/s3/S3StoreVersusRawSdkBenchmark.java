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
 * verified reads. Each operation runs on both sides back to back (the machine's load changes by the
 * second), rounds alternating which side goes first; the ratio is store throughput ÷ raw throughput
 * per round, reported as the median. Run with {@code -Pbench}; {@code -Dbench.rounds} (5).
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
      round(store, raw, bucket, "warm-up", large, small, true);
      for (int round = 0; round < ROUNDS; round++) {
        boolean storeFirst = round % 2 == 0;
        double[][] sides = round(store, raw, bucket, "round-" + round, large, small, storeFirst);
        double[] storeSide = sides[0];
        double[] rawSide = sides[1];
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

  /**
   * One round: each operation by both sides back to back (so that both see the same load on a
   * shared machine), {@code storeFirst} saying which goes first. Returns {store, raw}, each {MiB/s
   * of the large save, MiB/s of the large read, small saves per second}.
   */
  private static double[][] round(
      S3ArtifactStore store,
      S3Client raw,
      String bucket,
      String run,
      byte[] large,
      byte[] small,
      boolean storeFirst)
      throws IOException {
    String rawPrefix = "raw/" + run + "/";
    double[] storeSide = new double[3];
    double[] rawSide = new double[3];
    pair(
        storeFirst,
        () ->
            storeSide[0] =
                timed(large.length, () -> store.save(run, "large", out -> out.write(large))),
        () ->
            rawSide[0] =
                timed(
                    large.length,
                    () ->
                        raw.putObject(
                            b -> b.bucket(bucket).key(rawPrefix + "large"),
                            RequestBody.fromBytes(large))));
    pair(
        storeFirst,
        () -> storeSide[1] = timed(large.length, () -> readFully(store.read(run, "large"), large)),
        () ->
            rawSide[1] =
                timed(
                    large.length,
                    () ->
                        readFully(
                            raw.getObject(b -> b.bucket(bucket).key(rawPrefix + "large")), large)));
    pair(
        storeFirst,
        () ->
            storeSide[2] =
                SMALL_COUNT
                    * perSecond(
                        () -> {
                          for (int i = 0; i < SMALL_COUNT; i++) {
                            store.save(run, "small-" + i, out -> out.write(small));
                          }
                        }),
        () ->
            rawSide[2] =
                SMALL_COUNT
                    * perSecond(
                        () -> {
                          for (int i = 0; i < SMALL_COUNT; i++) {
                            String key = rawPrefix + "small-" + i;
                            raw.putObject(
                                b -> b.bucket(bucket).key(key), RequestBody.fromBytes(small));
                          }
                        }));
    return new double[][] {storeSide, rawSide};
  }

  private interface Step {
    void run() throws IOException;
  }

  private static void pair(boolean storeFirst, Step store, Step raw) throws IOException {
    (storeFirst ? store : raw).run();
    (storeFirst ? raw : store).run();
  }

  /** MiB/s of a step that moves {@code bytes} bytes. */
  private static double timed(long bytes, Step step) throws IOException {
    return mib(bytes) * perSecond(step);
  }

  private static double perSecond(Step step) throws IOException {
    long start = System.nanoTime();
    step.run();
    return 1 / seconds(start);
  }

  private static void readFully(InputStream stream, byte[] expected) throws IOException {
    long read;
    try (InputStream in = stream) {
      read = in.transferTo(OutputStreamSink.INSTANCE);
    }
    assertThat(read).isEqualTo(expected.length);
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
