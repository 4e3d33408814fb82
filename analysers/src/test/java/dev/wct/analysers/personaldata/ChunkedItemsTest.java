package dev.wct.analysers.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.analysers.testing.CollectingWriter;
import dev.wct.analysers.testing.Inputs;
import dev.wct.spi.json.Json;
import dev.wct.testkit.RecordingContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Items that are chunks of one file, as the filesystem connector writes them ({@code chunk}, {@code
 * first_line}, {@code context_lines}): the analyser reads them as the one file they came from.
 */
class ChunkedItemsTest {
  private static final String HEADER = "id,contact_email,comment\n";
  private static final String FIRST_ROW = "1,anna@example.com,42 items\n";

  private static ObjectNode chunk(
      String path, String text, int index, long firstLine, int contextLines) {
    ObjectNode item = Inputs.file("files", "/data", path, text);
    ObjectNode metadata = (ObjectNode) item.get("metadata");
    metadata.put("chunk", index).put("first_line", firstLine);
    if (contextLines > 0) {
      metadata.put("context_lines", contextLines);
    }
    return item;
  }

  private static List<JsonNode> findings(ObjectNode... items) {
    CollectingWriter out = new CollectingWriter("findings");
    new PersonalDataAnalyser()
        .analyse(
            new RecordingContext(Path.of("."), "run-1", "pii"),
            Json.mapper().createObjectNode(),
            List.of(
                Inputs.standardInput("files", Json.mapper().createObjectNode(), List.of(items))),
            out);
    return out.items("category", "email");
  }

  @Test
  void theRepeatedHeaderRowsAreNotCountedAgainAndLinesAreTheFiles() {
    // Lines 1-3 in the first chunk; lines 4-5 in the second, after the header and first row.
    String first = HEADER + FIRST_ROW + "2,bob@example.com,no comment\n";
    String second = HEADER + FIRST_ROW + "3,carla@example.com,three\n" + "4,dan@example.com,four\n";

    List<JsonNode> emails =
        findings(chunk("customers.csv", first, 0, 1, 0), chunk("customers.csv", second, 1, 4, 2));

    JsonNode column =
        emails.stream()
            .filter(f -> f.path("location").path("column").asText().equals("contact_email"))
            .findFirst()
            .orElseThrow();
    assertThat(column.path("values_examined").asInt()).isEqualTo(4);
    assertThat(column.path("values_matched").asInt()).isEqualTo(4);
    assertThat(column.path("matches").asInt())
        .as("the header's keyword once, four addresses")
        .isEqualTo(5);
    assertThat(column.path("examples"))
        .extracting(example -> example.path("line").asInt())
        .containsExactly(1, 2, 3);
  }

  @Test
  void aLaterChunkWhoseRowsHaveNoDigitStillReadsItsHeaderAsTheFirstChunkDid() {
    // Alone, "id,contact_email,comment" over a row without digits would not read as a header.
    String second = HEADER + FIRST_ROW + "x,erik@example.com,none\n";

    List<JsonNode> emails =
        findings(
            chunk("customers.csv", HEADER + FIRST_ROW, 0, 1, 0),
            chunk("customers.csv", second, 1, 3, 2));

    assertThat(emails)
        .extracting(f -> f.path("location").path("column").asText())
        .containsExactly("contact_email");
    assertThat(emails.get(0).path("values_examined").asInt()).isEqualTo(2);
  }

  @Test
  void aChunkOfATextFileGivesTheFilesLineNumbers() {
    List<JsonNode> emails =
        findings(
            chunk("app.log", "start\nok\n", 0, 1, 0),
            chunk("app.log", "ok\nmail to ops@example.com failed\n", 1, 1001, 0));

    assertThat(emails).hasSize(1);
    assertThat(emails.get(0).path("location").path("line").asInt()).isEqualTo(1002);
    assertThat(emails.get(0).path("examples").get(0).path("line").asInt()).isEqualTo(1002);
  }
}
