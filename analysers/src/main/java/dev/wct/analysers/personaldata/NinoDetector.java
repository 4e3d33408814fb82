package dev.wct.analysers.personaldata;

import dev.wct.analysers.text.Tokens;
import java.util.Set;

/**
 * UK National Insurance numbers: two prefix letters, six digits (compact or in pairs) and a suffix
 * A–D. The first letter is never D, F, I, Q, U or V, the second never D, F, I, O, Q, U or V, and
 * BG, GB, KN, NK, NT, TN and ZZ are never issued.
 */
final class NinoDetector implements ValueDetector {
  private static final String BAD_FIRST = "DFIQUV";
  private static final String BAD_SECOND = "DFIOQUV";
  private static final Set<String> NEVER_ISSUED = Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ");

  @Override
  public String name() {
    return "uk_nino";
  }

  @Override
  public void find(String text, Tokens tokens, Sink sink) {
    int length = text.length();
    int next = 0;
    int[] starts = tokens.capitalStarts();
    int[] lengths = tokens.capitalLengths();
    for (int t = 0; t < starts.length; t++) {
      int i = starts[t];
      // Two capitals then a digit or a space are a word of two letters.
      if (lengths[t] != 2
          || i < next
          || i + 9 > length
          || !Chars.upper(text.charAt(i))
          || !Chars.upper(text.charAt(i + 1))
          || !Chars.startsWord(text, i)) {
        continue;
      }
      int end = digitsAndSuffix(text, i + 2);
      if (end > 0 && Chars.endsWord(text, end) && validPrefix(text.charAt(i), text.charAt(i + 1))) {
        sink.match(i, end);
        next = end;
      }
    }
  }

  /** The end of six digits and a suffix starting at {@code start}, or -1. */
  private static int digitsAndSuffix(String text, int start) {
    int j = start;
    boolean spaced = j < text.length() && text.charAt(j) == ' ';
    int digits = 0;
    while (digits < 6) {
      if (spaced) {
        if (j >= text.length() || text.charAt(j) != ' ') {
          return -1;
        }
        j++;
      }
      for (int k = 0; k < 2; k++, j++, digits++) {
        if (j >= text.length() || !Chars.digit(text.charAt(j))) {
          return -1;
        }
      }
    }
    if (spaced && j < text.length() && text.charAt(j) == ' ') {
      j++;
    }
    if (j >= text.length() || text.charAt(j) < 'A' || text.charAt(j) > 'D') {
      return -1;
    }
    return j + 1;
  }

  static boolean validPrefix(char first, char second) {
    return BAD_FIRST.indexOf(first) < 0
        && BAD_SECOND.indexOf(second) < 0
        && !NEVER_ISSUED.contains("" + first + second);
  }

  @Override
  public String mask(String value) {
    return Chars.maskAllBut(value, 1);
  }
}
