package dev.wct.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory is bounded by one item, not by the source: {@code wct run} (filesystem -> store ->
 * personal_data) over 320 MiB of files in a forked JVM capped at {@code -Xmx128m}, where holding
 * the artifact (its JSON is larger than the files) or its findings' inputs would fail with an
 * OutOfMemoryError. Slow (a whole scan), so tagged integration.
 */
@Tag("integration")
class BoundedMemoryRunTest {
  private static final int FILES = 320;
  private static final int FILE_BYTES = 1024 * 1024;

  @TempDir Path dir;

  @Test
  void scansASourceMuchLargerThanTheHeap() throws Exception {
    Path source = Files.createDirectories(dir.resolve("source"));
    for (int f = 0; f < FILES; f++) {
      writeFile(source.resolve(String.format("part-%04d.txt", f)), f);
    }
    Path runbook = dir.resolve("runbook.yaml");
    Files.writeString(
        runbook,
        """
        name: "Bounded memory"
        description: "A source larger than the heap"
        config:
          timeout: 3600
        artifacts:
          files:
            source:
              type: filesystem
              properties:
                path: "%s"
                max_files: 100000
          personal_data:
            inputs: files
            process:
              type: personal_data
            output: true
        """
            .formatted(source));
    SmallHeapRun.completes(runbook, dir.resolve(".wct"), "128m");
    List<Path> results;
    try (var files = Files.walk(dir.resolve(".wct"))) {
      results = files.filter(p -> p.getFileName().toString().equals("results.json")).toList();
    }
    assertThat(results).hasSize(1);
    String resultsJson = Files.readString(results.get(0));
    assertThat(resultsJson).contains("personal_data").contains("succeeded");
  }

  /** 1 MiB of log-like text with one e-mail address per 4 KiB. */
  private static void writeFile(Path file, int number) throws Exception {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      int written = 0;
      int line = 0;
      while (written < FILE_BYTES) {
        String text =
            line % 40 == 0
                ? "2024-05-01T10:00:00Z INFO contact user" + number + "." + line + "@example.com\n"
                : "2024-05-01T10:00:00Z INFO request handled in "
                    + (line % 900)
                    + " ms status=200\n";
        out.write(text);
        written += text.length();
        line++;
      }
    }
  }
}
