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

  @Test
  void eachNumberStartKnowsItsAsciiDigitsAndTheCharactersAroundThem() {
    // A digit of another script (Arabic-Indic three) continues the word but not the ASCII digits.
    String text = "12.7 x99-3 (45\u0663) end 8";
    Tokens tokens = Tokens.of(text);

    assertThat(tokens.numberStarts()).containsExactly(0, 3, 6, 9, 12, text.length() - 1);
    assertThat(tokens.numberDigits()).containsExactly(2, 1, 2, 1, 2, 1);
    assertThat(tokens.numberBefore()).containsExactly(-1, '.', 'x', '-', '(', ' ');
    assertThat(tokens.numberAfter()).containsExactly('.', ' ', '-', ' ', '\u0663', -1);
    assertThat(tokens.numberAfterNext())
        .containsExactly((int) '7', (int) 'x', (int) '3', (int) '(', (int) ')', -1);
  }

  @Test
  void aLongTextSplitsAsItsLinesWhereverTheLinesFallInIt() {
    // Long enough that words, camelCase humps, acronyms and number runs land on every position
    // of the tokenizer's internal reads, for each of the shifts below.
    String[] lines = {
      "user_email userEmail IPAddress abc123def Straße ÉCOLE-x",
      "Call +1 555-0100, IBAN DE89 or x9 HTTPServerURL getHTTPResponse",
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabc 0123456789012345678901234567890 ÆØÅæøå",
    };
    for (int shift = 0; shift < 40; shift++) {
      StringBuilder text = new StringBuilder(" ".repeat(shift));
      List<String> expected = new ArrayList<>();
      List<Integer> expectedStarts = new ArrayList<>();
      for (int n = 0; text.length() < 40_000; n++) {
        String line = lines[n % lines.length].repeat(1 + n % 3);
        Tokens words = Tokens.of(line);
        for (int i = 0; i < words.count(); i++) {
          expected.add(line.substring(words.start(i), words.end(i)));
          expectedStarts.add(text.length() + words.start(i));
        }
        text.append(line).append('\n');
      }

      Tokens tokens = Tokens.of(text.toString());

      List<String> found = new ArrayList<>();
      List<Integer> starts = new ArrayList<>();
      for (int i = 0; i < tokens.count(); i++) {
        found.add(text.substring(tokens.start(i), tokens.end(i)));
        starts.add(tokens.start(i));
        assertThat(tokens.hash(i))
            .isEqualTo(text.substring(tokens.start(i), tokens.end(i)).toLowerCase().hashCode());
      }
      assertThat(found).as("shift %d", shift).isEqualTo(expected);
      assertThat(starts).as("shift %d", shift).isEqualTo(expectedStarts);
      assertThat(tokens.numberStarts().length + tokens.capitalStarts().length)
          .isEqualTo(
              (int)
                  found.stream()
                      .filter(
                          w ->
                              w.charAt(0) >= '0' && w.charAt(0) <= '9'
                                  || w.charAt(0) >= 'A' && w.charAt(0) <= 'Z')
                      .count());
    }
  }
}
