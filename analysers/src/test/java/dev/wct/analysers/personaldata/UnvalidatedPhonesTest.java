package dev.wct.analysers.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.analysers.testing.CollectingWriter;
import dev.wct.analysers.testing.Inputs;
import dev.wct.analysers.text.Tokens;
import dev.wct.spi.json.Json;
import dev.wct.testkit.RecordingContext;
import dev.wct.testkit.messages.MessageSchemas;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Phone numbers no numbering plan assigns (Faker's and test data's random digits) are still phone
 * numbers when written in international format with a possible length, or in phone-like groups next
 * to a phone label; they are reported by format, at lower confidence than validated ones.
 */
class UnvalidatedPhonesTest {
  private static final ValueScanner US = ValueScanner.all("US");

  /** "detector:value:validated|format" for every value found. */
  private static List<String> found(String text) {
    return US.scan(text, Tokens.of(text)).stream()
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
        // International format, a length possible for the calling code, exchange 182 unassigned.
        "+1-984-182-0190 mobile | +1-984-182-0190",
        "fax: +1-177-892-0730x52646 | +1-177-892-0730x52646",
        "001-748-088-2851x818-Fax | 001-748-088-2851x818",
        "Desk: +41 (0)96 471 07 95 | +41 (0)96 471 07 95",
        "+447700 921 916 | +447700 921 916",
        "reach me on +447700677662 | +447700677662",
        "build 001-555-010-0000 | 001-555-010-0000",
        "dial 011 1 984 182 0190 | 011 1 984 182 0190",
        // National format after a phone label, or with one right after it.
        "Phone:\\n60-56-85-91\\n\\nE-mail: | 60-56-85-91",
        "Name: Victoria Bruun\\nPhone: (72) 754-186 | (72) 754-186",
        "Can someone call me on 01.84.17.61.18? | 01.84.17.61.18",
        "mobile: 99 577450 | 99 577450",
        "contact number: 60-56-85-91 | 60-56-85-91",
        "{\"mobilePhone\": \"(37) 788-063\"} | (37) 788-063",
        "Téléphone : 01.84.17.61.18 | 01.84.17.61.18",
        "tel. 06-10446904 | 06-10446904",
        "Fax 259.735.7502x459 | 259.735.7502x459",
        "Mali\\n0490 75 40 81 fax\\n | 0490 75 40 81",
        "Office,07700 063 966-Fax | 07700 063 966",
        "home 555 0134 (cell) | 555 0134",
        "Mali\\n089 72 63 41 office\\n | 089 72 63 41",
        "Hungary 34796\\n(37) 788-063-Office\\\\,0 | (37) 788-063",
        "or 0479 50 54 03 (home) | 0479 50 54 03"
      })
  void isReportedByFormat(String written, String number) {
    String text = written.replace("\\n", "\n");
    assertThat(found(text))
        .filteredOn(f -> f.startsWith("phone_number:"))
        .containsExactly("phone_number:" + number + ":format");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Not possible for the calling code: too short, too long, only for local dialling.
        "call +1 555 0100 now",
        "call +44 20 7946 0958 1234",
        "build 001-518-640-085",
        // Unicode code points, not a number dialled with 00.
        "LATIN CAPITAL LETTER I WITH CIRCUMFLEX 0049 0302 ;",
        "U+00BC => 0031 2044 0034 and U+2161 => 0049 0049",
        "dial 0049 030 1234567 or 00491701234567",
        // The calling code does not stand whole in the first group: a signed decimal.
        "x = +3.14159265 and y = +2.71828182",
        // National format without a phone label.
        "They're not answering at 60-56-85-91",
        "the contact for this number is 60-56-85-91",
        "Order 0490 75 40 81 shipped",
        "ref 21 284 698 2548 and 467 3395",
        // A label too far away, or a digit between it and the number.
        "Phone numbers are listed in the annex under section 12 78 651 450",
        // Grouped like versions, ISBNs, dates and times, even after a label.
        "phone firmware 10.0.19041.1",
        "call ISBN 978-3-16-148410-0",
        "call on 2024-05-01 10:00",
        "fax 12/03/2024 at 10:30:00",
        "Copyright 2016-2020 Endless Mobile, Inc 2017-2022 Endless OS Foundation",
        "in2ex() if appropriate.  (12/26/2005 SMS) - Though",
        // A verb after a number labels what follows it.
        "ticket 123 456 789 call me tomorrow",
        "room 12 34 56 office 7",
        "moved 120 000 000 home loans",
        "the 2 400 000 office workers",
        // A national identifier under its own label, its check digit wrong.
        "tel. no NHS number 943 476 5919"
      })
  void isNotAPhoneNumber(String text) {
    assertThat(found(text)).noneMatch(f -> f.endsWith(":format"));
  }

  @Test
  void aLabelIsNotReadPastAnotherNumber() {
    assertThat(found("Phone 555 0134, order 78 651 450"))
        .containsExactly("phone_number:555 0134:format");
  }

  @Test
  void aLabelNamingTheNextNumberDoesNotMakeTheFirstOneAPhone() {
    assertThat(found("code 547-00-6979 Call me at 0490 75 40 81"))
        .containsExactly("phone_number:0490 75 40 81:format");
    assertThat(found("ref 12 34 56 78 fax: 0490 75 40 81"))
        .containsExactly("phone_number:0490 75 40 81:format");
  }

  @Test
  void aValidNumberIsStillValidated() {
    assertThat(found("call +44 20 7946 0958 or +1-984-182-0190"))
        .containsExactly(
            "phone_number:+44 20 7946 0958:validated", "phone_number:+1-984-182-0190:format");
  }

  @Test
  void aFindingRestingOnFormatAloneHasMediumConfidenceAndSaysSo() {
    CollectingWriter out = new CollectingWriter("findings");
    new PersonalDataAnalyser()
        .analyse(
            new RecordingContext(Path.of("."), "run-1", "pii"),
            Json.mapper().createObjectNode(),
            List.of(
                Inputs.standardInput(
                    List.of(
                        Inputs.file("made-up.txt", "+1-984-182-0190\n"),
                        Inputs.file("assigned.txt", "+44 20 7946 0958\n"),
                        Inputs.file("both.txt", "+44 20 7946 0958\n+1-984-182-0190\n")))),
            out);

    assertThat(MessageSchemas.builtIn().validate(PersonalDataAnalyser.OUTPUT, out.content()))
        .isEmpty();
    JsonNode madeUp = phoneIn(out, "made-up.txt");
    assertThat(madeUp.path("confidence").asText()).isEqualTo("medium");
    assertThat(madeUp.path("detectors").toString())
        .isEqualTo("[{\"rule\":\"phone_number\",\"kind\":\"format\",\"matches\":1}]");
    assertThat(phoneIn(out, "assigned.txt").path("confidence").asText()).isEqualTo("high");
    JsonNode both = phoneIn(out, "both.txt");
    assertThat(both.path("confidence").asText()).isEqualTo("high");
    assertThat(both.path("detectors").findValuesAsText("kind")).containsExactly("format", "value");
    // Redacted like a validated number: the value is not in the output.
    assertThat(out.content().toString()).doesNotContain("182-0190", "7946 0958");
  }

  @Test
  void aPhoneColumnOfUnassignedNumbersIsFoundAndAnUnlabelledColumnIsNot() {
    CollectingWriter out = new CollectingWriter("findings");
    new PersonalDataAnalyser()
        .analyse(
            new RecordingContext(Path.of("."), "run-1", "pii"),
            Json.mapper().createObjectNode(),
            List.of(
                Inputs.standardInput(
                    List.of(
                        Inputs.cell("contacts", "phone", "60-56-85-91"),
                        Inputs.cell("contacts", "phone", "(37) 788-063"),
                        Inputs.cell("parts", "reference", "60-56-85-91"),
                        Inputs.cell("parts", "reference", "(37) 788-063")))),
            out);

    List<JsonNode> phones = out.items("category", "phone");
    assertThat(phones)
        .extracting(f -> f.path("location").path("column").asText())
        .containsExactly("phone");
    assertThat(phones.get(0).path("values_matched").asLong()).isEqualTo(2);
    assertThat(phones.get(0).path("detectors").findValuesAsText("kind"))
        .containsExactly("column_name", "format");
    assertThat(phones.get(0).path("confidence").asText()).isEqualTo("high");
  }

  private static JsonNode phoneIn(CollectingWriter out, String file) {
    return out.items("category", "phone").stream()
        .filter(f -> f.path("location").path("file_path").asText().equals(file))
        .findFirst()
        .orElseThrow();
  }
}
