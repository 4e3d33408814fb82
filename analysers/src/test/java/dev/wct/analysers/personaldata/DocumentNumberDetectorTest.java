package dev.wct.analysers.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.analysers.testing.CollectingWriter;
import dev.wct.analysers.testing.Inputs;
import dev.wct.analysers.text.Tokens;
import dev.wct.spi.json.Json;
import dev.wct.testkit.RecordingContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Identity-document numbers are reported by their shape only right after a keyword for the document
 * (ruleset 1.4.0's {@code document_number}); the same shapes elsewhere are left alone.
 */
class DocumentNumberDetectorTest {
  private static final ValueScanner ALL = ValueScanner.all("GB");

  /** "detector:value:validated|format" for every value found. */
  private static List<String> found(String text) {
    return ALL.scan(text, Tokens.of(text)).stream()
        .map(
            m ->
                m.detector().name()
                    + ":"
                    + text.substring(m.start(), m.end())
                    + ":"
                    + (m.validated() ? "validated" : "format"))
        .collect(Collectors.toList());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // Passports
        "Passport number: C01X00T47 | C01X00T47",
        "passport no. 123456789 | 123456789",
        "PASSPORT: X1234567 | X1234567",
        "Reisepass Nr. C01X00T47 | C01X00T47",
        "Reisepassnummer: C01X00T47 | C01X00T47",
        "numéro de passeport : 12AB34567 | 12AB34567",
        "Pasaporte: XDB123456 | XDB123456",
        "passaporto n. YA1234567 | YA1234567",
        "paspoortnummer NW1K2L345 | NW1K2L345",
        // Driving licences, the UK's in its own layout
        "Driving licence: MORGA753116SM9IJ | MORGA753116SM9IJ",
        "driver's license # D1234-56789 | D1234-56789",
        "Führerschein B072RRE2I55 | B072RRE2I55",
        "permis de conduire 123456789012 | 123456789012",
        "rijbewijs 5123456789 | 5123456789",
        // Identity cards and documents
        "ID card: T22000129 | T22000129",
        "identity card number is L01X00T47 | L01X00T47",
        "Personalausweis L01X00T47 | L01X00T47",
        "carte d'identité n° 880692310285 | 880692310285",
        "documento de identidad: AB1234567 | AB1234567",
        // Residence permits
        "Residence permit: RP 1234567 | 1234567",
        "Aufenthaltstitel Y12345678 | Y12345678",
        "titre de séjour 1234567890 | 1234567890",
        // In a column of a table, as a field of a JSON document
        "{\"passport_number\": \"123456789\"} | 123456789",
        "passportNumber=PA1234567 | PA1234567",
      })
  void aNumberRightAfterADocumentKeywordIsFoundByFormat(String text, String number) {
    assertThat(found(text.replace("\\n", "\n")))
        .containsExactly("document_number:" + number + ":format");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // The shapes without a keyword
        "Order C01X00T47 shipped",
        "Reference: 123456789",
        "MORGA753116SM9IJ",
        // A keyword too far away, or with a digit or three words between
        "Passport photos are printed in the booth next door C01X00T47",
        "passport expires in 3 years, ref 123456789",
        "passport and visa applications handled by XDB123456",
        // Dates, versions, ISBNs, prices, counts and plain words after a keyword
        "Passport issued 2019-04-23",
        "passport expiry: 23.04.2029",
        "passport 15/04/2029",
        "passport library version 1.2.345678",
        "passport: ^0.6.0",
        "passport guide ISBN 978-3-16-148410-0",
        "passport fee 12345.50",
        "passport ref-12345678",
        "driving licence holders: 12345",
        "identity card reader firmware",
        "app.use(passport.initialize()); passport.session()",
        // A software licence is no driving licence
        "License number: ABCD1234EFGH",
        "licence key 12345-67890-ABCDE",
      })
  void theSameShapesElsewhereAreNoDocumentNumber(String text) {
    assertThat(found(text)).noneMatch(match -> match.startsWith("document_number:"));
  }

  @Test
  void eachKeywordLabelsItsOwnNumber() {
    assertThat(found("Passport number: C01X00T47; driving licence MORGA753116SM9IJ"))
        .containsExactly(
            "document_number:C01X00T47:format", "document_number:MORGA753116SM9IJ:format");
  }

  @Test
  void aLabelOnItsOwnLineTakesTheNumberOnTheNext() {
    assertThat(found("Passport number:\nC01X00T47"))
        .containsExactly("document_number:C01X00T47:format");
  }

  @Test
  void aKeywordHeadingADelimitedColumnTakesNothingFromTheNextRow() {
    assertThat(found("staff_no,passport_no\n1002347,C01X00T47")).isEmpty();
    assertThat(found("staff_no\t\"Passport\"\n1002347\tC01X00T47")).isEmpty();
  }

  @Test
  void aPhoneNumberAfterAKeywordStaysAPhoneNumber() {
    assertThat(found("Passport office phone: +44 20 7946 0958"))
        .singleElement()
        .asString()
        .startsWith("phone_number:+44 20 7946 0958:");
  }

  @Test
  void theNumberIsMaskedInEvidence() {
    assertThat(new DocumentNumberDetector().mask("C01X00T47")).isEqualTo("********7");
  }

  private static List<JsonNode> findings(String ruleset, ObjectNode... items) {
    ObjectNode properties = Json.mapper().createObjectNode();
    if (ruleset != null) {
      properties.put("ruleset", ruleset);
    }
    CollectingWriter out = new CollectingWriter("findings");
    new PersonalDataAnalyser()
        .analyse(
            new RecordingContext(Path.of("."), "run-1", "pii"),
            properties,
            List.of(Inputs.standardInput(List.of(items))),
            out);
    List<JsonNode> findings = new ArrayList<>();
    out.items().forEach(findings::add);
    return findings;
  }

  @Test
  void oneLineWithAPassportNumberIsAGovernmentIdFindingWithTheDefaultRuleset() {
    ObjectNode line = Inputs.file("applicant.txt", "Passport number: C01X00T47");

    List<JsonNode> found = findings(null, line);
    assertThat(found).extracting(f -> f.path("category").asText()).containsExactly("government_id");
    String json = found.toString();
    assertThat(json).contains("format", "document_number").doesNotContain("C01X00T47", "01X00T4");
    // 1.3.0 pins its results: the keyword alone needs a second signal there.
    assertThat(findings("local/personal_data_indicator/1.3.0", line)).isEmpty();
  }

  @Test
  void aDatabaseColumnNamedForTheDocumentHoldsItsNumbers() {
    List<JsonNode> found =
        findings(
            null,
            Inputs.cell("travellers", "passport_number", "C01X00T47"),
            Inputs.cell("orders", "order_ref", "C01X00T47"));
    assertThat(found)
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.path("category").asText()).isEqualTo("government_id");
              assertThat(finding.path("location").path("column").asText())
                  .isEqualTo("passport_number");
              assertThat(finding.path("values_matched").asLong()).isEqualTo(1);
            });
    assertThat(found.toString()).doesNotContain("C01X00T47");
  }

  @Test
  void theShapeWithoutAKeywordIsNoFinding() {
    assertThat(findings(null, Inputs.file("orders.txt", "Order C01X00T47 shipped on Monday")))
        .isEmpty();
  }
}
