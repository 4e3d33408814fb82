package dev.wct.connectors.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.spi.json.Json;
import dev.wct.testkit.RecordingContext;
import dev.wct.testkit.connectors.Extraction;
import dev.wct.testkit.documents.Documents;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Big files are read in chunks of {@code max_item_chars} (kept small here so the tests are fast)
 * instead of being skipped or read whole; a PDF gives its pages one by one.
 */
class ChunkedFilesTest {
  @TempDir Path dir;

  private Extraction run(Path root, String extraProperties) throws Exception {
    return Extraction.run(
        new FilesystemConnector(),
        new RecordingContext(dir),
        Json.mapper().readTree("{\"path\":\"" + root + "\"" + extraProperties + "}"));
  }

  private static List<JsonNode> itemsOf(Extraction result, String file) {
    return result.items().stream()
        .filter(item -> item.path("metadata").path("file_path").asText().equals(file))
        .toList();
  }

  /** The item's text without the lines it copies from the file's head. */
  private static String ownText(JsonNode item) {
    String text = item.path("content").asText();
    int skip = item.path("metadata").path("context_lines").asInt(0);
    for (int i = 0; i < skip; i++) {
      text = text.substring(text.indexOf('\n') + 1);
    }
    return text;
  }

  @Test
  void aBigCsvIsCutAtRowsAndEveryChunkCarriesTheHeader() throws Exception {
    Path root = Files.createDirectories(dir.resolve("exports"));
    StringBuilder csv = new StringBuilder("customer_id,name,email,iban\n");
    for (int i = 1; i <= 400; i++) {
      csv.append(1000 + i)
          .append(",Customer ")
          .append(i)
          .append(",c")
          .append(i)
          .append("@example.com,DE89370400440532013000\n");
    }
    Files.writeString(root.resolve("customers.csv"), csv);

    RecordingContext context = new RecordingContext(dir);
    Extraction result =
        Extraction.run(
            new FilesystemConnector(),
            context,
            Json.mapper().readTree("{\"path\":\"" + root + "\",\"max_item_chars\":2000}"));

    List<JsonNode> chunks = itemsOf(result, "customers.csv");
    assertThat(chunks).hasSizeGreaterThan(5);
    StringBuilder reassembled = new StringBuilder();
    List<String> lines = csv.toString().lines().toList();
    for (int i = 0; i < chunks.size(); i++) {
      JsonNode metadata = chunks.get(i).path("metadata");
      assertThat(metadata.path("chunk").asInt()).isEqualTo(i);
      assertThat(chunks.get(i).path("content").asText())
          .startsWith("customer_id,name,email,iban\n");
      assertThat(chunks.get(i).path("content").asText().length()).isLessThan(2000 + 600);
      String own = ownText(chunks.get(i));
      int firstLine = metadata.path("first_line").asInt();
      assertThat(own).startsWith(lines.get(firstLine - 1) + "\n");
      if (i > 0) {
        assertThat(metadata.path("context_lines").asInt()).isEqualTo(2);
      }
      reassembled.append(own);
    }
    assertThat(reassembled.toString()).isEqualTo(csv.toString());
    assertThat(result.summary().path("files_read").asInt()).isEqualTo(1);
    assertThat(result.summary().path("chunked_files_read").asInt()).isEqualTo(1);
    assertThat(result.summary().path("file_chunks_read").asInt()).isEqualTo(chunks.size());
    assertThat(result.metadata().path("max_item_chars").asInt()).isEqualTo(2000);
    assertThat(context.heartbeats()).as("a heartbeat per chunk").hasSizeGreaterThan(chunks.size());
    assertThat(result.schemaViolations()).isEmpty();
  }

  @Test
  void jsonLinesAreCutBetweenLinesSoEveryLineStaysAWholeValue() throws Exception {
    Path root = Files.createDirectories(dir.resolve("events"));
    StringBuilder jsonl = new StringBuilder();
    for (int i = 1; i <= 300; i++) {
      jsonl.append("{\"id\":").append(i).append(",\"user\":{\"email\":\"u").append(i);
      jsonl.append("@example.com\"}}\n");
    }
    Files.writeString(root.resolve("events.jsonl"), jsonl);

    List<JsonNode> chunks = itemsOf(run(root, ",\"max_item_chars\":1500"), "events.jsonl");

    assertThat(chunks).hasSizeGreaterThan(5);
    int expectedLine = 1;
    for (JsonNode chunk : chunks) {
      assertThat(chunk.path("metadata").has("context_lines")).isFalse();
      assertThat(chunk.path("metadata").path("first_line").asInt()).isEqualTo(expectedLine);
      for (String line : chunk.path("content").asText().split("\n")) {
        assertThat(Json.mapper().readTree(line).path("id").asInt()).isEqualTo(expectedLine);
        expectedLine++;
      }
    }
    assertThat(expectedLine).isEqualTo(301);
  }

