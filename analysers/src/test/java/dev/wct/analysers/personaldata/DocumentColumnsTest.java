package dev.wct.analysers.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.analysers.testing.CollectingWriter;
import dev.wct.analysers.testing.Inputs;
import dev.wct.spi.json.Json;
import dev.wct.testkit.RecordingContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A CSV column or a sheet's column headed for an identity document ({@code passport_no}, {@code
 * driving_licence}) holds document numbers, as a database column so named does: with ruleset 1.4.0
 * its values of the document-number shape are {@code document_number} matches, where the keyword is
 * the header rather than a label in the text. CSV files of our own under {@code
 * personaldata/document-columns}, read as the filesystem connector writes them.
 */
class DocumentColumnsTest {
  private static final String V1_3 = "local/personal_data_indicator/1.3.0";

  @Test
  void aPassportColumnHoldsPassportNumbers() throws Exception {
    JsonNode passports = only(findings(null, "staff.csv"), "passport_no");

    assertThat(passports.path("category").asText()).isEqualTo("government_id");
    assertThat(passports.path("values_examined").asInt()).isEqualTo(3);
    assertThat(passports.path("values_matched").asInt()).isEqualTo(3);
    assertThat(formatMatches(passports)).isEqualTo(3);
    // the values with the header's keyword, where the name alone was medium
    assertThat(passports.path("confidence").asText()).isEqualTo("high");
    assertThat(passports.path("examples")).isNotEmpty();
    assertThat(passports.toString()).doesNotContain("C01X00T47", "XDB123456", "YA1234567");
  }

  @Test
  void aSheetsColumnHeadedDrivingLicenceHoldsLicenceNumbers() {
    ObjectNode sheet =
        Inputs.file(
            "files",
            "/srv/share",
            "drivers.xlsx",
            "Driver\tDriving Licence\tOrder Ref\nAnna Berg\tMORGA753116SM9IJ\tC01X00T47\n"
                + "Jonas Lind\tD1234-56789\tXDB123456\n");
    ((ObjectNode) sheet.get("metadata")).put("sheet", "Fleet");

    List<JsonNode> found = findings(null, sheet);
    JsonNode licences = only(found, "Driving Licence");

    assertThat(licences.path("location").path("sheet").asText()).isEqualTo("Fleet");
    assertThat(licences.path("values_matched").asInt()).isEqualTo(2);
    assertThat(formatMatches(licences)).isEqualTo(2);
    assertThat(found).noneMatch(finding -> column(finding).equals("Order Ref"));
    assertThat(found.toString()).doesNotContain("MORGA753116SM9IJ", "56789", "C01X00T47");
  }

  @Test
  void datesAndYesOrNoInAPassportColumnAreNoNumbers() throws Exception {
    JsonNode passports = only(findings(null, "checks.csv"), "passport_no");

    // the column's name still reports it
    assertThat(passports.path("category").asText()).isEqualTo("government_id");
    assertThat(passports.path("values_matched").asInt()).isZero();
    assertThat(formatMatches(passports)).isZero();
  }

  @Test
  void theSameShapesInAnOrderReferenceColumnAreNoFinding() throws Exception {
    assertThat(findings(null, "orders.csv"))
        .noneMatch(finding -> finding.path("category").asText().equals("government_id"));
  }

  @Test
  void aPassportHeaderEndingTheHeaderRowTakesNoValueFromTheFirstRow() throws Exception {
    List<JsonNode> found = findings(null, "last-column.csv");

    // the staff number under the first header, right after the header row's last keyword
    assertThat(found).noneMatch(finding -> column(finding).equals("employee_no"));
    assertThat(only(found, "passport_no").path("values_matched").asInt()).isEqualTo(2);
  }

  @Test
  void ruleset13IsUnchanged() throws Exception {
    // 1.3.0 binds no document_number: the column is reported by its name only, as before
    List<JsonNode> found = findings(V1_3, "staff.csv");
    assertThat(found).noneMatch(finding -> finding.toString().contains("document_number"));
    assertThat(found)
        .filteredOn(finding -> column(finding).equals("passport_no"))
        .allSatisfy(finding -> assertThat(finding.path("values_matched").asInt()).isZero());
  }

  @Test
  void documentHeadersEndWithADocumentKeyword() {
    assertThat(
            List.of(
                "passport_no",
                "passport_number",
                "Passport Number",
                "driving_licence",
                "drivers_license",
                "id_card_number",
                "guest_passport",
                "Reisepassnummer",
                "residence permit no"))
        .allMatch(DocumentColumns::documentHeader);
    assertThat(
            List.of(
                "order_ref",
                "passport_expiry",
                "passport_checked",
                "licence_number",
                "id",
                "card_number"))
        .noneMatch(DocumentColumns::documentHeader);
  }

  /** The matches of the document-number detector by format. */
  private static int formatMatches(JsonNode finding) {
    int matches = 0;
    for (JsonNode detector : finding.path("detectors")) {
      if (detector.path("rule").asText().equals("document_number")
          && detector.path("kind").asText().equals("format")) {
        matches += detector.path("matches").asInt();
      }
    }
    return matches;
  }

  private static String column(JsonNode finding) {
    return finding.path("location").path("column").asText();
  }

  private static JsonNode only(List<JsonNode> found, String column) {
    List<JsonNode> matching = found.stream().filter(f -> column(f).equals(column)).toList();
    assertThat(matching).as("findings of column %s in %s", column, found).hasSize(1);
    return matching.get(0);
  }

  private static List<JsonNode> findings(String ruleset, String file) throws Exception {
    Path csv =
        Path.of(
            DocumentColumnsTest.class
                .getResource("/personaldata/document-columns/" + file)
                .toURI());
    return findings(
        ruleset,
        Inputs.file("files", "/srv/share", file, Files.readString(csv, StandardCharsets.UTF_8)));
  }

  private static List<JsonNode> findings(String ruleset, ObjectNode item) {
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
