package dev.wct.connectors.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.spi.json.Json;
import dev.wct.testkit.RecordingContext;
import dev.wct.testkit.connectors.Extraction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemConnectorTest {
  private final FilesystemConnector connector = new FilesystemConnector();

  @TempDir Path dir;
  private Path webapp;

  @BeforeEach
  void createWebapp() throws Exception {
    webapp = dir.resolve("webapp");
    write("index.php", "<?php echo $user_email; ?>");
    write("src/Controller/UserController.php", "<?php class UserController {} ?>");
    write("src/app.js", "fetch('/api/customers')");
    write("vendor/lib/Lib.php", "<?php // third party ?>");
    write("README.md", "# Web app");
    Path logo = webapp.resolve("static/logo.png");
    Files.createDirectories(logo.getParent());
    Files.write(logo, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
  }

  private void write(String relative, String text) throws Exception {
    Path file = webapp.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private Extraction run(String propertiesJson) throws Exception {
    return Extraction.run(
        connector, new RecordingContext(dir), Json.mapper().readTree(propertiesJson));
  }

  @Test
  void readsEveryTextFileInSortedRelativePathOrderAndCountsBinaryFiles() throws Exception {
    Extraction result = run("{\"path\":\"" + webapp + "\"}");

    assertThat(result.itemMetadata("file_path"))
        .containsExactly(
            "README.md",
            "index.php",
            "src/Controller/UserController.php",
            "src/app.js",
            "vendor/lib/Lib.php");
    assertThat(result.contents()).contains("<?php echo $user_email; ?>");
    assertThat(result.metadata().path("binary_files_skipped").asInt()).isEqualTo(1);
    assertThat(result.summary().path("binary_files_skipped").asInt()).isEqualTo(1);
    assertThat(result.summary().path("files_read").asInt()).isEqualTo(5);
    assertThat(result.fields().path("source").asText()).isEqualTo(webapp.toString());
  }

  @Test
  void writesContentThatConformsToTheStandardInputSchema() throws Exception {
    assertThat(run("{\"path\":\"" + webapp + "\"}").schemaViolations()).isEmpty();
    assertThat(run("{\"path\":\"" + webapp.resolve("static") + "\"}").schemaViolations()).isEmpty();
  }

  @Test
  void writesHeaderFieldsBeforeItemsAndTheSummaryAfter() throws Exception {
    Extraction result = run("{\"path\":\"" + webapp + "\"}");

    assertThat(result.fields().fieldNames())
        .toIterable()
        .containsExactly("name", "description", "source", "metadata");
    assertThat(result.trailer().fieldNames()).toIterable().containsExactly("summary");
    assertThat(result.raw().indexOf("\"metadata\"")).isLessThan(result.raw().indexOf("\"data\""));
  }

  @Test
  void eachItemCarriesSourceConnectorTypeSizeAndModifiedTime() throws Exception {
    Path readme = webapp.resolve("README.md");
    Files.setLastModifiedTime(readme, FileTime.from(Instant.parse("2024-05-06T07:08:09Z")));

    JsonNode item = run("{\"path\":\"" + webapp + "\"}").items().get(0);

    assertThat(item.path("content").asText()).isEqualTo("# Web app");
    JsonNode metadata = item.path("metadata");
    assertThat(metadata.path("source").asText()).isEqualTo("README.md");
    assertThat(metadata.path("connector_type").asText()).isEqualTo("filesystem");
    assertThat(metadata.path("file_path").asText()).isEqualTo("README.md");
    assertThat(metadata.path("size").asLong()).isEqualTo(9);
    assertThat(metadata.path("modified").asText()).isEqualTo("2024-05-06T07:08:09Z");
    assertThat(metadata.path("root").asText()).isEqualTo(webapp.toString());
    assertThat(metadata.path("artifact").asText()).isEqualTo("artifact-test");
  }

  @Test
  void oneFileAndItsFolderNameTheFileTheSameWay() throws Exception {
    Extraction folder = run("{\"path\":\"" + webapp.resolve("src") + "\"}");
    Extraction file = run("{\"path\":\"" + webapp.resolve("src/app.js") + "\"}");

    JsonNode fromFolder =
        folder.items().stream()
            .filter(item -> item.path("metadata").path("file_path").asText().equals("app.js"))
            .findFirst()
            .orElseThrow()
            .path("metadata");
    JsonNode fromFile = file.items().get(0).path("metadata");
    assertThat(fromFile.path("root").asText()).isEqualTo(fromFolder.path("root").asText());
    assertThat(fromFile.path("file_path").asText()).isEqualTo("app.js");
    assertThat(file.metadata().path("root").asText()).isEqualTo(webapp.resolve("src").toString());
  }

  @Test
  void aPatternWithoutSlashMatchesFileNamesAtAnyDepth() throws Exception {
    Extraction result = run("{\"path\":\"" + webapp + "\",\"include_patterns\":[\"*.php\"]}");

    assertThat(result.itemMetadata("file_path"))
        .containsExactly("index.php", "src/Controller/UserController.php", "vendor/lib/Lib.php");
  }

  @Test
  void aPatternWithSlashMatchesTheRelativePath() throws Exception {
    assertThat(
            run("{\"path\":\"" + webapp + "\",\"include_patterns\":[\"src/**/*.php\"]}")
                .itemMetadata("file_path"))
        .containsExactly("src/Controller/UserController.php");
    assertThat(
            run("{\"path\":\"" + webapp + "\",\"include_patterns\":[\"**/*.php\"]}")
                .itemMetadata("file_path"))
        .containsExactly("index.php", "src/Controller/UserController.php", "vendor/lib/Lib.php");
  }

  @Test
  void excludedFoldersAreSkippedWithEverythingInThem() throws Exception {
    Extraction result =
        run(
            "{\"path\":\""
                + webapp
                + "\",\"include_patterns\":[\"*.php\",\"*.js\"],"
                + "\"exclude_patterns\":[\"vendor\",\"*.js\"]}");

    assertThat(result.itemMetadata("file_path"))
        .containsExactly("index.php", "src/Controller/UserController.php");
  }

  @Test
  void maxFilesKeepsTheFirstFilesInPathOrderAndCountsTheRest() throws Exception {
    Extraction result = run("{\"path\":\"" + webapp + "\",\"max_files\":2}");

    assertThat(result.itemMetadata("file_path")).containsExactly("README.md", "index.php");
    // The files after the limit are not opened, so the binary logo counts among them.
    assertThat(result.summary().path("files_over_limit").asInt()).isEqualTo(4);
  }

  @Test
  void filesOverMaxFileSizeAreSkippedAndCounted() throws Exception {
    write("big.txt", "x".repeat(2000));

    Extraction result = run("{\"path\":\"" + webapp + "\",\"max_file_size\":\"1000\"}");

    assertThat(result.itemMetadata("file_path")).doesNotContain("big.txt").contains("index.php");
    assertThat(result.summary().path("large_files_skipped").asInt()).isEqualTo(1);
  }

  @Test
  void aNulByteAfterTheFirstEightKibibytesDoesNotMakeAFileBinary() throws Exception {
    byte[] bytes = new byte[FileScan.SNIFF_BYTES + 10];
    java.util.Arrays.fill(bytes, (byte) 'a');
    bytes[FileScan.SNIFF_BYTES + 5] = 0;
    Files.write(webapp.resolve("late-nul.txt"), bytes);

    assertThat(run("{\"path\":\"" + webapp + "\"}").itemMetadata("file_path"))
        .contains("late-nul.txt");
  }

  @Test
  void invalidBytesAreSkippedAsBinaryReplacedOrDroppedAsConfigured() throws Exception {
    Path latin1 = dir.resolve("latin1.txt");
    Files.write(latin1, "caf\u00e9 ok".getBytes(StandardCharsets.ISO_8859_1));
    String path = "{\"path\":\"" + latin1 + "\"";

    Extraction strict = run(path + "}");
    assertThat(strict.items()).isEmpty();
    assertThat(strict.summary().path("binary_files_skipped").asInt()).isEqualTo(1);
    assertThat(strict.summary().path("undecodable_files_skipped").asInt()).isEqualTo(1);

    assertThat(run(path + ",\"errors\":\"replace\"}").contents()).containsExactly("caf\uFFFD ok");
    assertThat(run(path + ",\"errors\":\"skip\"}").contents()).containsExactly("caf ok");
    assertThat(run(path + ",\"encoding\":\"ISO-8859-1\"}").contents())
        .containsExactly("caf\u00e9 ok");
  }

  @Test
  void anUnknownEncodingIsAUserError() {
    assertThatThrownBy(() -> run("{\"path\":\"" + webapp + "\",\"encoding\":\"klingon-8\"}"))
        .hasMessage(
            "filesystem: property 'encoding' must be a character encoding this Java knows, got"
                + " 'klingon-8'");
  }

  @Test
  void aMissingPathIsAOneLineUserErrorNamingIt() {
    Path missing = dir.resolve("x/y");

    assertThatThrownBy(() -> run("{\"path\":\"" + missing + "\"}"))
        .isInstanceOfSatisfying(
            WctException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
        .hasMessage("filesystem: path '" + missing + "' does not exist");
  }

  @Test
  void aRelativePathResolvesAgainstTheWorkingDirectory() throws Exception {
    Extraction result = run("{\"path\":\"webapp/src\"}");

    assertThat(result.itemMetadata("file_path"))
        .containsExactly("Controller/UserController.php", "app.js");
    assertThat(result.fields().path("source").asText()).isEqualTo(webapp.resolve("src").toString());
  }

  @Test
  void aSingleFileIsReadWhateverThePatterns() throws Exception {
    Extraction result = run("{\"path\":\"webapp/src/app.js\",\"include_patterns\":[\"*.php\"]}");

    assertThat(result.itemMetadata("file_path")).containsExactly("app.js");
  }

  @Test
  void heartbeatsWhileReading() throws Exception {
    RecordingContext context = new RecordingContext(dir);
    ObjectNode properties = Json.mapper().createObjectNode().put("path", webapp.toString());

    Extraction.run(connector, context, properties);

    assertThat(context.heartbeats()).isNotEmpty();
  }
}
