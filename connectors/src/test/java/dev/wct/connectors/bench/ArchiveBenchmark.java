package dev.wct.connectors.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.connectors.common.StandardInput;
import dev.wct.connectors.filesystem.FilesystemConnector;
import dev.wct.core.message.MessageWriter;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.MessageHeader;
import dev.wct.testkit.RecordingContext;
import dev.wct.testkit.archives.Archives;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same 2,000 CSV files (about 40 MB) read by the filesystem connector from a folder, a zip and
 * a tar.gz (written by the zip and tar tools when installed), side by side in one run, each
 * serialised into a real message stream; and the time to reject a 1 GiB zip bomb. Run with {@code
 * ./mvnw -B -o -q -pl connectors test -Pbench -Dtest=ArchiveBenchmark}; results go to
 * target/bench/archives.md.
 */
@EnabledIfSystemProperty(named = "wct.bench", matches = "true")
class ArchiveBenchmark {
  private static final int FILES = 2_000;
  private static final int ROWS = 200;

  @TempDir Path dir;

  private record Result(String source, long onDisk, long items, double seconds, long peakHeap) {}

  @Test
  void readsAFolderAZipAndATarGzOfTheSameFilesAndRejectsABomb() throws Exception {
    Path files = Files.createDirectories(dir.resolve("files"));
    Random random = new Random(42);
    List<String> names = new ArrayList<>();
    long bytes = 0;
    for (int f = 0; f < FILES; f++) {
      StringBuilder csv = new StringBuilder("id,name,email,iban,notes\n");
      for (int r = 0; r < ROWS; r++) {
        String name = word(random, 7);
        csv.append(r)
            .append(',')
            .append(name)
            .append(',')
            .append(name)
            .append('@')
            .append(word(random, 6))
            .append(".com,DE")
            .append(
                String.format(Locale.ROOT, "%020d", Math.abs(random.nextLong()) % 100000000000L))
            .append(',')
            .append(word(random, 30))
            .append('\n');
      }
      String name = String.format(Locale.ROOT, "export-%04d.csv", f);
      names.add(name);
      bytes += Files.writeString(files.resolve(name), csv).toFile().length();
    }
    Path zipRoot = Files.createDirectories(dir.resolve("zip"));
    Archives.zip(zipRoot.resolve("exports.zip"), files, names.toArray(String[]::new));
    Path tarRoot = Files.createDirectories(dir.resolve("tar"));
    Archives.tar(tarRoot.resolve("exports.tar.gz"), files, names.toArray(String[]::new));
    Path bombRoot = Files.createDirectories(dir.resolve("bomb"));
    writeBomb(bombRoot.resolve("bomb.zip"), 1L << 30);

    String limits = ",\"max_files\":10000,\"max_archive_size\":1000000000";
    read(files, limits); // warm-up: JIT, Tika's and Commons Compress's classes
    List<Result> results = new ArrayList<>();
    results.add(read(files, limits).named("folder", bytes));
    results.add(read(zipRoot, limits).named("zip", Files.size(zipRoot.resolve("exports.zip"))));
    results.add(
        read(tarRoot, limits).named("tar.gz", Files.size(tarRoot.resolve("exports.tar.gz"))));
    results.add(
        read(bombRoot, "")
            .named("zip bomb, 1 GiB of zeros", Files.size(bombRoot.resolve("bomb.zip"))));

    StringBuilder table = new StringBuilder();
    table.append("| source | bytes on disk | items | seconds | items/s | peak heap (MiB) |\n");
    table.append("|---|---:|---:|---:|---:|---:|\n");
    for (Result result : results) {
      table.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %,d | %.2f | %,.0f | %d |%n",
              result.source(),
              result.onDisk(),
              result.items(),
              result.seconds(),
              result.items() / result.seconds(),
              result.peakHeap() / (1024 * 1024)));
    }
    Path out = Path.of("target/bench/archives.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table);
    System.out.println(table);
    assertThat(results.get(0).items()).isEqualTo(FILES);
    assertThat(results.get(1).items()).isEqualTo(FILES);
    assertThat(results.get(2).items()).isEqualTo(FILES);
    assertThat(results.get(3).items()).isZero();
  }

  private record Run(long items, double seconds, long peakHeap) {
    Result named(String source, long onDisk) {
      return new Result(source, onDisk, items, seconds, peakHeap);
    }
  }

  private Run read(Path root, String extra) throws Exception {
    ObjectNode properties =
        (ObjectNode) Json.mapper().readTree("{\"path\":\"" + root + "\"" + extra + "}");
    System.gc();
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    long items;
    MessageHeader header =
        new MessageHeader(
            "bench", StandardInput.SCHEMA, "bench", "connector:filesystem", "now", null);
    try (MessageWriter writer =
        MessageWriter.open(Json.mapper(), OutputStream.nullOutputStream(), header)) {
      new FilesystemConnector().extract(new RecordingContext(dir), properties, writer);
      items = writer.itemCount();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    return new Run(items, seconds, peak);
  }

  /** A zip of one entry of {@code size} zeros, deflated about 1000:1. */
  private static void writeBomb(Path file, long size) throws Exception {
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.putNextEntry(new ZipEntry("zeros.txt"));
      byte[] zeros = new byte[1 << 20];
      java.util.Arrays.fill(zeros, (byte) '0');
      for (long written = 0; written < size; written += zeros.length) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
  }

  private static String word(Random random, int length) {
    StringBuilder word = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }
}
