package dev.wct.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.analysers.personaldata.PersonalDataAnalyser;
import dev.wct.connectors.filesystem.FilesystemConnector;
import dev.wct.core.message.MessageReader;
import dev.wct.core.message.MessageWriter;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.MessageHeader;
import dev.wct.testkit.RecordingContext;
import dev.wct.testkit.connectors.Extraction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Findings do not depend on how a file was cut: the filesystem connector reads the same CSV, JSON
 * Lines and log files whole and in many small chunks, and {@code personal_data} reports the same
 * findings (one per column or JSON path, values counted over the whole file, the file's own line
 * numbers) for both; only a snippet near a chunk's edge shows less context.
 */
class ChunkedFindingsTest {
  private static final int ROWS = 1200;

  @TempDir Path dir;
  private Path data;
  private List<String> csvLines;

  @BeforeEach
  void writeFiles() throws Exception {
    data = Files.createDirectories(dir.resolve("data"));
    StringBuilder csv = new StringBuilder("customer_id,first_name,email,iban,note\n");
    for (int i = 1; i <= ROWS; i++) {
      csv.append(100_000 + i).append(',').append(i % 7 == 0 ? "" : "Name" + i).append(',');
      csv.append("customer").append(i).append("@example.com,");
      csv.append(i % 3 == 0 ? "DE89370400440532013000" : "").append(',');
      // a sparse column: an address now and then, and quoted notes over two lines
      if (i % 97 == 0) {
        csv.append("\"write to help").append(i).append("@example.org\nand call back\"");
      } else {
        csv.append(i % 5 == 0 ? "\"no contact\nrequested\"" : "ok");
      }
      csv.append('\n');
    }
    Files.writeString(data.resolve("customers.csv"), csv);
    csvLines = csv.toString().lines().toList();

    StringBuilder jsonl = new StringBuilder();
    for (int i = 1; i <= 600; i++) {
      jsonl.append("{\"id\":").append(i).append(",\"contact\":{\"email\":\"u").append(i);
      jsonl.append("@example.net\"},\"tags\":[\"a\",\"b\"]}\n");
    }
    Files.writeString(data.resolve("events.jsonl"), jsonl);

    StringBuilder log = new StringBuilder();
    for (int i = 1; i <= 3000; i++) {
      log.append(
          i % 250 == 0
              ? "2024-05-01T10:00:00Z WARN bounce for ops" + i + "@example.com\n"
              : "2024-05-01T10:00:00Z INFO request " + i + " handled in 12 ms\n");
    }
    Files.writeString(data.resolve("mail.log"), log);
  }

  private Extraction extract(int maxItemChars) throws Exception {
    return Extraction.run(
        new FilesystemConnector(),
        new RecordingContext(dir, "run-1", "files"),
        Json.mapper()
            .readTree("{\"path\":\"" + data + "\",\"max_item_chars\":" + maxItemChars + "}"));
  }

