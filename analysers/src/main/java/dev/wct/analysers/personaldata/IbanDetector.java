package dev.wct.analysers.personaldata;

import dev.wct.analysers.text.Tokens;
import java.util.Map;

/**
 * International bank account numbers (ISO 13616): a country code, two check digits and a BBAN of
 * the country's fixed length, written in capitals, compact or in groups separated by single spaces,
 * with a valid mod-97 checksum. Lower-case and mixed-case IBANs count too after an {@code iban}
 * label or in the canonical groups of four.
 */
final class IbanDetector implements ValueDetector {
  /** IBAN length per country (SWIFT IBAN registry). */
  static final Map<String, Integer> LENGTHS =
      Map.ofEntries(
          Map.entry("AD", 24),
          Map.entry("AE", 23),
          Map.entry("AL", 28),
          Map.entry("AT", 20),
          Map.entry("AZ", 28),
          Map.entry("BA", 20),
          Map.entry("BE", 16),
          Map.entry("BG", 22),
          Map.entry("BH", 22),
          Map.entry("BR", 29),
          Map.entry("BY", 28),
          Map.entry("CH", 21),
          Map.entry("CR", 22),
          Map.entry("CY", 28),
          Map.entry("CZ", 24),
          Map.entry("DE", 22),
          Map.entry("DK", 18),
          Map.entry("DO", 28),
          Map.entry("EE", 20),
          Map.entry("EG", 29),
          Map.entry("ES", 24),
          Map.entry("FI", 18),
          Map.entry("FO", 18),
          Map.entry("FR", 27),
          Map.entry("GB", 22),
          Map.entry("GE", 22),
          Map.entry("GI", 23),
          Map.entry("GL", 18),
          Map.entry("GR", 27),
          Map.entry("GT", 28),
          Map.entry("HR", 21),
          Map.entry("HU", 28),
          Map.entry("IE", 22),
          Map.entry("IL", 23),
          Map.entry("IQ", 23),
          Map.entry("IS", 26),
          Map.entry("IT", 27),
          Map.entry("JO", 30),
          Map.entry("KW", 30),
          Map.entry("KZ", 20),
          Map.entry("LB", 28),
          Map.entry("LC", 32),
          Map.entry("LI", 21),
          Map.entry("LT", 20),
          Map.entry("LU", 20),
          Map.entry("LV", 21),
          Map.entry("MC", 27),
          Map.entry("MD", 24),
          Map.entry("ME", 22),
          Map.entry("MK", 19),
          Map.entry("MR", 27),
          Map.entry("MT", 31),
          Map.entry("MU", 30),
          Map.entry("NL", 18),
          Map.entry("NO", 15),
          Map.entry("PK", 24),
          Map.entry("PL", 28),
          Map.entry("PS", 29),
          Map.entry("PT", 25),
          Map.entry("QA", 29),
          Map.entry("RO", 24),
          Map.entry("RS", 22),
          Map.entry("SA", 24),
          Map.entry("SC", 31),
          Map.entry("SE", 24),
          Map.entry("SI", 19),
          Map.entry("SK", 24),
          Map.entry("SM", 27),
          Map.entry("ST", 25),
          Map.entry("SV", 28),
          Map.entry("TL", 23),
          Map.entry("TN", 24),
          Map.entry("TR", 26),
          Map.entry("UA", 29),
          Map.entry("VA", 22),
          Map.entry("VG", 24),
          Map.entry("XK", 20));

  @Override
  public String name() {
    return "iban";
  }

  @Override
  public void find(String text, Tokens tokens, Sink sink) {
    int length = text.length();
    char[] compact = new char[34];
    int next = 0;
    int[] starts = tokens.capitalStarts();
    int[] lengths = tokens.capitalLengths();
    for (int t = 0; t < starts.length; t++) {
      int i = starts[t];
      // Two capitals then a digit are a word of two letters.
      if (lengths[t] != 2
          || i < next
          || i + 15 > length
          || !Chars.upper(text.charAt(i))
          || !Chars.upper(text.charAt(i + 1))
          || !Chars.digit(text.charAt(i + 2))
          || !Chars.digit(text.charAt(i + 3))
          || !Chars.startsWord(text, i)) {
        continue;
      }
      int end = end(text, i, false, false, compact);
      if (end > 0) {
        sink.match(i, end);
        next = end + 1;
      }
    }
    findNotInCapitals(text, tokens, sink, compact);
  }

