package dev.wct.connectors.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.core.run.CoverageCollector;
import dev.wct.core.run.ObjectCoverage;
import dev.wct.spi.PartitionedConnector.Cut;
import dev.wct.spi.PartitionedConnector.PartitionLimits;
import dev.wct.spi.coverage.SkipReason;
import dev.wct.spi.json.Json;
import dev.wct.testkit.RecordingContext;
import dev.wct.testkit.archives.Archives;
import dev.wct.testkit.connectors.Extraction;
import dev.wct.testkit.documents.Documents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives made by the zip, tar and gzip tools are opened: each file in them is an item like a file
 * on disk, named by the archive and its path in it, and whatever is not read is in the coverage
 * with its reason.
 */
class ArchivesTest {
  private static final String IBAN = "DE89370400440532013000";
  private static final String EMAIL = "jane.doe@example.com";
  private static final String CSV = "name,email,iban\nJane Doe," + EMAIL + "," + IBAN + "\n";

  @TempDir Path dir;

  private RecordingContext context;

  private Extraction run(Path root, String extraProperties) throws Exception {
    context = new RecordingContext(dir);
    return Extraction.run(new FilesystemConnector(), context, properties(root, extraProperties));
  }

  private static ObjectNode properties(Path root, String extraProperties) throws Exception {
    return (ObjectNode)
        Json.mapper().readTree("{\"path\":\"" + root + "\"" + extraProperties + "}");
  }

  private static List<String> paths(Extraction result) {
    return result.items().stream()
        .map(item -> item.path("metadata").path("file_path").asText())
        .toList();
  }

  private static JsonNode item(Extraction result, String path) {
    return result.items().stream()
        .filter(item -> item.path("metadata").path("file_path").asText().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no item " + path + " in " + paths(result)));
  }

  private static Path write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  /** Text that compresses like prose: random words, so deflate gains little. */
  private static String words(int bytes, long seed) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder(bytes + 16);
    while (text.length() < bytes) {
      for (int i = 0; i < 3 + random.nextInt(8); i++) {
        text.append((char) ('a' + random.nextInt(26)));
      }
      text.append(random.nextInt(12) == 0 ? '\n' : ' ');
    }
    return text.substring(0, bytes);
  }

  @Test
  void aZipsCsvAndPdfAreItemsNamedByTheArchiveAndTheirPathInIt() throws Exception {
    Path src = dir.resolve("src");
    write(src.resolve("customers/export.csv"), CSV);
    Documents.pdf(src.resolve("letters/welcome.pdf"), "Dear Jane", "Pay to " + IBAN);
    Path root = Files.createDirectories(dir.resolve("share"));
    Archives.zip(root.resolve("backup.zip"), src, "customers/export.csv", "letters/welcome.pdf");

    Extraction result = run(root, "");

    JsonNode csv = item(result, "backup.zip!/customers/export.csv");
    assertThat(csv.path("content").asText()).isEqualTo(CSV);
    assertThat(csv.path("metadata").path("archive").asText()).isEqualTo("backup.zip");
    assertThat(csv.path("metadata").path("root").asText()).isEqualTo(root.toString());
    assertThat(paths(result))
        .containsExactly(
            "backup.zip!/customers/export.csv",
            "backup.zip!/letters/welcome.pdf",
            "backup.zip!/letters/welcome.pdf");
    JsonNode page2 = result.items().get(2);
    assertThat(page2.path("metadata").path("page").asInt()).isEqualTo(2);
    assertThat(page2.path("content").asText()).contains(IBAN);
    assertThat(context.coverage().objects())
        .containsExactly(
            ObjectCoverage.scanned("backup.zip!/customers/export.csv"),
            ObjectCoverage.scanned("backup.zip!/letters/welcome.pdf"));
    assertThat(result.summary().path("archives_opened").asInt()).isEqualTo(1);
    assertThat(result.summary().path("archive_entries_read").asInt()).isEqualTo(2);
    assertThat(result.schemaViolations()).isEmpty();
  }

