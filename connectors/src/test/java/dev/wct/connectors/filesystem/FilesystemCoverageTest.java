package dev.wct.connectors.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wct.core.run.ObjectCoverage;
import dev.wct.spi.coverage.SkipReason;
import dev.wct.spi.json.Json;
import dev.wct.testkit.RecordingContext;
import dev.wct.testkit.connectors.Extraction;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every file the filesystem connector finds is recorded: read, or skipped with its reason. */
class FilesystemCoverageTest {
  @TempDir Path dir;

  private RecordingContext run(Path root, String extraProperties) throws Exception {
    RecordingContext context = new RecordingContext(dir);
    Extraction.run(
        new FilesystemConnector(),
        context,
        Json.mapper().readTree("{\"path\":\"" + root + "\"" + extraProperties + "}"));
    return context;
  }

  private static void write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void binaryOversizedExcludedAndBeyondMaxFilesAreSkippedWithTheirReasons() throws Exception {
    Path root = dir.resolve("files");
    write(root.resolve("a.txt"), "alpha");
    write(root.resolve("b.txt"), "bravo");
    write(root.resolve("big.log"), "x".repeat(200));
    Files.write(root.resolve("c.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
    write(root.resolve("d.txt"), "delta");
    write(root.resolve("e.txt"), "echo");
    write(root.resolve("vendor/lib.txt"), "library");
    write(root.resolve("notes.tmp"), "temporary");

    RecordingContext context =
        run(
            root,
            ",\"max_files\":3,\"max_file_size\":100,\"exclude_patterns\":[\"vendor\",\"*.tmp\"]");

    assertThat(context.coverage().objects())
        .containsExactlyInAnyOrder(
            ObjectCoverage.scanned("a.txt"),
            ObjectCoverage.scanned("b.txt"),
            ObjectCoverage.skipped("big.log", SkipReason.TOO_LARGE),
            ObjectCoverage.skipped("c.png", SkipReason.BINARY),
            ObjectCoverage.scanned("d.txt"),
            ObjectCoverage.skipped("e.txt", SkipReason.BEYOND_MAX_FILES),
            ObjectCoverage.skipped("notes.tmp", SkipReason.EXCLUDED),
            ObjectCoverage.skipped("vendor/", SkipReason.EXCLUDED));
    assertThat(context.coverage().summary().warnings("files", true))
        .containsExactly("files: 3 of 6 files skipped (1 beyond max_files, 1 binary, 1 too large)");
  }

  @Test
  void bytesThatDoNotDecodeAreSkippedAsBinary() throws Exception {
    Path root = dir.resolve("latin");
    Files.createDirectories(root);
    Files.write(root.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});

    RecordingContext context = run(root, "");

    assertThat(context.coverage().objects())
        .containsExactly(ObjectCoverage.skipped("latin1.txt", SkipReason.BINARY));
    assertThat(context.coverage().summary().warnings("files", true))
        .containsExactly("files: read 0 files (1 skipped: 1 binary)");
  }

  @Test
  void anEmptyFolderReadsZeroFiles() throws Exception {
    Path root = Files.createDirectories(dir.resolve("empty"));

    RecordingContext context = run(root, "");

    assertThat(context.coverage().summary().warnings("files", true))
        .containsExactly("files: read 0 files");
  }

  @Test
  void aFileWithoutReadPermissionIsSkippedAsSuch() throws Exception {
    Path root = dir.resolve("locked");
    write(root.resolve("open.txt"), "open");
    Path locked = root.resolve("secret.txt");
    write(locked, "closed");
    assumeTrue(
        locked.toFile().setReadable(false) && !Files.isReadable(locked),
        "root, or a file system without permissions, reads every file");
    try {
      RecordingContext context = run(root, "");

      assertThat(context.coverage().objects())
          .containsExactly(
              ObjectCoverage.scanned("open.txt"),
              ObjectCoverage.skipped("secret.txt", SkipReason.NO_PERMISSION));
    } finally {
      locked.toFile().setReadable(true);
    }
  }
}
