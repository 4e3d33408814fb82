package dev.wct.analysers.personaldata;

import dev.wct.analysers.text.Tokens;

/**
 * US social security numbers written {@code AAA-GG-SSSS} or {@code AAA GG SSSS}: area not 000, 666
 * or 900–999, group not 00, serial not 0000. Nine digits without separators are too ambiguous
 * (order numbers, phone numbers) and are not reported.
 */
final class SsnDetector implements ValueDetector {
  @Override
  public String name() {
    return "us_ssn";
  }

  @Override
  public void find(String text, Tokens tokens, Sink sink) {
    int length = text.length();
    int next = 0;
    int[] starts = tokens.numberStarts();
    int[] digits = tokens.numberDigits();
    int[] after = tokens.numberAfter();
    for (int t = 0; t < starts.length; t++) {
      int i = starts[t];
      // Three digits, then the separator.
      if (digits[t] != 3 || after[t] != '-' && after[t] != ' ' || i < next || i + 11 > length) {
        continue;
      }
      char separator = text.charAt(i + 3);
      if ((separator != '-' && separator != ' ')
          || text.charAt(i + 6) != separator
          || !digits(text, i, 3)
          || !digits(text, i + 4, 2)
          || !digits(text, i + 7, 4)
          || !Chars.startsWord(text, i)
          || !Chars.endsWord(text, i + 11)
          || (i > 0 && text.charAt(i - 1) == '-')
          || (i + 11 < length && text.charAt(i + 11) == '-')) {
        continue;
      }
      if (valid(number(text, i, 3), number(text, i + 4, 2), number(text, i + 7, 4))) {
        sink.match(i, i + 11);
        next = i + 11;
      }
    }
  }

  static boolean valid(int area, int group, int serial) {
    return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
  }

  private static boolean digits(String text, int start, int count) {
    for (int k = start; k < start + count; k++) {
      if (!Chars.digit(text.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private static int number(String text, int start, int count) {
    int value = 0;
    for (int k = start; k < start + count; k++) {
      value = value * 10 + text.charAt(k) - '0';
    }
    return value;
  }

  @Override
  public String mask(String value) {
    return "***" + value.charAt(3) + "**" + value.charAt(6) + value.substring(7);
  }
}