  @Test
  void aTarGzHoldingAZipIsOpenedToTheEntriesOfBoth() throws Exception {
    Path inner = dir.resolve("inner");
    write(inner.resolve("c.txt"), "contact " + EMAIL);
    Path src = dir.resolve("src");
    Archives.zip(src.resolve("nested/b.zip"), inner, "c.txt");
    write(src.resolve("notes.txt"), "no personal data");
    Path root = Files.createDirectories(dir.resolve("share"));
    Archives.tar(root.resolve("a.tar.gz"), src, "notes.txt", "nested/b.zip");

    Extraction result = run(root, "");

    assertThat(paths(result))
        .containsExactlyInAnyOrder("a.tar.gz!/notes.txt", "a.tar.gz!/nested/b.zip!/c.txt");
    assertThat(item(result, "a.tar.gz!/nested/b.zip!/c.txt").path("content").asText())
        .isEqualTo("contact " + EMAIL);
    assertThat(result.summary().path("archives_opened").asInt()).isEqualTo(2);
  }

  @Test
  void aGzippedFileIsReadAsTheFileItHolds() throws Exception {
    Path root = Files.createDirectories(dir.resolve("share"));
    Path csv = write(root.resolve("export.csv"), CSV);
    Archives.gzip(csv);
    Files.delete(csv);

    Extraction result = run(root, "");

    assertThat(paths(result)).containsExactly("export.csv.gz!/export.csv");
    assertThat(result.items().get(0).path("content").asText()).isEqualTo(CSV);
  }

  @Test
  void archivesNestedDeeperThanMaxArchiveDepthAreSkippedAsTooDeep() throws Exception {
    Path inner = dir.resolve("inner");
    write(inner.resolve("c.txt"), "deep");
    Path src = dir.resolve("src");
    Archives.zip(src.resolve("b.zip"), inner, "c.txt");
    write(src.resolve("top.txt"), "shallow");
    Path root = Files.createDirectories(dir.resolve("share"));
    Archives.tar(root.resolve("a.tgz"), src, "top.txt", "b.zip");

    Extraction result = run(root, ",\"max_archive_depth\":1");

    assertThat(paths(result)).containsExactly("a.tgz!/top.txt");
    assertThat(context.coverage().objects())
        .containsExactlyInAnyOrder(
            ObjectCoverage.scanned("a.tgz!/top.txt"),
            ObjectCoverage.skipped("a.tgz!/b.zip", SkipReason.TOO_DEEP));
    assertThat(context.coverage().summary().warnings("files", true))
        .containsExactly("files: 1 of 2 files skipped (1 too deep)");
  }

  @Test
  void maxArchiveDepthZeroLeavesArchivesUnopenedAsExcluded() throws Exception {
    Path root = Files.createDirectories(dir.resolve("share"));
    Archives.gzip(write(root.resolve("notes.txt"), "plain"));

    run(root, ",\"max_archive_depth\":0");

    assertThat(context.coverage().objects())
        .containsExactlyInAnyOrder(
            ObjectCoverage.scanned("notes.txt"),
            ObjectCoverage.skipped("notes.txt.gz", SkipReason.EXCLUDED));
  }

  @Test
  void aCompressionBombAndAnEntryOverMaxFileSizeAreSkippedWithTheirReasons() throws Exception {
    Path src = dir.resolve("src");
    write(src.resolve("zeros.txt"), "0".repeat(4 * 1024 * 1024)); // deflates ~1000:1
    write(src.resolve("big.txt"), words(6000, 1));
    write(src.resolve("small.txt"), "fine");
    Path root = Files.createDirectories(dir.resolve("share"));
    Archives.zip(root.resolve("mixed.zip"), src, "big.txt", "small.txt", "zeros.txt");

    Extraction result = run(root, ",\"max_file_size\":5000");

    assertThat(paths(result)).containsExactly("mixed.zip!/small.txt");
    assertThat(context.coverage().objects())
        .containsExactlyInAnyOrder(
            ObjectCoverage.skipped("mixed.zip!/big.txt", SkipReason.TOO_LARGE),
            ObjectCoverage.scanned("mixed.zip!/small.txt"),
            ObjectCoverage.skipped("mixed.zip!/zeros.txt", SkipReason.TOO_COMPRESSED));
    assertThat(result.summary().path("archive_entries_skipped").asInt()).isEqualTo(2);
  }

