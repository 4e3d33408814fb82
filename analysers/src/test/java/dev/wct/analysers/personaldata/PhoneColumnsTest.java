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
 * A CSV column headed with a phone label holds phone numbers, assigned or not: Faker-style numbers
 * no numbering plan assigns ({@code 984-182-0190x818}, {@code (37) 788-063}) are found there by
 * their format, and the same numbers in an {@code order_ref} or {@code sku} column are not. CSV
 * files of our own under {@code personaldata/phone-columns}, read as the filesystem connector
 * writes them.
 */
class PhoneColumnsTest {
  @Test
  void unassignedNumbersInAPhoneColumnAreFoundByFormat() throws Exception {
    JsonNode phones = only(findings("contacts.csv"), "phone");

    assertThat(phones.path("location").path("column").asText()).isEqualTo("phone");
    // seven filled fields: five numbers (one international), a date and "n/a"
    assertThat(phones.path("values_examined").asInt()).isEqualTo(7);
    assertThat(phones.path("values_matched").asInt()).isEqualTo(5);
    assertThat(formatMatches(phones)).isEqualTo(5);
    // with the header's keyword "phone"
    assertThat(phones.path("confidence").asText()).isEqualTo("high");
    assertThat(phones.path("examples")).isNotEmpty();
    assertThat(phones.toString())
        .doesNotContain("182-0190", "788-063", "112.8830", "177-3921", "2021-03-04");
  }

  @Test
  void theSameNumbersInAnOrderReferenceOrSkuColumnAreNoPhoneNumbers() throws Exception {
    assertThat(findings("orders.csv")).noneMatch(PhoneColumnsTest::phone);
    assertThat(findings("products.csv")).noneMatch(PhoneColumnsTest::phone);
  }

  @Test
  void aNumberTheTextScanFoundUnderItsHeaderIsCountedOnce() throws Exception {
    // one column: the first number follows its label "phone" in the text itself; the last two
    // open like international ones (00...): libphonenumber validates one as dialled abroad, the
    // other (001-012-..., no +1 number opens with 0) is found because the header says phone
    JsonNode phones = only(findings("mobiles.csv"), "phone");

    assertThat(phones.path("location").path("column").asText()).isEqualTo("mobile_phone");
    assertThat(phones.path("values_examined").asInt()).isEqualTo(5);
    assertThat(phones.path("values_matched").asInt()).isEqualTo(5);
    assertThat(formatMatches(phones)).isEqualTo(4);
    assertThat(phones.path("detectors").toString()).contains("\"kind\":\"value\"");
  }

  @Test
  void aPhoneHeaderEndingTheHeaderRowLabelsNothingInTheFirstColumn() throws Exception {
    List<JsonNode> found = findings("staff.csv");

    // the staff number under the first header, in phone-like groups right after the header row's
    // last label, is no phone number: only the phone column's two numbers are
    assertThat(found)
        .noneMatch(
            finding -> finding.path("location").path("column").asText().equals("employee_no"));
    JsonNode phones = only(found, "phone");
    assertThat(phones.path("location").path("column").asText()).isEqualTo("phone");
    assertThat(phones.path("values_matched").asInt()).isEqualTo(2);
    assertThat(formatMatches(phones)).isEqualTo(2);
  }

  @Test
  void aSheetsColumnHeadedTelephoneHoldsPhoneNumbers() {
    ObjectNode sheet =
        Inputs.file(
            "files",
            "/srv/share",
            "export.xlsx",
            "Customer\tTelephone No\tSKU\nAnna Berg\t(37) 788-063\t984-182-0190\n"
                + "Jonas Lind\t045.112.8830\t(060)177-3921\n");
    ((ObjectNode) sheet.get("metadata")).put("sheet", "Contacts");

    JsonNode phones = only(findings(sheet), "phone");

    assertThat(phones.path("location").path("sheet").asText()).isEqualTo("Contacts");
    assertThat(phones.path("location").path("column").asText()).isEqualTo("Telephone No");
    assertThat(formatMatches(phones)).isEqualTo(2);
    assertThat(phones.path("confidence").asText()).isEqualTo("high");
    assertThat(phones.toString()).doesNotContain("788-063", "112.8830");
  }

  @Test
  void aJsonFieldNamedForAPhoneIsLabelledInTheTextItself() throws Exception {
    String lines =
        "{\"id\": 1, \"phone\": \"984-182-0190x818\"}\n{\"id\": 2, \"phone\": \"(37) 788-063\"}\n";
    JsonNode phones =
        only(
            findings("contacts.jsonl", lines).stream()
                .filter(finding -> finding.path("location").has("json_path"))
                .toList(),
            "phone");

    assertThat(phones.path("location").path("json_path").asText()).isEqualTo("$.phone");
    assertThat(formatMatches(phones)).isEqualTo(2);
    assertThat(phones.toString()).doesNotContain("182-0190", "788-063");
  }

  @Test
  void phoneHeadersEndWithAPhoneLabel() {
    PhoneColumns columns =
        PhoneColumns.of(
            dev.wct.analysers.ruleset.RulesetLoader.load(
                PersonalDataAnalyser.DEFAULT_RULESET,
                Path.of("."),
                PersonalDataAnalyser.RULESET_KIND,
                dev.wct.analysers.ruleset.KnownDetectors.NAMES),
            "US");

    assertThat(List.of("phone", "Mobile Phone", "telephone_no", "phoneNumber", "fax", "Tel"))
        .allMatch(columns::phoneHeader);
    assertThat(List.of("order_ref", "sku", "phone_type", "sms_opt_in", "call_id", "cell_id"))
        .noneMatch(columns::phoneHeader);
  }

  /** The matches of the phone detector by format (not validated, not the header's keyword). */
  private static int formatMatches(JsonNode finding) {
    int matches = 0;
    for (JsonNode detector : finding.path("detectors")) {
      if (detector.path("rule").asText().equals("phone_number")
          && detector.path("kind").asText().equals("format")) {
        matches += detector.path("matches").asInt();
      }
    }
    return matches;
  }

  private static boolean phone(JsonNode finding) {
    return finding.path("category").asText().equals("phone");
  }

  private static JsonNode only(List<JsonNode> found, String category) {
    List<JsonNode> matching =
        found.stream().filter(f -> f.path("category").asText().equals(category)).toList();
    assertThat(matching).as("findings of %s in %s", category, found).hasSize(1);
    return matching.get(0);
  }

  private static List<JsonNode> findings(String file) throws Exception {
    Path csv =
        Path.of(PhoneColumnsTest.class.getResource("/personaldata/phone-columns/" + file).toURI());
    return findings(file, Files.readString(csv, StandardCharsets.UTF_8));
  }

  private static List<JsonNode> findings(String file, String content) {
    return findings(Inputs.file("files", "/srv/share", file, content));
  }

  private static List<JsonNode> findings(ObjectNode item) {
    CollectingWriter out = new CollectingWriter("findings");
    new PersonalDataAnalyser()
        .analyse(
            new RecordingContext(Path.of("."), "run-1", "pii"),
            Json.mapper().createObjectNode(),
            List.of(Inputs.standardInput(List.of(item))),
            out);
    List<JsonNode> found = new ArrayList<>();
    out.items().forEach(found::add);
    return found;
  }
}
