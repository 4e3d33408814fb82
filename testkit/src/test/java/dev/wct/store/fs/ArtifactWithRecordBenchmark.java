package dev.wct.store.fs;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.wct.store.StoredArtifact;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one producer step costs the folder store on its critical path, steps one after another as in
 * a chain: a progress record, then a small artifact and its final record, either one after the
 * other ({@code save}, then {@code saveRecord}: four syncs in a row) or together ({@code
 * saveWithRecord}: three), alternating step by step so both see the same disk. Also prints a bare
 * file fsync and a bare directory fsync from the same loop: what each sync costs at the time. Not
 * run by default: {@code -Dwct.bench=true -Dtest=ArtifactWithRecordBenchmark} ({@code
 * -Dwct.bench.steps}, default 400).
 */
@EnabledIfSystemProperty(named = "wct.bench", matches = "true")
class ArtifactWithRecordBenchmark {
  private static final byte[] ITEM = "{\"header\":{},\"items\":[{\"n\":1}]}".getBytes(UTF_8);

  @TempDir Path root;

  @Test
  void artifactThenRecordVersusBothTogether() throws Exception {
    int steps = Integer.getInteger("wct.bench.steps", 400);
    FileSystemArtifactStore store = new FileSystemArtifactStore(root);
    Samples progress = new Samples();
    Samples save = new Samples();
    Samples saveRecord = new Samples();
    Samples sequential = new Samples();
    Samples together = new Samples();
    Samples fileSync = new Samples();
    Samples directorySync = new Samples();
    Path probe = root.resolve("probe");
    for (int i = -20; i < steps; i++) {
      boolean measured = i >= 0;
      for (boolean sequentialTurn :
          i % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
        String id = (sequentialTurn ? "s" : "t") + i;
        String record = "artifacts/" + id + ".json";
        long t0 = System.nanoTime();
        store.saveProgressRecord("run", record, "{\"running\":1}".getBytes(UTF_8));
        long t1 = System.nanoTime();
        if (sequentialTurn) {
          StoredArtifact stored = store.save("run", id, out -> out.write(ITEM));
          long t2 = System.nanoTime();
          store.saveRecord("run", record, describe(stored));
          long t3 = System.nanoTime();
          if (measured) {
            progress.add(t1 - t0);
            save.add(t2 - t1);
            saveRecord.add(t3 - t2);
            sequential.add(t3 - t0);
          }
        } else {
          store.saveWithRecord(
              "run", id, out -> out.write(ITEM), record, ArtifactWithRecordBenchmark::describe);
          long t2 = System.nanoTime();
          if (measured) {
            progress.add(t1 - t0);
            together.add(t2 - t0);
          }
        }
      }
      long file = sync(probe, i);
      long directory = syncDirectory(root);
      if (measured) {
        fileSync.add(file);
        directorySync.add(directory);
      }
    }
    System.out.printf(
        "%d steps, ms median / p90: one after the other %s (progress record %s, save %s,"
            + " saveRecord %s); saveWithRecord step %s; together / one after the other (medians)"
            + " %.2f; bare fsync of a file %s, of a directory %s; load %.1f%n",
        steps,
        sequential,
        progress,
        save,
        saveRecord,
        together,
        together.median() / sequential.median(),
        fileSync,
        directorySync,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static byte[] describe(StoredArtifact stored) {
    return ("{\"sha256\":\"" + stored.sha256() + "\"}").getBytes(UTF_8);
  }

  private static long sync(Path file, int i) throws Exception {
    try (FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      channel.write(ByteBuffer.wrap(Integer.toString(i).getBytes(UTF_8)));
      long start = System.nanoTime();
      channel.force(true);
      return System.nanoTime() - start;
    }
  }

  private static long syncDirectory(Path directory) throws Exception {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      long start = System.nanoTime();
      channel.force(true);
      return System.nanoTime() - start;
    }
  }

  /** Nanosecond samples, printed as milliseconds: median / p90. */
  private static final class Samples {
    private final List<Long> nanos = new ArrayList<>();

    void add(long sample) {
      nanos.add(sample);
    }

    double median() {
      return percentile(50);
    }

    private double percentile(int p) {
      List<Long> sorted = new ArrayList<>(nanos);
      Collections.sort(sorted);
      return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }

    @Override
    public String toString() {
      return String.format("%.2f / %.2f", median(), percentile(90));
    }
  }
}
