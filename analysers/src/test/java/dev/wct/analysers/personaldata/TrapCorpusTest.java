package dev.wct.analysers.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.analysers.testing.CollectingWriter;
import dev.wct.analysers.testing.Inputs;
import dev.wct.spi.json.Json;
import dev.wct.testkit.RecordingContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Traps: values that look like personal data and are not (an academic year, a scenario code, a
 * boolean {@code email_verified} column, ISBNs, versions, order and invoice numbers, timestamps),
 * from {@code personaldata/trap-corpus.txt}, as a text file and as database cells with their
 * catalogue. None may yield a {@code personal_data} finding.
 */
class TrapCorpusTest {
  private static final String SYSTEM = "postgresql://127.0.0.1:5432/traps";

  @Test
  void noTrapYieldsAFinding() throws IOException {
    String corpus;
    try (InputStream in = getClass().getResourceAsStream("/personaldata/trap-corpus.txt")) {
      corpus = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    StringBuilder text = new StringBuilder();
    List<ObjectNode> cells = new ArrayList<>();
    Map<String, Map<String, String>> tables = new LinkedHashMap<>();
    for (String line : corpus.split("\n")) {
      if (line.startsWith("@cell\t")) {
        String[] parts = line.split("\t", 4);
        String table = parts[1].substring(0, parts[1].indexOf('.'));
        String column = parts[1].substring(parts[1].indexOf('.') + 1);
        tables.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(column, parts[2]);
        cells.add(Inputs.cell("traps_db", SYSTEM, "public", table, column, parts[3]));
      } else if (!line.startsWith("#")) {
        text.append(line).append('\n');
      }
    }
    ObjectNode fields = Json.mapper().createObjectNode().put("name", "traps_db");
    ObjectNode metadata = fields.putObject("metadata").put("system", SYSTEM);
    ArrayNode catalogue = metadata.putObject("catalogue").putArray("tables");
    tables.forEach(
        (table, columns) -> {
          ArrayNode columnNodes =
              catalogue.addObject().put("schema", "public").put("name", table).putArray("columns");
          columns.forEach(
              (column, type) -> columnNodes.addObject().put("name", column).put("data_type", type));
        });
    CollectingWriter out = new CollectingWriter("findings");

    new PersonalDataAnalyser()
        .analyse(
            new RecordingContext(Path.of("."), "run-1", "pii"),
            Json.mapper().createObjectNode(),
            List.of(
                Inputs.standardInput("traps_db", fields, cells),
                Inputs.standardInput(
                    "traps_files",
                    Json.mapper().createObjectNode(),
                    List.of(Inputs.file("traps_files", "/srv", "traps.txt", text.toString())))),
            out);

    List<String> findings = new ArrayList<>();
    for (JsonNode finding : out.items()) {
      findings.add(
          finding.path("category").asText()
              + " at "
              + finding.path("location")
              + " by "
              + finding.path("detectors"));
    }
    System.out.println("trap findings: " + findings.size() + " " + findings);
    assertThat(findings).isEmpty();
  }

  @Test
  void aBooleanColumnStillReportsWhatAFlagCanSay() {
    ObjectNode fields = Json.mapper().createObjectNode().put("name", "db");
    ArrayNode columns =
        fields
            .putObject("metadata")
            .put("system", SYSTEM)
            .putObject("catalogue")
            .putArray("tables")
            .addObject()
            .put("schema", "public")
            .put("name", "users")
            .putArray("columns");
    columns.addObject().put("name", "email_verified").put("data_type", "boolean");
    columns.addObject().put("name", "has_disability").put("data_type", "boolean");
    columns.addObject().put("name", "email").put("data_type", "text");
    CollectingWriter out = new CollectingWriter("findings");

    new PersonalDataAnalyser()
        .analyse(
            new RecordingContext(Path.of("."), "run-1", "pii"),
            Json.mapper().createObjectNode(),
            List.of(Inputs.standardInput("db", fields, List.of())),
            out);

    List<String> found = new ArrayList<>();
    out.items()
        .forEach(
            f ->
                found.add(
                    f.path("location").path("column").asText()
                        + ":"
                        + f.path("category").asText()));
    assertThat(found).contains("has_disability:health", "email:email");
    assertThat(found).noneMatch(f -> f.startsWith("email_verified:"));
  }

  @Test
  void aKeyColumnIsNotTheCategoryItRefersToUnlessItsNameIsAnIdentifier() {
    ObjectNode fields = Json.mapper().createObjectNode().put("name", "db");
    ArrayNode columns =
        fields
            .putObject("metadata")
            .put("system", SYSTEM)
            .putObject("catalogue")
            .putArray("tables")
            .addObject()
            .put("schema", "public")
            .put("name", "staff")
            .putArray("columns");
    for (String name : List.of("address_id", "countryId", "address", "staff_id", "device_id")) {
      columns.addObject().put("name", name).put("data_type", "integer");
    }
    CollectingWriter out = new CollectingWriter("findings");

    new PersonalDataAnalyser()
        .analyse(
            new RecordingContext(Path.of("."), "run-1", "pii"),
            Json.mapper().createObjectNode(),
            List.of(Inputs.standardInput("db", fields, List.of())),
            out);

    List<String> found = new ArrayList<>();
    out.items()
        .forEach(
            f ->
                found.add(
                    f.path("location").path("column").asText()
                        + ":"
                        + f.path("category").asText()));
    assertThat(found)
        .containsExactlyInAnyOrder(
            "address:address", "staff_id:employment", "device_id:online_identifier");
  }
}