  @Test
  void aBombInATarGzStopsTheArchiveWhereItIsMet() throws Exception {
    Path src = dir.resolve("src");
    write(src.resolve("a.txt"), "first");
    write(src.resolve("b.txt"), "0".repeat(8 * 1024 * 1024));
    write(src.resolve("c.txt"), "after the bomb");
    Path root = Files.createDirectories(dir.resolve("share"));
    Archives.tar(root.resolve("bomb.tar.gz"), src, "a.txt", "b.txt", "c.txt");

    Extraction result = run(root, ",\"max_file_size\":100000000");

    assertThat(paths(result)).containsExactly("bomb.tar.gz!/a.txt");
    assertThat(context.coverage().objects())
        .containsExactlyInAnyOrder(
            ObjectCoverage.scanned("bomb.tar.gz!/a.txt"),
            ObjectCoverage.skipped("bomb.tar.gz!/b.txt", SkipReason.TOO_COMPRESSED),
            ObjectCoverage.skipped("bomb.tar.gz!/", SkipReason.TOO_COMPRESSED));
  }

  @Test
  void pastMaxArchiveEntriesOrSizeTheRestOfTheArchiveIsSkipped() throws Exception {
    Path src = dir.resolve("src");
    for (String name : List.of("1.txt", "2.txt", "3.txt")) {
      write(src.resolve(name), words(3000, name.hashCode()));
    }
    Path root = Files.createDirectories(dir.resolve("share"));
    Archives.zip(root.resolve("three.zip"), src, "1.txt", "2.txt", "3.txt");

    Extraction byCount = run(root, ",\"max_archive_entries\":2");
    assertThat(paths(byCount)).containsExactly("three.zip!/1.txt", "three.zip!/2.txt");
    assertThat(context.coverage().objects())
        .contains(ObjectCoverage.skipped("three.zip!/", SkipReason.BEYOND_ARCHIVE_LIMITS));

    Extraction bySize = run(root, ",\"max_archive_size\":5000");
    assertThat(paths(bySize)).containsExactly("three.zip!/1.txt");
    assertThat(context.coverage().objects())
        .containsExactlyInAnyOrder(
            ObjectCoverage.scanned("three.zip!/1.txt"),
            ObjectCoverage.skipped("three.zip!/2.txt", SkipReason.BEYOND_ARCHIVE_LIMITS),
            ObjectCoverage.skipped("three.zip!/", SkipReason.BEYOND_ARCHIVE_LIMITS));
  }

  @Test
  void anEncryptedZipEntryIsSkippedAsEncryptedAndTheOthersAreRead() throws Exception {
    Path src = dir.resolve("src");
    write(src.resolve("secret.txt"), "iban " + IBAN);
    write(src.resolve("plain.txt"), "nothing to hide");
    Path root = Files.createDirectories(dir.resolve("share"));
    Path zip = root.resolve("mixed.zip");
    assumeTrue(
        Archives.encryptedZip(zip, src, "s3cret", "secret.txt"), "needs the zip command line");
    Archives.zip(zip, src, "plain.txt");

    Extraction result = run(root, "");

    assertThat(paths(result)).containsExactly("mixed.zip!/plain.txt");
    assertThat(context.coverage().objects())
        .containsExactlyInAnyOrder(
            ObjectCoverage.skipped("mixed.zip!/secret.txt", SkipReason.ENCRYPTED),
            ObjectCoverage.scanned("mixed.zip!/plain.txt"));
    assertThat(context.coverage().summary().warnings("files", true))
        .containsExactly("files: 1 of 2 files skipped (1 encrypted)");
  }

