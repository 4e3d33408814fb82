package dev.wct.analysers.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.analysers.common.EvidenceSettings;
import dev.wct.analysers.common.Findings;
import dev.wct.analysers.common.TextItem;
import dev.wct.analysers.ruleset.KnownDetectors;
import dev.wct.analysers.ruleset.RulesetLoader;
import dev.wct.analysers.testing.CollectingWriter;
import dev.wct.analysers.testing.Inputs;
import dev.wct.spi.json.Json;
import dev.wct.testkit.RecordingContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A CSV column headed {@code name} or with a person word ({@code customer}) in a file of people
 * holds names, which no label in the text announces: CSV files of our own under {@code
 * personaldata/name-columns}, read as the filesystem connector writes them.
 */
class NameColumnsTest {
  @Test
  void aNameColumnOfAFileOfPeopleHoldsNames() throws Exception {
    List<JsonNode> found = findings(null, "guests.csv");

    JsonNode names = only(found, "name");
    assertThat(names.path("location").path("file_path").asText()).isEqualTo("guests.csv");
    assertThat(names.path("location").path("column").asText()).isEqualTo("name");
    // four names; "Unknown Guest" is a placeholder
    assertThat(names.path("matches").asInt()).isEqualTo(4);
    assertThat(names.path("confidence").asText()).isEqualTo("high");
    assertThat(names.toString()).doesNotContain("Berg", "Lind", "Ekström", "Holm");
  }

  @Test
  void listedNamesInANameColumnAreCorroboratedByTheColumn() throws Exception {
    // every name is on the shipped name lists, so the list claims each by its format; the name
    // column of a file of members says what it holds, as a phone label does for a number
    JsonNode names = only(findings(null, "members.csv"), "name");

    assertThat(names.path("location").path("column").asText()).isEqualTo("name");
    assertThat(names.path("matches").asInt()).isEqualTo(4);
    assertThat(names.path("detectors").findValuesAsText("kind")).containsOnly("value");
    assertThat(names.path("confidence").asText()).isEqualTo("high");
    assertThat(names.toString()).doesNotContain("Kowalski", "Smith", "Andersson", "Garcia");
  }

  @Test
  void withoutPersonContextListedNamesStayFoundByTheirFormatOnly() throws Exception {
    JsonNode names = only(findings("local/personal_data_indicator/1.2.0", "members.csv"), "name");

    assertThat(names.path("matches").asInt()).isEqualTo(4);
    assertThat(names.path("detectors").findValuesAsText("kind")).containsOnly("format");
    assertThat(names.path("confidence").asText()).isEqualTo("medium");
  }

  @Test
  void scanningOneItemAppliesTheNameAndThePhoneColumnRules() throws Exception {
    // the throughput benches and any caller of scan alone, not only analyse, see both columns
    PersonalDataAnalyser.Compiled compiled =
        PersonalDataAnalyser.compile(
            RulesetLoader.load(
                PersonalDataAnalyser.DEFAULT_RULESET,
                Path.of("."),
                "personal_data_indicator",
                KnownDetectors.NAMES),
            "US");
    Findings findings =
        new Findings(
            "personal_data",
            EvidenceSettings.DEFAULTS,
            new Redactor(EvidenceSettings.DEFAULTS, "US"));
    TextItem item = new TextItem(text("contacts.csv"), "contacts.csv", null, null, null, null);
    findings.startItem(item, 0);

    PersonalDataAnalyser.scan(compiled, item, findings);

    Map<String, Long> matches = new TreeMap<>();
    for (Findings.Finding finding : findings.findings()) {
      matches.put(
          finding.location().json().path("column").asText() + ":" + finding.name(),
          finding.matches());
    }
    // a listed name and one only the column finds (Ylva is on no list); two numbers no plan
    // assigns, under "phone"
    assertThat(matches).containsEntry("name:name", 2L).containsKey("phone:phone");
    assertThat(findings.findings())
        .filteredOn(finding -> finding.name().equals("name"))
        .allSatisfy(
            finding ->
                assertThat(findings.confidenceOf(finding)).isEqualTo(Findings.Confidence.HIGH));
  }

