package dev.wct.analysers.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.analysers.text.Tokens;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one label window of the detectors that need a label next to a value: a payment card of no
 * known issuer, a phone number no numbering plan assigns, an identity-document number. All three
 * take a label up to 24 characters away, with at most two words and no digit between, the words
 * split as the keyword pass splits them ({@code mobilePhone}, {@code creditCard}).
 */
class LabelsTest {
  private static final ValueScanner SCANNER = ValueScanner.all("US");

  /** "detector:value" for every value found by format. */
  private static List<String> byFormat(String text) {
    return SCANNER.scan(text, Tokens.of(text)).stream()
        .filter(m -> !m.validated())
        .map(m -> m.detector().name() + ":" + text.substring(m.start(), m.end()))
        .collect(Collectors.toList());
  }

  /** A label and its value in a fixed-width layout, {@code gap} characters apart. */
  private static String aligned(String label, int gap, String value) {
    return label + " ".repeat(gap) + value;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Card | 3598899323053410 | payment_card",
        "Phone | (72) 754-186 | phone_number",
        "Passport | C01X00T47 | document_number"
      })
  void takesALabelUpTo24CharactersBeforeTheValue(String label, String value, String detector) {
    // Before one window for all three, a card label had to end within 23 characters.
    assertThat(byFormat(aligned(label, 24, value))).containsExactly(detector + ":" + value);
    assertThat(byFormat(aligned(label, 25, value))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // A label joined to the word before it, as in field names; the card's kind still counts.
        "{\"paymentCard\": \"3598899323053410\"} | payment_card:3598899323053410",
        "{\"mobilePhone\": \"(37) 788-063\"} | phone_number:(37) 788-063",
        "{\"passportNumber\": \"C01X00T47\"} | document_number:C01X00T47"
      })
  void readsALabelInsideAJoinedWord(String text, String found) {
    assertThat(byFormat(text)).containsExactly(found);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"simCard\": \"3598899323053410\"}",
        "my MemoryCard 3598899323053410",
        // Words between are counted as the keyword pass splits them: Mc, Dowell.
        "passport holder McDowell C01X00T47",
        "card holder McDowell 3598899323053410"
      })
  void findsNoLabel(String text) {
    assertThat(byFormat(text)).isEmpty();
  }

  @Test
  void countsTwoWordsBetweenAsStillLabelled() {
    assertThat(byFormat("passport holder Dowell C01X00T47"))
        .containsExactly("document_number:C01X00T47");
    assertThat(byFormat("card holder Dowell 3598899323053410"))
        .containsExactly("payment_card:3598899323053410");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // The staff number under the first header, right after a phone header ending the row:
        // digits in phone-like groups count as a phone number only next to a phone label.
        "employee_no,name,phone\n100-2347,Anna Berg,+44 20 7946 0958",
        "employee_no,name,mobile_phone\n100-2347,Anna Berg,+44 20 7946 0958",
        "\"employee_no\"\t\"Phone\"\n\"100-2347\"\t\"+44 20 7946 0958\"",
        "employee_no;Telephone No\r\n100-2347;+44 20 7946 0958",
        // An account number that passes Luhn, under the first header of a card row.
        "account_no,holder,card\n3598899323053410,Anna Berg,Visa",
        "account_no|holder|credit_card\n3598899323053410|Anna Berg|Visa",
        // A document keyword ending its header rather than starting it.
        "staff_no,guest_passport\n1002347,C01X00T47"
      })
  void aLabelHeadingADelimitedColumnTakesNothingFromTheNextRow(String text) {
    // Anna Berg is a listed name, found without a label.
    assertThat(byFormat(text)).filteredOn(found -> !found.startsWith("person_name:")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Phone:\\n(72) 754-186 | phone_number:(72) 754-186",
        "Card number:\\n3598899323053410 | payment_card:3598899323053410",
        "Passport number:\\nC01X00T47 | document_number:C01X00T47",
        // A sentence wrapped after its label is no header: prose puts a space after its comma.
        "If you need us, please phone\\n(72) 754-186 | phone_number:(72) 754-186",
        "Name: Anna Berg, Phone:\\n(72) 754-186 | phone_number:(72) 754-186",
        // A JSON key is no header either: its quotes close before the colon.
        "{\"id\": 7,\"phone\":\\n\"(72) 754-186\"} | phone_number:(72) 754-186"
      })
  void aLabelOnItsOwnLineTakesTheValueOnTheNext(String text, String found) {
    assertThat(byFormat(text.replace("\\n", "\n"))).containsExactly(found);
  }

  @Test
  void findsTheLabelNearestBeforeAValue() {
    Labels labels = Labels.of(List.of("phone", "phone number", "call"));
    String text = "call the phone number: 555 0134";
    assertThat(labels.before(text, text.indexOf('5'))).isEqualTo(text.indexOf("phone"));
    assertThat(labels.before("call me 1 555 0134", 10)).isEqualTo(-1);
    assertThat(Labels.valueAfter("passport no. is C01X00T47", 0, 8)).isEqualTo(16);
    assertThat(Labels.valueAfter("passport of the holder C01X00T47", 0, 8)).isEqualTo(-1);
  }
}