  /** The findings and summary of personal_data over the connector's message. */
  private static ObjectNode analyse(Extraction files) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PersonalDataAnalyser analyser = new PersonalDataAnalyser();
    MessageHeader header =
        new MessageHeader(
            "pii",
            analyser.outputSchemas().get(0),
            "run-1",
            "analyser",
            "2026-01-01T00:00:00Z",
            null);
    try (MessageReader input =
            MessageReader.open(
                Json.mapper(),
                new ByteArrayInputStream(files.raw().getBytes(StandardCharsets.UTF_8)));
        MessageWriter out = MessageWriter.open(Json.mapper(), bytes, header)) {
      analyser.analyse(
          new RecordingContext(Path.of("."), "run-1", "pii"),
          Json.mapper().readTree("{\"maximum_evidence_count\": 40}"),
          List.of(input),
          out);
    }
    try (MessageReader reader =
        MessageReader.open(Json.mapper(), new ByteArrayInputStream(bytes.toByteArray()))) {
      ObjectNode result = Json.mapper().createObjectNode();
      List<JsonNode> findings = new ArrayList<>();
      reader.items().forEachRemaining(findings::add);
      result.putArray("findings").addAll(findings);
      result.set("summary", reader.trailer().path("summary"));
      return result;
    }
  }

  /**
   * The findings without their examples' snippets: a snippet's context (±50 characters by default)
   * stops at the edge of a chunk, so an example near one shows less of its neighbouring rows;
   * everything else, the example's place included, is the same.
   */
  private static JsonNode withoutSnippets(JsonNode findings) {
    JsonNode copy = findings.deepCopy();
    for (JsonNode finding : copy) {
      for (JsonNode example : finding.path("examples")) {
        ((ObjectNode) example).remove("snippet");
      }
    }
    return copy;
  }

  private static JsonNode finding(ObjectNode result, String file, String place, String category) {
    for (JsonNode finding : result.path("findings")) {
      JsonNode location = finding.path("location");
      if (location.path("file_path").asText().equals(file)
          && (place == null
              || place.equals(location.path("column").asText(null))
              || place.equals(location.path("json_path").asText(null)))
          && finding.path("category").asText().equals(category)) {
        return finding;
      }
    }
    throw new AssertionError("no " + category + " finding in " + file + " " + place);
  }

  @Test
  void aFileCutIntoManyChunksGivesTheSameFindingsAsReadWhole() throws Exception {
    Extraction whole = extract(1_000_000);
    Extraction chunked = extract(2_000);
    assertThat(whole.items()).hasSize(3);
    assertThat(chunked.summary().path("file_chunks_read").asInt()).isGreaterThan(40);

    ObjectNode fromWhole = analyse(whole);
    ObjectNode fromChunks = analyse(chunked);

    assertThat(fromChunks.path("findings")).isNotEmpty();
    assertThat(withoutSnippets(fromChunks.path("findings")).toPrettyString())
        .isEqualTo(withoutSnippets(fromWhole.path("findings")).toPrettyString());
    assertThat(fromChunks.path("summary")).isEqualTo(fromWhole.path("summary"));
  }

  @Test
  void aChunkedCsvColumnIsOneLocationCountedOverTheWholeFileWithItsRealLines() throws Exception {
    ObjectNode result = analyse(extract(2_000));

    JsonNode email = finding(result, "customers.csv", "email", "email");
    assertThat(email.path("values_examined").asInt()).isEqualTo(ROWS);
    assertThat(email.path("values_matched").asInt()).isEqualTo(ROWS);
    JsonNode iban = finding(result, "customers.csv", "iban", "bank_account");
    assertThat(iban.path("values_examined").asInt()).isEqualTo(ROWS / 3);
    assertThat(iban.path("values_matched").asInt()).isEqualTo(ROWS / 3);
    JsonNode notes = finding(result, "customers.csv", "note", "email");
    assertThat(notes.path("values_examined").asInt()).isEqualTo(ROWS);
    assertThat(notes.path("values_matched").asInt()).isEqualTo(ROWS / 97);
    // each example's line is the file's line holding the address
    assertThat(notes.path("examples")).hasSize(ROWS / 97);
    for (JsonNode example : notes.path("examples")) {
      String line = csvLines.get(example.path("line").asInt() - 1);
      assertThat(line).contains(",\"write to help").endsWith("@example.org");
    }
    long emailFindings = 0;
    for (JsonNode finding : result.path("findings")) {
      if (finding.path("location").path("file_path").asText().equals("customers.csv")
          && finding.path("location").path("column").asText().equals("email")) {
        emailFindings++;
      }
    }
    assertThat(emailFindings).as("one location per column, not one per chunk").isOne();

    JsonNode jsonPath = finding(result, "events.jsonl", "$.contact.email", "email");
    assertThat(jsonPath.path("values_examined").asInt()).isEqualTo(600);
    assertThat(jsonPath.path("values_matched").asInt()).isEqualTo(600);

    JsonNode log = finding(result, "mail.log", null, "email");
    assertThat(log.path("location").path("line").asInt()).isEqualTo(250);
    assertThat(log.path("examples"))
        .extracting(example -> example.path("line").asInt())
        .containsExactly(250, 500, 750, 1000, 1250, 1500, 1750, 2000, 2250, 2500, 2750, 3000);
  }
}