  @Test
  void corruptAndTruncatedArchivesAreSkippedAsCorrupt() throws Exception {
    Path src = dir.resolve("src");
    write(src.resolve("first.txt"), "first entry");
    write(src.resolve("long.txt"), words(200_000, 7));
    Path root = Files.createDirectories(dir.resolve("share"));
    write(root.resolve("broken.zip"), "this is not a zip file at all");
    write(root.resolve("broken.gz"), "nor a gzip file");
    Path whole = Archives.tar(dir.resolve("whole.tar.gz"), src, "first.txt", "long.txt");
    byte[] bytes = Files.readAllBytes(whole);
    Files.write(root.resolve("cut.tar.gz"), Arrays.copyOf(bytes, bytes.length / 2));

    Extraction result = run(root, "");

    assertThat(paths(result)).containsExactly("cut.tar.gz!/first.txt");
    assertThat(context.coverage().objects())
        .contains(
            ObjectCoverage.skipped("broken.zip", SkipReason.CORRUPT),
            ObjectCoverage.skipped("broken.gz", SkipReason.CORRUPT),
            ObjectCoverage.scanned("cut.tar.gz!/first.txt"),
            ObjectCoverage.skipped("cut.tar.gz!/long.txt", SkipReason.CORRUPT));
  }

  @Test
  void aFailureToWriteAnItemFailsTheReadInsteadOfCallingTheArchiveCorrupt() throws Exception {
    Path src = dir.resolve("src");
    write(src.resolve("c.txt"), "text");
    Path zip = Archives.zip(dir.resolve("share/b.zip"), src, "c.txt");
    Path tgz = Archives.tar(dir.resolve("share/a.tgz"), src, "c.txt");
    CoverageCollector coverage = new RecordingContext(dir).coverage();
    ArchiveEntries archives =
        new ArchiveEntries(new ArchiveLimits(2, 1_000_000, 100, 100), 1_000_000, coverage);
    ArchiveEntries.Sink failing =
        entry -> {
          throw new IllegalStateException("disk full");
        };

    for (Path archive : List.of(zip, tgz)) {
      String name = archive.getFileName().toString();
      assertThatThrownBy(() -> archives.read(archive, name, Instant.EPOCH, failing))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("disk full");
    }
    assertThat(coverage.objects()).isEmpty();
  }

  @Test
  void anEntryNameThatClimbsOutOfItsArchiveStaysInsideIt() throws Exception {
    Path root = Files.createDirectories(dir.resolve("share"));
    try (ZipOutputStream zip =
        new ZipOutputStream(Files.newOutputStream(root.resolve("evil.zip")))) {
      zip.putNextEntry(new ZipEntry("../../etc/./passwd.txt"));
      zip.write("root".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }

    Extraction result = run(root, "");

    assertThat(paths(result)).containsExactly("evil.zip!/etc/passwd.txt");
  }

  @Test
  void anArchiveStaysInOnePartitionCountedByItsSizeOnDisk() throws Exception {
    Path src = dir.resolve("src");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      names.add("f" + i + ".txt");
      write(src.resolve(names.get(i)), words(2000, i));
    }
    Path root = Files.createDirectories(dir.resolve("share"));
    Path zip = Archives.zip(root.resolve("b.zip"), src, names.toArray(String[]::new));
    write(root.resolve("a.txt"), words(1000, 9));
    write(root.resolve("c.txt"), words(1000, 10));
    FilesystemConnector connector = new FilesystemConnector();
    ObjectNode properties = properties(root, "");
    long maxBytes = Files.size(zip) + 500;

    List<JsonNode> partitions =
        connector.partitions(
            new RecordingContext(dir), properties, new PartitionLimits(maxBytes, 0, Cut.SIZE));

    assertThat(partitions)
        .extracting(p -> p.path("files").toString())
        .containsExactly("[\"a.txt\"]", "[\"b.zip\"]", "[\"c.txt\"]");
    assertThat(partitions.get(1).path("bytes").asLong()).isEqualTo(Files.size(zip));
    List<JsonNode> items = new ArrayList<>();
    for (JsonNode partition : partitions) {
      items.addAll(
          Extraction.runPartition(connector, new RecordingContext(dir), properties, partition)
              .items());
    }
    assertThat(items)
        .containsExactlyElementsOf(
            Extraction.run(connector, new RecordingContext(dir), properties).items());
    assertThat(items).hasSize(7);
  }
}