  @Test
  void aTextFileOverTheOldTenMebibyteCapIsReadInChunksWithItsLineNumbers() throws Exception {
    Path root = Files.createDirectories(dir.resolve("logs"));
    Path log = root.resolve("app.log");
    long lines = 0;
    try (BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      while (Files.size(log) < 11L * 1024 * 1024 || lines % 1000 != 0) {
        lines++;
        out.write("2024-05-01T10:00:00Z INFO line " + lines + " request handled status=200\n");
        if (lines % 1000 == 0) {
          out.flush();
        }
      }
    }

    Extraction result = run(root, "");

    List<JsonNode> chunks = itemsOf(result, "app.log");
    assertThat(chunks).hasSizeGreaterThanOrEqualTo(3); // 4 Mi characters each by default
    long next = 1;
    for (JsonNode chunk : chunks) {
      assertThat(chunk.path("metadata").path("first_line").asLong()).isEqualTo(next);
      String text = chunk.path("content").asText();
      assertThat(text).startsWith("2024-05-01T10:00:00Z INFO line " + next + " request");
      next += text.lines().count();
    }
    assertThat(next - 1).isEqualTo(lines);
    assertThat(result.summary().path("large_files_skipped").asInt()).isZero();
  }

  @Test
  void anExplicitMaxFileSizeStillSkipsAFileThatWouldBeChunked() throws Exception {
    Path root = Files.createDirectories(dir.resolve("logs"));
    Files.writeString(root.resolve("big.log"), "a line of text\n".repeat(1000));

    Extraction result = run(root, ",\"max_item_chars\":1000,\"max_file_size\":5000");

    assertThat(result.items()).isEmpty();
    assertThat(result.summary().path("large_files_skipped").asInt()).isEqualTo(1);
  }

  @Test
  void aJsonDocumentIsOneValueAndIsReadWholeNotCut() throws Exception {
    Path root = Files.createDirectories(dir.resolve("dump"));
    StringBuilder json = new StringBuilder("{\"customers\":[");
    for (int i = 0; i < 200; i++) {
      json.append(i == 0 ? "" : ",").append("{\"email\":\"c").append(i).append("@example.com\"}");
    }
    Files.writeString(root.resolve("dump.json"), json.append("]}"));

    List<JsonNode> items = itemsOf(run(root, ",\"max_item_chars\":1000"), "dump.json");

    assertThat(items).hasSize(1);
    assertThat(items.get(0).path("metadata").has("chunk")).isFalse();
  }

  @Test
  void aBigFileThatIsNotTextUnderStrictDecodingGivesNoItemAtAll() throws Exception {
    Path root = Files.createDirectories(dir.resolve("mixed"));
    byte[] text = "valid text line\n".repeat(500).getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[text.length + 2];
    System.arraycopy(text, 0, bytes, 0, text.length);
    bytes[text.length] = (byte) 0xC3; // a truncated UTF-8 sequence at the very end
    bytes[text.length + 1] = (byte) 0x28;
    Files.write(root.resolve("tail.log"), bytes);

    Extraction result = run(root, ",\"max_item_chars\":1000");

    assertThat(result.items()).isEmpty();
    assertThat(result.summary().path("undecodable_files_skipped").asInt()).isEqualTo(1);
  }

  @Test
  void aManyPagePdfGivesItsPagesInOrderOneItemEach() throws Exception {
    Path root = Files.createDirectories(dir.resolve("docs"));
    List<String> pages = new ArrayList<>();
    for (int p = 1; p <= 40; p++) {
      pages.add("Page " + p + " of the contract\nContact: person" + p + "@example.com");
    }
    Documents.pdf(root.resolve("contract.pdf"), pages.toArray(String[]::new));

    Extraction result = run(root, "");

    List<JsonNode> items = itemsOf(result, "contract.pdf");
    assertThat(items).hasSize(40);
    for (int p = 1; p <= 40; p++) {
      JsonNode item = items.get(p - 1);
      assertThat(item.path("metadata").path("page").asInt()).isEqualTo(p);
      assertThat(item.path("content").asText()).contains("Page " + p + " of the contract");
      assertThat(item.path("metadata").path("content_type").asText()).isEqualTo("application/pdf");
    }
    assertThat(result.summary().path("document_parts_read").asInt()).isEqualTo(40);
    assertThat(result.summary().path("documents_read").asInt()).isEqualTo(1);
  }

  @Test
  void aBigFileStaysWholeInOnePartitionOfItsOwn() throws Exception {
    Path root = Files.createDirectories(dir.resolve("mixed"));
    Files.writeString(root.resolve("a.txt"), "small a\n");
    Files.writeString(root.resolve("b.csv"), "id,email\n" + "1,a@example.com\n".repeat(2000));
    Files.writeString(root.resolve("c.txt"), "small c\n");
    var properties = Json.mapper().readTree("{\"path\":\"" + root + "\",\"max_item_chars\":5000}");
    FilesystemConnector connector = new FilesystemConnector();
    RecordingContext context = new RecordingContext(dir);

    List<JsonNode> partitions =
        connector.partitions(
            context,
            properties,
            new dev.wct.spi.PartitionedConnector.PartitionLimits(
                1000, 0, dev.wct.spi.PartitionedConnector.Cut.SIZE));

    assertThat(partitions).hasSize(3);
    assertThat(partitions.get(1).path("files").toString()).isEqualTo("[\"b.csv\"]");
    Extraction part = Extraction.runPartition(connector, context, properties, partitions.get(1));
    assertThat(part.items()).hasSizeGreaterThan(3);
    assertThat(part.itemMetadata("file_path")).containsOnly("b.csv");
    StringBuilder own = new StringBuilder();
    part.items().forEach(item -> own.append(ownText(item)));
    assertThat(own.toString()).isEqualTo(Files.readString(root.resolve("b.csv")));
  }
}