  @Test
  void aDatabaseColumnOfNamesInATableOfPeopleIsReadAsACsvColumnIs() {
    // guests: a table of people by its name; neither display_name nor customer is a label the
    // text scan reads ("display_name: ..." is a label glued to a longer identifier)
    Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
    rows.put("display_name", List.of("Maria Kowalski", "John Smith", "Ylva Strand"));
    rows.put("customer", List.of("Lars Andersson", "Sofia Garcia", "Tove Lund"));
    rows.put("company", List.of("Maria Kowalski", "John Smith", "Ylva Strand"));
    // products: a table of things
    Map<String, List<String>> products = Map.of("display_name", List.of("Oak Table", "Desk Lamp"));

    Map<String, JsonNode> found = new TreeMap<>();
    for (JsonNode finding : databaseFindings(Map.of("guests", rows, "products", products))) {
      found.put(
          finding.path("location").path("table").asText()
              + "."
              + finding.path("location").path("column").asText()
              + ":"
              + finding.path("category").asText(),
          finding);
    }

    assertThat(found).containsKeys("guests.display_name:name", "guests.customer:name");
    for (String column : List.of("guests.display_name:name", "guests.customer:name")) {
      JsonNode names = found.get(column);
      // listed names corroborated by the column, the unlisted one found by it: one kind, high
      assertThat(names.path("matches").asInt()).as(column).isEqualTo(3);
      assertThat(names.path("detectors").findValuesAsText("kind")).as(column).containsOnly("value");
      assertThat(names.path("confidence").asText()).as(column).isEqualTo("high");
    }
    // a column of no name (company) keeps what the lists alone say: a listed name's format
    assertThat(found.get("guests.company:name").path("detectors").findValuesAsText("kind"))
        .containsOnly("format");
    assertThat(found).doesNotContainKey("products.display_name:name");
  }

  @Test
  void listedGivenNamesAndSurnamesInTheirOwnColumnsAreNames() throws Exception {
    // one name a value: on the given-name list in first_name, the surname list in last_name
    Map<String, JsonNode> found = byColumn(findings(null, "staff.csv"));

    for (String column : List.of("first_name", "last_name")) {
      JsonNode names = found.get(column + ":name");
      assertThat(names).as(column).isNotNull();
      assertThat(names.path("confidence").asText()).as(column).isEqualTo("high");
      assertThat(names.path("values_examined").asInt()).as(column).isEqualTo(4);
      assertThat(names.path("values_matched").asInt()).as(column).isEqualTo(4);
      assertThat(names.path("detectors").findValuesAsText("kind"))
          .as(column)
          .contains("column_name", "value");
    }
    assertThat(found.values().toString())
        .doesNotContain("Maria", "Mary-Jane", "Kowalski", "Smith", "Andersson", "Garcia");
  }

  @Test
  void aFirstNameColumnOfWordsOnNoListIsNamedByItsColumnOnly() throws Exception {
    // capitalised words that are no listed given name: the column's name alone, as before
    JsonNode names = byColumn(findings(null, "parts.csv")).get("first_name:name");

    assertThat(names.path("confidence").asText()).isEqualTo("medium");
    assertThat(names.path("values_matched").asInt()).isZero();
    assertThat(names.path("detectors").findValuesAsText("kind")).containsOnly("column_name");
  }

  @Test
  void upperCaseNamesOfADatabaseTableAreListedNamesToo() {
    // Sakila writes its people's names in capitals; the lists are looked up in any case, and a
    // value on no list (an initial, a word) is not counted
    Map<String, List<String>> customer = new java.util.LinkedHashMap<>();
    customer.put("first_name", List.of("MARY", "PATRICIA", "linda", "Barbara", "ZZYZX"));
    customer.put("last_name", List.of("SMITH", "JOHNSON", "WILLIAMS", "Brown", "Q"));
    // a person word before the header: the contact's surname
    customer.put("contact_last_name", List.of("Nowak", "LEE", "Kim", "Ng", "-"));
    Map<String, JsonNode> found = new TreeMap<>();
    for (JsonNode finding : databaseFindings(Map.of("customer", customer))) {
      found.put(
          finding.path("location").path("column").asText()
              + ":"
              + finding.path("category").asText(),
          finding);
    }

    for (String column : List.of("first_name:name", "last_name:name")) {
      JsonNode names = found.get(column);
      assertThat(names).as(column).isNotNull();
      assertThat(names.path("confidence").asText()).as(column).isEqualTo("high");
      assertThat(names.path("values_examined").asInt()).as(column).isEqualTo(5);
      assertThat(names.path("values_matched").asInt()).as(column).isEqualTo(4);
    }
    assertThat(found.get("contact_last_name:name").path("values_matched").asInt()).isEqualTo(3);
    assertThat(found.values().toString())
        .doesNotContain("MARY", "PATRICIA", "SMITH", "JOHNSON", "Nowak", "LEE");
  }

