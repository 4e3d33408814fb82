package dev.wct.analysers.personaldata;

/** Character tests shared by the detectors, fast for ASCII. */
final class Chars {
  private Chars() {}

  static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean upper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  /** An ASCII letter of either case. */
  static boolean letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean alnum(char c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    return Character.isLetterOrDigit(c);
  }

  static boolean hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** True if the character before {@code index} does not continue a word. */
  static boolean startsWord(String text, int index) {
    return index == 0 || !alnum(text.charAt(index - 1));
  }

  /** True if the character at {@code index} does not continue a word. */
  static boolean endsWord(String text, int index) {
    return index >= text.length() || !alnum(text.charAt(index));
  }

  /** Replaces every letter and digit of {@code value} by '*' except the last {@code keep}. */
  static String maskAllBut(String value, int keepLast) {
    int alnums = 0;
    for (int i = 0; i < value.length(); i++) {
      if (alnum(value.charAt(i))) {
        alnums++;
      }
    }
    StringBuilder masked = new StringBuilder(value.length());
    int seen = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (alnum(c)) {
        seen++;
        masked.append(seen > alnums - keepLast ? c : '*');
      } else {
        masked.append(c);
      }
    }
    return masked.toString();
  }
}