  /**
   * IBANs with lower-case letters ({@code my iban is gb42nawi04454264788619}): the country code
   * opens a two-letter word; besides the length and checksum, the IBAN must follow an {@code iban}
   * label by at most {@value #LABEL_DISTANCE} characters or be written in the canonical groups of
   * four, since mod-97 alone lets one in 97 of the lower-case letter-and-digit runs of code and
   * logs through. All-capital IBANs are left to the capital scan above.
   */
  private static void findNotInCapitals(String text, Tokens tokens, Sink sink, char[] compact) {
    int length = text.length();
    int next = 0;
    // The country code is a two-letter word right before a number (words never mix letters and
    // digits), so the number starts lead to it without a look at every word.
    int[] starts = tokens.numberStarts();
    int[] digits = tokens.numberDigits();
    int[] before = tokens.numberBefore();
    for (int t = 0; t < starts.length; t++) {
      // A letter, then at least the two check digits.
      if (before[t] < 0 || !Chars.letter((char) before[t]) || digits[t] < 2) {
        continue;
      }
      int number = starts[t];
      int i = number - 2;
      if (i < next
          || i < 0
          || i + 15 > length
          || !Chars.letter(text.charAt(i))
          || !Chars.letter(text.charAt(i + 1))
          || !Chars.digit(text.charAt(i + 3))
          || !Chars.startsWord(text, i)) {
        continue;
      }
      int word = tokens.indexAt(i);
      if (word < 0 || tokens.length(word) != 2) {
        continue;
      }
      boolean labelled = labelledBefore(tokens, word, i);
      int end = end(text, i, true, !labelled, compact);
      if (end > 0 && hasLowerCase(text, i, end)) {
        sink.match(i, end);
        next = end + 1;
      }
    }
  }

  /**
   * True if a word {@code iban} ends at most {@value #LABEL_DISTANCE} characters before {@code i}.
   */
  private static boolean labelledBefore(Tokens tokens, int word, int i) {
    for (int k = word - 1; k >= 0 && i - tokens.end(k) <= LABEL_DISTANCE; k--) {
      if (tokens.length(k) == 4 && tokens.hash(k) == LABEL_HASH && tokens.is(k, "iban")) {
        return true;
      }
    }
    return false;
  }

  private static final int LABEL_DISTANCE = 30;
  private static final int LABEL_HASH = "iban".hashCode();

  /**
   * Where the IBAN opening at {@code i} ends, or -1: its characters (capitals, or letters of any
   * case if {@code caseless}) compact or in groups separated by single spaces (each group of four
   * if {@code grouped}), the country's length, a word end and a valid checksum.
   */
  private static int end(String text, int i, boolean caseless, boolean grouped, char[] compact) {
    int length = text.length();
    Integer expected =
        LENGTHS.get(
            caseless
                ? new String(
                    new char[] {
                      Character.toUpperCase(text.charAt(i)),
                      Character.toUpperCase(text.charAt(i + 1))
                    })
                : text.substring(i, i + 2));
    if (expected == null) {
      return -1;
    }
    int count = 0;
    int spaces = 0;
    int j = i;
    while (j < length && count < expected) {
      char c = text.charAt(j);
      if (Chars.upper(c) || Chars.digit(c)) {
        compact[count++] = c;
        j++;
      } else if (caseless && c >= 'a' && c <= 'z') {
        compact[count++] = (char) (c - 32);
        j++;
      } else if (c == ' '
          && count >= 4
          && (!grouped || count % 4 == 0)
          && j + 1 < length
          && Chars.alnum(text.charAt(j + 1))) {
        spaces++;
        j++;
      } else {
        break;
      }
    }
    boolean shaped = !grouped || spaces == (expected - 1) / 4;
    return count == expected && shaped && Chars.endsWord(text, j) && mod97(compact, count) == 1
        ? j
        : -1;
  }

  private static boolean hasLowerCase(String text, int start, int end) {
    for (int k = start; k < end; k++) {
      char c = text.charAt(k);
      if (c >= 'a' && c <= 'z') {
        return true;
      }
    }
    return false;
  }

  /** The ISO 7064 mod-97 remainder of the IBAN rearranged with its first four characters last. */
  static int mod97(char[] iban, int length) {
    int remainder = 0;
    for (int k = 0; k < length; k++) {
      char c = iban[(k + 4) % length];
      int value = Chars.digit(c) ? c - '0' : c - 'A' + 10;
      remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
    }
    return remainder;
  }

  /** True if {@code iban} (compact, capitals) has its country's length and a valid checksum. */
  static boolean valid(String iban) {
    if (iban.length() < 4) {
      return false;
    }
    Integer expected = LENGTHS.get(iban.substring(0, 2));
    return expected != null
        && expected == iban.length()
        && iban.chars().allMatch(c -> Chars.upper((char) c) || Chars.digit((char) c))
        && mod97(iban.toCharArray(), iban.length()) == 1;
  }

  @Override
  public String mask(String value) {
    StringBuilder masked = new StringBuilder(value);
    int alnums = (int) value.chars().filter(c -> Chars.alnum((char) c)).count();
    int seen = 0;
    for (int i = 0; i < masked.length(); i++) {
      if (Chars.alnum(masked.charAt(i))) {
        seen++;
        if (seen > 2 && seen <= alnums - 4) {
          masked.setCharAt(i, '*');
        }
      }
    }
    return masked.toString();
  }
}
