package dev.wct.analysers.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.analysers.text.Tokens;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Luhn-valid number in card grouping whose prefix no card scheme issues (test data, Faker's "JCB"
 * 3598...) is a payment card right after a card label, reported by format; without the label it is
 * a random digit run that happens to pass Luhn (one in ten does) and is left alone.
 */
class UnlistedIssuerCardsTest {
  private static final ValueScanner ALL = ValueScanner.all("US");

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
        "card number 3598899323053410 is lost | 3598899323053410",
        "my credit card number is 3598899323053410? | 3598899323053410",
        "Could you please send me the last billed amount for cc 3502162941615515 | 3502162941615515",
        "I want to increase limit on my card # 3502 1629 4161 5515 for a while | 3502 1629 4161 5515",
        "What's your credit card? 3502-1629-4161-5515 | 3502-1629-4161-5515",
        "Card no: 123456789015 | 123456789015",
        "JCB 1234 5678 9012 3452 exp 12/29 | 1234 5678 9012 3452",
        "Visa: 9900 123456 78905 | 9900 123456 78905"
      })
  void findsUnlistedIssuerCardsAfterACardLabel(String text, String card) {
    assertThat(found(text)).containsExactly("payment_card:" + card + ":format");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // No label, or a label too far or with a number between.
        "order 3598899323053410 shipped",
        "3598899323053410",
        "card holder since the year of our lord 3598899323053410",
        "card 12 ref 3598899323053410",
        // A card not for payment; a SIM's ICCID.
        "SIM card 894410003000000004",
        "ID card 3598899323053410",
        // Not written as a card: groups of other sizes.
        "card 12 3456 7890 1234 52",
        "card 123-456-789-015",
        // Fails Luhn.
        "card number 3598899323053411",
        // A phone number in international format.
        "card +3598899323053410"
      })
  void leavesOtherDigitRunsAlone(String text) {
    assertThat(found(text)).noneMatch(value -> value.startsWith("payment_card:"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"card 4242 4242 4242 4242", "4242 4242 4242 4242"})
  void cardsOfAKnownIssuerStayValidatedWithOrWithoutALabel(String text) {
    assertThat(found(text)).containsExactly("payment_card:4242 4242 4242 4242:validated");
  }
}