  private static Map<String, JsonNode> byColumn(List<JsonNode> found) {
    Map<String, JsonNode> byColumn = new TreeMap<>();
    for (JsonNode finding : found) {
      byColumn.put(
          finding.path("location").path("column").asText()
              + ":"
              + finding.path("category").asText(),
          finding);
    }
    return byColumn;
  }

  private static List<JsonNode> databaseFindings(Map<String, Map<String, List<String>>> tables) {
    String system = "sqlite:///srv/hotel.db";
    ObjectNode fields = Json.mapper().createObjectNode().put("name", "hotel");
    com.fasterxml.jackson.databind.node.ArrayNode catalogue =
        fields
            .putObject("metadata")
            .put("system", system)
            .putObject("catalogue")
            .putArray("tables");
    List<ObjectNode> cells = new ArrayList<>();
    tables.forEach(
        (table, columns) -> {
          com.fasterxml.jackson.databind.node.ArrayNode columnNodes =
              catalogue.addObject().put("schema", "main").put("name", table).putArray("columns");
          columns.forEach(
              (column, values) -> {
                columnNodes.addObject().put("name", column).put("data_type", "text");
                values.forEach(
                    value -> cells.add(Inputs.cell("hotel", system, "main", table, column, value)));
              });
        });
    CollectingWriter out = new CollectingWriter("findings");
    new PersonalDataAnalyser()
        .analyse(
            new RecordingContext(Path.of("."), "run-1", "pii"),
            Json.mapper().createObjectNode(),
            List.of(Inputs.standardInput("hotel", fields, cells)),
            out);
    List<JsonNode> found = new ArrayList<>();
    out.items().forEach(found::add);
    return found;
  }

  @Test
  void aColumnHeadedWithAPersonWordHoldsNamesButNotACompanys() throws Exception {
    JsonNode names = only(findings(null, "orders.csv"), "name");

    assertThat(names.path("location").path("column").asText()).isEqualTo("customer");
    assertThat(names.path("matches").asInt()).isEqualTo(2);
  }

  @Test
  void aNameColumnOfAFileOfThingsIsNoPersonsName() throws Exception {
    assertThat(findings(null, "products.csv")).isEmpty();
  }

  @Test
  void aKeyToAPersonDoesNotMakeTheNameColumnOfAFileOfThingsAPersons() throws Exception {
    // reviews of products by customers: the name is the product's
    assertThat(findings(null, "reviews.csv"))
        .noneMatch(finding -> finding.path("category").asText().equals("name"));
  }

  @Test
  void aRulesetWithoutPersonContextFindsNoNameColumns() throws Exception {
    // without person context the column says nothing: only names on the name lists are found
    List<JsonNode> names =
        findings("local/personal_data_indicator/1.2.0", "guests.csv").stream()
            .filter(finding -> finding.path("category").asText().equals("name"))
            .toList();
    assertThat(names)
        .allSatisfy(
            finding ->
                assertThat(finding.path("detectors").findValuesAsText("kind"))
                    .containsOnly("format"));
    assertThat(names.stream().mapToInt(finding -> finding.path("matches").asInt()).sum())
        .isLessThan(4);
  }

  private static JsonNode only(List<JsonNode> found, String category) {
    List<JsonNode> matching =
        found.stream().filter(f -> f.path("category").asText().equals(category)).toList();
    assertThat(matching).as("findings of %s in %s", category, found).hasSize(1);
    return matching.get(0);
  }

  private static String text(String file) throws Exception {
    Path csv =
        Path.of(NameColumnsTest.class.getResource("/personaldata/name-columns/" + file).toURI());
    return Files.readString(csv, StandardCharsets.UTF_8);
  }

  private static List<JsonNode> findings(String ruleset, String file) throws Exception {
    ObjectNode item = Inputs.file("files", "/srv/share", file, text(file));
    ObjectNode properties = Json.mapper().createObjectNode();
    if (ruleset != null) {
      properties.put("ruleset", ruleset);
    }
    CollectingWriter out = new CollectingWriter("findings");
    new PersonalDataAnalyser()
        .analyse(
            new RecordingContext(Path.of("."), "run-1", "pii"),
            properties,
            List.of(Inputs.standardInput(List.of(item))),
            out);
    List<JsonNode> found = new ArrayList<>();
    out.items().forEach(found::add);
    return found;
  }
}
