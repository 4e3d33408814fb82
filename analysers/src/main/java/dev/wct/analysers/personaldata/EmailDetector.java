package dev.wct.analysers.personaldata;

import dev.wct.analysers.text.Tokens;

/**
 * E-mail addresses: a local part, {@code @}, and a domain of at least two labels whose last is an
 * alphabetic top-level domain ({@code user@localhost} and npm's {@code pkg@1.2.3} are not
 * addresses).
 */
final class EmailDetector implements ValueDetector {
  @Override
  public String name() {
    return "email_address";
  }

  @Override
  public void find(String text, Tokens tokens, Sink sink) {
    int at = text.indexOf('@');
    while (at >= 0) {
      int start = at;
      while (start > 0 && localChar(text.charAt(start - 1)) && at - start < 64) {
        start--;
      }
      while (start < at && (text.charAt(start) == '.' || text.charAt(start) == '-')) {
        start++;
      }
      int end = at + 1;
      while (end < text.length() && domainChar(text.charAt(end))) {
        end++;
      }
      while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
        end--;
      }
      boolean valid =
          start < at
              && text.charAt(at - 1) != '.'
              && (start == 0 || text.charAt(start - 1) != '@')
              && validDomain(text, at + 1, end)
              && (end >= text.length() || text.charAt(end) != '@');
      if (valid) {
        sink.match(start, end);
      }
      at = text.indexOf('@', Math.max(end, at + 1));
    }
  }

  private static boolean localChar(char c) {
    return Chars.alnum(c) && c < 128
        || c == '.'
        || c == '_'
        || c == '%'
        || c == '+'
        || c == '-'
        || c == '\'';
  }

  private static boolean domainChar(char c) {
    return (Chars.alnum(c) && c < 128) || c == '.' || c == '-';
  }

  static boolean validDomain(String text, int start, int end) {
    int labels = 0;
    int labelStart = start;
    for (int i = start; i <= end; i++) {
      if (i == end || text.charAt(i) == '.') {
        int length = i - labelStart;
        if (length < 1 || length > 63) {
          return false;
        }
        if (text.charAt(labelStart) == '-' || text.charAt(i - 1) == '-') {
          return false;
        }
        labels++;
        if (i == end) {
          return labels >= 2 && alphabeticTld(text, labelStart, i);
        }
        labelStart = i + 1;
      }
    }
    return false;
  }

  private static boolean alphabeticTld(String text, int start, int end) {
    if (end - start < 2 || end - start > 24) {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String mask(String value) {
    int at = value.indexOf('@');
    return value.charAt(0) + "***" + value.substring(at);
  }
}
