package dev.wct.analysers.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {
  @Test
  void wordsSplitAtSeparatorsCamelCaseAcronymsAndDigits() {
    assertThat(Tokens.words("user_email userEmail IPAddress abc123def Straße ÉCOLE-x"))
        .containsExactly(
            "user", "email", "user", "email", "ip", "address", "abc", "123", "def", "straße",
            "école", "x");
  }

  @Test
  void eachWordHashesLikeItsLowerCaseString() {
    Tokens tokens = Tokens.of("Date-of-BIRTH: 1990");

    List<Integer> hashes = new ArrayList<>();
    for (int i = 0; i < tokens.count(); i++) {
      hashes.add(tokens.hash(i));
    }

    assertThat(hashes)
        .containsExactly("date".hashCode(), "of".hashCode(), "birth".hashCode(), "1990".hashCode());
  }

  @Test
  void numberAndCapitalStartsAreTheWordsThatOpenWithADigitOrACapital() {
    String text = "Call +1 555-0100, IBAN DE89 or x9";
    Tokens tokens = Tokens.of(text);

    assertThat(tokens.numberStarts())
        .containsExactly(
            text.indexOf("1 "),
            text.indexOf("555"),
            text.indexOf("0100"),
            text.indexOf("89"),
            text.indexOf("9", text.indexOf("x")));
    assertThat(tokens.capitalStarts())
        .containsExactly(text.indexOf("Call"), text.indexOf("IBAN"), text.indexOf("DE89"));
    assertThat(tokens.numberLengths()).containsExactly(1, 3, 4, 2, 1);
    assertThat(tokens.capitalLengths()).containsExactly(4, 4, 2);
  }
}
