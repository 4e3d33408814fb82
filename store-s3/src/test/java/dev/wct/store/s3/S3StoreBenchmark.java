package dev.wct.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.testkit.store.GeneratedBytes;
import dev.wct.store.StoredArtifact;
import java.io.InputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Prints what spooling costs against S3Proxy: large saves (spool + multipart), reads (verified),
 * and small saves (one HEAD and one conditional PUT each). Run with {@code -Pbench}.
 */
@EnabledIfSystemProperty(named = "wct.bench", matches = "true")
class S3StoreBenchmark {
  private static final long LARGE = 64L * 1024 * 1024;
  private static final int SMALL_COUNT = 200;

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
  void largeAndSmallArtifacts() throws Exception {
    String bucket = s3.newBucket();
    try (S3ArtifactStore store = S3ArtifactStore.open(s3.config(bucket, "bench"))) {
      GeneratedBytes large = new GeneratedBytes(9, LARGE);
      long start = System.nanoTime();
      StoredArtifact stored = store.save("run", "large", large);
      long save = System.nanoTime() - start;

      start = System.nanoTime();
      try (InputStream in = store.read("run", "large")) {
        assertThat(GeneratedBytes.sha256Of(in)).isEqualTo(stored.sha256());
      }
      long read = System.nanoTime() - start;

      byte[] small = new byte[2048];
      start = System.nanoTime();
      for (int i = 0; i < SMALL_COUNT; i++) {
        store.save("run", "small-" + i, out -> out.write(small));
      }
      long smalls = System.nanoTime() - start;

      // Reference: the same size as one plain PUT from memory, no spooling, hashing or parts.
      byte[] plain = new byte[(int) LARGE];
      start = System.nanoTime();
      s3.admin().putObject(b -> b.bucket(bucket).key("plain"), RequestBody.fromBytes(plain));
      long plainPut = System.nanoTime() - start;

      System.out.printf(
          "save %d MiB: %.0f MiB/s (plain PUT: %.0f MiB/s); read+verify: %.0f MiB/s;"
              + " 2 KiB saves: %.0f/s%n",
          LARGE >> 20,
          (LARGE >> 20) / (save / 1e9),
          (LARGE >> 20) / (plainPut / 1e9),
          (LARGE >> 20) / (read / 1e9),
          SMALL_COUNT / (smalls / 1e9));
    }
  }
}
