package dev.wct.analysers.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.analysers.datasubject.DataSubjectAnalyser;
import dev.wct.analysers.testing.CollectingWriter;
import dev.wct.analysers.testing.Inputs;
import dev.wct.spi.Analyser;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.ContentReader;
import dev.wct.testkit.RecordingContext;
import dev.wct.testkit.messages.MessageSchemas;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 7: one finding per (location, category), each naming its place fully. */
class PerLocationFindingsTest {
  private static final String SYSTEM = "postgresql://127.0.0.1:5432/wct_demo";

  private static CollectingWriter analyse(Analyser analyser, ContentReader... inputs) {
    CollectingWriter out = new CollectingWriter("findings");
    try {
      analyser.analyse(
          new RecordingContext(Path.of("."), "run-1", "pii"),
          Json.mapper().createObjectNode(),
          List.of(inputs),
          out);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(MessageSchemas.builtIn().validate(analyser.outputSchemas().get(0), out.content()))
        .isEmpty();
    return out;
  }

  private static ContentReader files(String artifact, String root, ObjectNode... items) {
    return Inputs.standardInput(artifact, Json.mapper().createObjectNode(), List.of(items));
  }

  @Test
  void twoFilesWithTheSameCategoryAreTwoFindingsEachWithItsFileAndLine() {
    CollectingWriter out =
        analyse(
            new PersonalDataAnalyser(),
            files(
                "web_files",
                "/srv/www",
                Inputs.file("web_files", "/srv/www", "a.php", "<?php\n\n$to = 'jane@example.com';"),
                Inputs.file("web_files", "/srv/www", "lib/b.py", "SENDER = 'ops@example.org'")));

    List<JsonNode> emails = out.items("category", "email");
    assertThat(emails).hasSize(2);
    assertThat(emails.get(0).path("location").toString())
        .isEqualTo(
            "{\"source\":\"web_files\",\"root\":\"/srv/www\",\"file_path\":\"a.php\",\"line\":3}");
    assertThat(emails.get(1).path("location").path("file_path").asText()).isEqualTo("lib/b.py");
    assertThat(emails.get(1).path("location").path("line").asInt()).isEqualTo(1);
    assertThat(emails.get(0).path("id").asText()).isNotEqualTo(emails.get(1).path("id").asText());
    JsonNode summary = out.content().path("summary");
    assertThat(summary.path("distinct_categories").asInt()).isEqualTo(1);
    assertThat(summary.path("distinct_locations").asInt()).isEqualTo(2);
    assertThat(summary.at("/categories/email/locations").asInt()).isEqualTo(2);
  }

  @Test
  void aCsvFindingNamesItsHeaderColumn() {
    String csv =
        "customer_id,first_name,email,iban\n"
            + "1001,Alice,alice@example.com,GB82WEST12345698765432\n"
            + "1002,Bruno,bruno@example.de,DE44500105175407324931\n";
    CollectingWriter out =
        analyse(
            new PersonalDataAnalyser(),
            files(
                "crm_export",
                "/srv/www/data",
                Inputs.file("crm_export", "/srv/www/data", "customers.csv", csv)));

    JsonNode iban = out.item("category", "bank_account");
    assertThat(iban.path("location").path("file_path").asText()).isEqualTo("customers.csv");
    assertThat(iban.path("location").path("column").asText()).isEqualTo("iban");
    assertThat(iban.path("detectors").toString())
        .contains("{\"rule\":\"iban\",\"kind\":\"value\",\"matches\":2}")
        .contains("\"kind\":\"column_name\"");
    assertThat(iban.path("confidence").asText()).isEqualTo("high");
    assertThat(iban.path("examples").get(1).path("line").asInt()).isEqualTo(2);
    assertThat(iban.toString()).doesNotContain("GB82WEST", "5407324931", "Alice");
    assertThat(out.item("category", "email").path("location").path("column").asText())
        .isEqualTo("email");
  }

  private static ObjectNode page(String path, int page, String content) {
    ObjectNode item = Inputs.file("docs", "/srv/share", path, content);
    ((ObjectNode) item.get("metadata")).put("page", page);
    return item;
  }

  private static ObjectNode sheet(String path, String sheet, String content) {
    ObjectNode item = Inputs.file("docs", "/srv/share", path, content);
    ((ObjectNode) item.get("metadata")).put("sheet", sheet);
    return item;
  }

  @Test
  void aDocumentFindingNamesItsFileAndPageAndASheetFindingItsColumn() {
    CollectingWriter out =
        analyse(
            new PersonalDataAnalyser(),
            files(
                "docs",
                "/srv/share",
                page("letter.pdf", 1, "Dear customer,"),
                page("letter.pdf", 2, "Contact\nwrite to jane@example.com"),
                sheet(
                    "export.xlsx",
                    "Payments",
                    "name\tiban\nAlice\tGB82WEST12345698765432\nBruno\tDE44500105175407324931")));

    JsonNode email = out.item("category", "email");
    assertThat(email.path("location").toString())
        .isEqualTo(
            "{\"source\":\"docs\",\"root\":\"/srv/share\",\"file_path\":\"letter.pdf\","
                + "\"page\":2,\"line\":2}");
    JsonNode iban = out.item("category", "bank_account");
    assertThat(iban.path("location").path("sheet").asText()).isEqualTo("Payments");
    assertThat(iban.path("location").path("column").asText()).isEqualTo("iban");
    assertThat(iban.toString()).doesNotContain("GB82WEST", "5407324931", "Alice", "jane@");
    assertThat(email.toString()).doesNotContain("jane@example.com");
    JsonNode coverage = out.content().path("coverage");
    assertThat(coverage).hasSize(2);
    assertThat(coverage.get(0).path("items_examined").asInt()).isEqualTo(2);
    assertThat(coverage.get(1).path("items_examined").asInt()).isEqualTo(1);
  }

  @Test
  void filesInsideArchivesAreTypedByTheEntrysExtensionNotTheArchives() {
    String csv =
        "customer_id,email,iban\n"
            + "1001,alice@example.com,GB82WEST12345698765432\n"
            + "1002,bruno@example.de,DE44500105175407324931\n";
    String json =
        "{\"users\": [{\"mail\": \"carla@example.it\"}, {\"mail\": \"dan@example.org\"}]}";
    CollectingWriter out =
        analyse(
            new PersonalDataAnalyser(),
            files(
                "share",
                "/srv/share",
                Inputs.file("share", "/srv/share", "backup.zip!/customers/export.csv", csv),
                Inputs.file("share", "/srv/share", "a.tar.gz!/b.zip!/api/users.json", json)));

    JsonNode iban = out.item("category", "bank_account");
    assertThat(iban.path("location").path("file_path").asText())
        .isEqualTo("backup.zip!/customers/export.csv");
    assertThat(iban.path("location").path("column").asText()).isEqualTo("iban");
    assertThat(iban.path("values_examined").asInt()).isEqualTo(2);
    assertThat(iban.path("values_matched").asInt()).isEqualTo(2);
    assertThat(out.items("category", "email"))
        .extracting(
            finding ->
                finding.path("location").path("file_path").asText()
                    + " "
                    + finding.path("location").path("column").asText()
                    + finding.path("location").path("json_path").asText())
        .containsExactlyInAnyOrder(
            "backup.zip!/customers/export.csv email",
            "a.tar.gz!/b.zip!/api/users.json $.users[*].mail");
    assertThat(out.content().toString()).doesNotContain("alice@", "carla@", "5407324931");
  }

  @Test
  void aJsonFileHasOneLocationPerFieldPathWithItsValuesCounted() {
    String json =
        "{\"customers\": [\n"
            + "  {\"id\": 1, \"contact\": {\"email\": \"alice@example.com\"}, \"notes\": \"vip\"},\n"
            + "  {\"id\": 2, \"contact\": {\"email\": \"bruno@example.de\"}, \"notes\": null},\n"
            + "  {\"id\": 3, \"contact\": {\"email\": \"carla@example.it\"},"
            + " \"notes\": \"ask dan@example.org\"}\n"
            + "], \"by_mail\": {\"erin@example.com\": {\"plan\": \"gold\"}}}";
    CollectingWriter out =
        analyse(
            new PersonalDataAnalyser(),
            files(
                "api_dump", "/srv/dumps", Inputs.file("api_dump", "/srv/dumps", "crm.json", json)));

    List<JsonNode> emails = out.items("category", "email");
    assertThat(emails)
        .extracting(finding -> finding.path("location").path("json_path").asText())
        // The address used as a key is no value of a path: it is found in the file.
        .containsExactlyInAnyOrder("$.customers[*].contact.email", "$.customers[*].notes", "");
    JsonNode column =
        emails.stream()
            .filter(f -> f.path("location").path("json_path").asText().endsWith("email"))
            .findFirst()
            .orElseThrow();
    assertThat(column.path("values_examined").asInt()).isEqualTo(3);
    assertThat(column.path("values_matched").asInt()).isEqualTo(3);
    assertThat(column.path("confidence").asText()).isEqualTo("high");
    JsonNode notes =
        emails.stream()
            .filter(f -> f.path("location").path("json_path").asText().endsWith("notes"))
            .findFirst()
            .orElseThrow();
    assertThat(notes.path("values_examined").asInt()).isEqualTo(2);
    assertThat(notes.path("values_matched").asInt()).isEqualTo(1);
    assertThat(out.content().toString()).doesNotContain("erin@", "alice@", "dan@");
  }

  @Test
  void oneStrayValueInANotesColumnIsToldApartFromAColumnFullOfThem() {
    StringBuilder csv = new StringBuilder("ref,contact,notes\n");
    for (int i = 0; i < 10; i++) {
      csv.append("R")
          .append(i)
          .append(",user")
          .append(i)
          .append("@example.com,")
          .append(i == 4 ? "wrote from old" + i + "@example.org" : "called back")
          .append('\n');
    }
    CollectingWriter out =
        analyse(
            new PersonalDataAnalyser(),
            files("export", "/srv", Inputs.file("export", "/srv", "tickets.csv", csv.toString())));

    Map<String, JsonNode> byColumn = new LinkedHashMap<>();
    out.items("category", "email")
        .forEach(f -> byColumn.put(f.path("location").path("column").asText(), f));
    assertThat(byColumn.keySet()).containsExactly("contact", "notes");
    assertThat(byColumn.get("contact").path("values_examined").asInt()).isEqualTo(10);
    assertThat(byColumn.get("contact").path("values_matched").asInt()).isEqualTo(10);
    assertThat(byColumn.get("contact").path("confidence").asText()).isEqualTo("high");
    assertThat(byColumn.get("notes").path("values_examined").asInt()).isEqualTo(10);
    assertThat(byColumn.get("notes").path("values_matched").asInt()).isEqualTo(1);
    assertThat(byColumn.get("notes").path("confidence").asText()).isEqualTo("medium");
  }

  @Test
  void aDatabaseColumnNamesItsSystemAndCountsTheValuesExaminedAndMatched() {
    Map<String, List<String>> catalogue = new LinkedHashMap<>();
    catalogue.put("public.customers", List.of("id", "contact"));
    ContentReader db =
        Inputs.standardInput(
            "clinic_db",
            Inputs.databaseFields(SYSTEM, catalogue),
            List.of(
                Inputs.cell("clinic_db", SYSTEM, "public", "customers", "contact", "a@example.com"),
                Inputs.cell("clinic_db", SYSTEM, "public", "customers", "contact", "n/a"),
                Inputs.cell("clinic_db", SYSTEM, "public", "customers", "contact", "b@example.com"),
                Inputs.cell("clinic_db", SYSTEM, "public", "customers", "id", "7")));

    CollectingWriter out = analyse(new PersonalDataAnalyser(), db);

    JsonNode email = out.item("category", "email");
    assertThat(email.path("location").toString())
        .isEqualTo(
            "{\"source\":\"clinic_db\",\"system\":\""
                + SYSTEM
                + "\",\"schema\":\"public\",\"table\":\"customers\",\"column\":\"contact\"}");
    assertThat(email.path("values_examined").asInt()).isEqualTo(3);
    assertThat(email.path("values_matched").asInt()).isEqualTo(2);
    assertThat(email.path("examples").get(0).path("column").asInt()).isEqualTo(1);
    assertThat(email.path("examples").get(0).path("row").asInt()).isZero();
    JsonNode coverage = out.content().path("coverage");
    assertThat(coverage).hasSize(1);
    assertThat(coverage.get(0).path("items_examined").asInt()).isEqualTo(4);
    assertThat(coverage.get(0).path("findings").asInt()).isEqualTo(1);
  }

  @Test
  void columnNamesOfAnEmptyTableAreFindings() {
    Map<String, List<String>> catalogue = new LinkedHashMap<>();
    catalogue.put("wct_demo.employees", List.of("employee_id", "full_name", "work_email"));

    CollectingWriter out =
        analyse(
            new PersonalDataAnalyser(),
            Inputs.standardInput(
                "shop_db",
                Inputs.databaseFields("mysql://127.0.0.1:3306/wct_demo", catalogue),
                List.of()));

    JsonNode email = out.item("category", "email");
    assertThat(email.path("location").path("column").asText()).isEqualTo("work_email");
    assertThat(email.path("location").path("system").asText())
        .isEqualTo("mysql://127.0.0.1:3306/wct_demo");
    assertThat(email.path("detectors").get(0).path("kind").asText()).isEqualTo("column_name");
    assertThat(email.path("values_examined").asInt()).isZero();
    assertThat(email.path("values_matched").asInt()).isZero();
    assertThat(email.path("confidence").asText()).isEqualTo("medium");
    assertThat(email.path("examples").get(0).path("snippet").asText()).isEqualTo("work_email");
    assertThat(out.item("category", "name").path("location").path("column").asText())
        .isEqualTo("full_name");
    // The subject is named by the table.
    JsonNode employee =
        analyse(
                new DataSubjectAnalyser(),
                Inputs.standardInput(
                    "shop_db",
                    Inputs.databaseFields("mysql://127.0.0.1:3306/wct_demo", catalogue),
                    List.of()))
            .item("subject", "employee");
    assertThat(employee.path("location").path("table").asText()).isEqualTo("employees");
    assertThat(employee.path("location").has("column")).isFalse();
  }

  @Test
  void idsAreStableAcrossRunsAndOneFileHasOneIdWhicheverRootNamesIt() {
    String text = "mail jane@example.com";
    JsonNode first =
        analyse(
                new PersonalDataAnalyser(),
                files("web", "/srv/www", Inputs.file("web", "/srv/www", "data/x.txt", text)))
            .item("category", "email");
    JsonNode second =
        analyse(
                new PersonalDataAnalyser(),
                files("web", "/srv/www", Inputs.file("web", "/srv/www", "data/x.txt", text)))
            .item("category", "email");
    JsonNode viaOtherRoot =
        analyse(
                new PersonalDataAnalyser(),
                files(
                    "exports",
                    "/srv/www/data",
                    Inputs.file("exports", "/srv/www/data", "x.txt", text)))
            .item("category", "email");

    assertThat(first.path("id").asText()).matches("[0-9a-f]{16}");
    assertThat(second.path("id").asText()).isEqualTo(first.path("id").asText());
    assertThat(viaOtherRoot.path("id").asText()).isEqualTo(first.path("id").asText());
  }

  @Test
  void theSameFileReadThroughTwoArtifactsIsAnalysedOnce() {
    String text = "mail jane@example.com";
    CollectingWriter out =
        analyse(
            new PersonalDataAnalyser(),
            files("web", "/srv/www", Inputs.file("web", "/srv/www", "data/x.txt", text)),
            files(
                "exports",
                "/srv/www/data",
                Inputs.file("exports", "/srv/www/data", "x.txt", text)));

    assertThat(out.items("category", "email")).hasSize(1);
    assertThat(out.item("category", "email").path("matches").asInt()).isEqualTo(1);
    assertThat(out.content().at("/summary/duplicate_items_skipped").asInt()).isEqualTo(1);
  }

  @Test
  void aValueInAMinorityOfAnUnnamedColumnIsMediumConfidence() {
    List<ObjectNode> cells =
        List.of(
            Inputs.cell("shop_db", SYSTEM, "public", "tickets", "remarks", "+44 20 7946 0958"),
            Inputs.cell("shop_db", SYSTEM, "public", "tickets", "remarks", "n/a"),
            Inputs.cell("shop_db", SYSTEM, "public", "tickets", "remarks", "n/a"));

    JsonNode phone =
        analyse(
                new PersonalDataAnalyser(),
                Inputs.standardInput("shop_db", Json.mapper().createObjectNode(), cells))
            .item("category", "phone");

    assertThat(phone.path("values_matched").asInt()).isEqualTo(1);
    assertThat(phone.path("values_examined").asInt()).isEqualTo(3);
    assertThat(phone.path("confidence").asText()).isEqualTo("medium");
  }

  @Test
  void aSingleKeywordInProseIsLowConfidence() {
    JsonNode finding =
        analyse(
                new PersonalDataAnalyser(),
                files("docs", "/d", Inputs.file("docs", "/d", "notes.md", "Ask for the salary.")))
            .item("category", "financial");

    assertThat(finding.path("confidence").asText()).isEqualTo("low");
    assertThat(finding.path("detectors").get(0).path("kind").asText()).isEqualTo("keyword");
  }
}
