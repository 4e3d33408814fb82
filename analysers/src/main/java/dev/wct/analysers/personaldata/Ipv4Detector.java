package dev.wct.analysers.personaldata;

import dev.wct.analysers.text.Tokens;

/**
 * IPv4 addresses in dotted-quad form: four decimal octets 0–255 without leading zeros, the first
 * not 0. Version strings are not addresses: a quad glued to a word ({@code v1.2.3.4}), preceded by
 * the word {@code version}/{@code ver}/{@code v}, or continued by a fifth number ({@code
 * 1.2.3.4.5}) is not reported.
 */
final class Ipv4Detector implements ValueDetector {
  @Override
  public String name() {
    return "ipv4_address";
  }

  @Override
  public void find(String text, Tokens tokens, Sink sink) {
    int length = text.length();
    int next = 0;
    int[] starts = tokens.numberStarts();
    int[] before = tokens.numberBefore();
    int[] after = tokens.numberAfter();
    for (int t = 0; t < starts.length; t++) {
      int i = starts[t];
      // A quad's first octet is followed by a dot; the digits of any other run are skipped, which
      // the next start is past anyway.
      if (after[t] != '.'
          || i < next
          || before[t] >= 0 && (before[t] == '.' || Chars.alnum((char) before[t]))) {
        continue;
      }
      int end = quad(text, i);
      if (end > 0 && !followedByNumber(text, end) && !afterVersionWord(text, i)) {
        sink.match(i, end);
        next = end;
      } else {
        while (i < length && (Chars.digit(text.charAt(i)) || text.charAt(i) == '.')) {
          i++;
        }
        next = i;
      }
    }
  }

  /** The end of a valid dotted quad starting at {@code start}, or -1. */
  static int quad(String text, int start) {
    int j = start;
    for (int octet = 0; octet < 4; octet++) {
      if (octet > 0) {
        if (j >= text.length() || text.charAt(j) != '.') {
          return -1;
        }
        j++;
      }
      int digitsStart = j;
      int value = 0;
      while (j < text.length() && Chars.digit(text.charAt(j)) && j - digitsStart < 4) {
        value = value * 10 + text.charAt(j) - '0';
        j++;
      }
      int digits = j - digitsStart;
      if (digits == 0 || digits > 3 || value > 255) {
        return -1;
      }
      if (digits > 1 && text.charAt(digitsStart) == '0') {
        return -1;
      }
      if (octet == 0 && value == 0) {
        return -1;
      }
    }
    return Chars.endsWord(text, j) ? j : -1;
  }

  private static boolean followedByNumber(String text, int end) {
    return end + 1 < text.length() && text.charAt(end) == '.' && Chars.digit(text.charAt(end + 1));
  }

  private static boolean afterVersionWord(String text, int start) {
    int j = start - 1;
    while (j >= 0 && (text.charAt(j) == ' ' || text.charAt(j) == ':' || text.charAt(j) == '=')) {
      j--;
    }
    int wordEnd = j + 1;
    while (j >= 0 && Chars.alnum(text.charAt(j))) {
      j--;
    }
    String word = text.substring(j + 1, wordEnd).toLowerCase(java.util.Locale.ROOT);
    return word.equals("version") || word.equals("ver") || word.equals("v");
  }

  @Override
  public String mask(String value) {
    int dot = value.indexOf('.');
    return value.substring(0, dot) + ".*.*.*";
  }
}
