package dev.wct.store.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.testkit.store.GeneratedBytes;
import dev.wct.store.StoredArtifact;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why {@code stat} keeps a checksum sidecar: prints save, stat-from-sidecar and stat-by-rehash
 * times for a large artifact. Not run by default: {@code -Dwct.bench=true -Dtest=...Benchmark}.
 */
@EnabledIfSystemProperty(named = "wct.bench", matches = "true")
class FileSystemStoreBenchmark {
  private static final long SIZE = 256L * 1024 * 1024;
  private static final int ROUNDS = 10;

  @TempDir Path root;

  @Test
  void statFromSidecarVersusRehash() throws Exception {
    FileSystemArtifactStore store = new FileSystemArtifactStore(root);
    long start = System.nanoTime();
    StoredArtifact stored = store.save("run", "large", new GeneratedBytes(1, SIZE));
    long save = System.nanoTime() - start;

    start = System.nanoTime();
    for (int i = 0; i < ROUNDS; i++) {
      assertThat(store.stat("run", "large")).contains(stored);
    }
    long sidecar = (System.nanoTime() - start) / ROUNDS;

    Path checksum = ChecksumSidecar.of(root.resolve("runs/run/artifacts/large.json"));
    start = System.nanoTime();
    for (int i = 0; i < ROUNDS; i++) {
      Files.delete(checksum);
      assertThat(store.stat("run", "large")).contains(stored);
    }
    long rehash = (System.nanoTime() - start) / ROUNDS;

    System.out.printf(
        "save %d MiB: %d ms (%.0f MiB/s); stat from sidecar: %.3f ms; stat by rehash: %d ms%n",
        SIZE >> 20,
        save / 1_000_000,
        (SIZE >> 20) / (save / 1e9),
        sidecar / 1e6,
        rehash / 1_000_000);
  }
}
