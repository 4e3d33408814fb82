package dev.wct.store.fs;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.lang.management.ManagementFactory;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a small artifact costs the folder store (policy {@code per-run}, as {@code wct run} uses it)
 * run after run, each run deleted once written, as a benchmark or a scheduled scan that deletes its
 * raw sources does. On an ext4 without a journal the kernel will not reuse an inode deleted in the
 * last minutes, and checks every such inode of the block group before it creates a file: creating a
 * file then costs more the more files were deleted lately. Writes one run into each folder of
 * {@code -Dwct.bench.dirs} (comma-separated, default a temp folder) per round, then deletes it. Not
 * run by default: {@code -Dwct.bench=true -Dtest=StoreAfterDeletionsBenchmark} ({@code
 * -Dwct.bench.steps}, default 2000; {@code -Dwct.bench.rounds}, default 4).
 */
@EnabledIfSystemProperty(named = "wct.bench", matches = "true")
class StoreAfterDeletionsBenchmark {
  private static final byte[] ITEM = "{\"header\":{},\"items\":[{\"n\":1}]}".getBytes(UTF_8);

  @TempDir Path temp;

  @Test
  void smallArtifactsRunAfterDeletedRun() throws Exception {
    int steps = Integer.getInteger("wct.bench.steps", 2000);
    int rounds = Integer.getInteger("wct.bench.rounds", 4);
    List<Path> dirs = new ArrayList<>();
    for (String dir : System.getProperty("wct.bench.dirs", temp.toString()).split(",")) {
      dirs.add(Files.createTempDirectory(Path.of(dir.trim()), "wct-bench-"));
    }
    Map<Path, List<String>> medians = new LinkedHashMap<>();
    try {
      for (int round = 1; round <= rounds; round++) {
        for (Path dir : dirs) {
          try (FileSystemArtifactStore store =
              new FileSystemArtifactStore(dir, SyncPolicy.PER_RUN)) {
            String runId = "run-" + round;
            double median = saveAll(store, runId, steps);
            store.deleteRun(runId);
            medians.computeIfAbsent(dir, d -> new ArrayList<>()).add(String.format("%.0f", median));
          }
        }
      }
    } finally {
      for (Path dir : dirs) {
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
      }
    }
    for (Map.Entry<Path, List<String>> folder : medians.entrySet()) {
      FileStore fileStore = Files.getFileStore(folder.getKey().getParent());
      System.out.printf(
          "%s (%s on %s): %d small artifacts per run, each run deleted after it; µs per"
              + " saveWithRecord, median of each run in turn: %s; load %.1f%n",
          folder.getKey().getParent(),
          fileStore.type(),
          fileStore.name(),
          steps,
          String.join(", ", folder.getValue()),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  /** Saves {@code steps} small artifacts with their records into a run; the median µs per save. */
  private static double saveAll(FileSystemArtifactStore store, String runId, int steps) {
    long[] micros = new long[steps];
    for (int i = 0; i < steps; i++) {
      String id = "a" + i;
      long start = System.nanoTime();
      store.saveWithRecord(
          runId,
          id,
          out -> out.write(ITEM),
          "artifacts/" + id + ".json",
          stored -> ("{\"sha256\":\"" + stored.sha256() + "\"}").getBytes(UTF_8));
      micros[i] = (System.nanoTime() - start) / 1_000;
    }
    store.syncRun(runId);
    Arrays.sort(micros);
    return micros[steps / 2];
  }
}
