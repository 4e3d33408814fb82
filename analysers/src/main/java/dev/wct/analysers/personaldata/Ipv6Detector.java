package dev.wct.analysers.personaldata;

import dev.wct.analysers.text.Tokens;

/**
 * IPv6 addresses: eight groups of 1–4 hex digits, or fewer with one {@code ::}, optionally ending
 * in a dotted quad. Times ({@code 12:30:45}), MAC addresses and short code like {@code a::b} are
 * not addresses: a compressed form needs at least four hex digits.
 */
final class Ipv6Detector implements ValueDetector {
  @Override
  public String name() {
    return "ipv6_address";
  }

  @Override
  public void find(String text, Tokens tokens, Sink sink) {
    int length = text.length();
    int from = 0;
    int colon;
    while ((colon = text.indexOf(':', from)) >= 0) {
      int start = colon;
      while (start > 0 && (Chars.hex(text.charAt(start - 1)) || text.charAt(start - 1) == ':')) {
        start--;
      }
      int end = colon;
      while (end < length
          && (Chars.hex(text.charAt(end)) || text.charAt(end) == ':' || text.charAt(end) == '.')) {
        end++;
      }
      while (end > colon && text.charAt(end - 1) == '.') {
        end--;
      }
      if (Chars.startsWord(text, start)
          && (start == 0 || text.charAt(start - 1) != '.')
          && Chars.endsWord(text, end)
          && enoughColons(text, start, end)
          && valid(text.substring(start, end))) {
        sink.match(start, end);
      }
      from = Math.max(end, colon + 1);
    }
  }

  /**
   * A necessary condition of {@link #valid}, without building strings: eight groups need seven
   * colons (six when the last two are a dotted quad), fewer groups a {@code ::}. Times such as
   * {@code 10:15:00} and {@code key: value} stop here.
   */
  private static boolean enoughColons(String text, int start, int end) {
    int colons = 0;
    for (int k = start; k < end; k++) {
      if (text.charAt(k) == ':') {
        if (k + 1 < end && text.charAt(k + 1) == ':') {
          return true;
        }
        colons++;
      }
    }
    return colons >= 6;
  }

  static boolean valid(String candidate) {
    int doubleColon = candidate.indexOf("::");
    if (doubleColon >= 0 && candidate.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    String head = doubleColon >= 0 ? candidate.substring(0, doubleColon) : candidate;
    String tail = doubleColon >= 0 ? candidate.substring(doubleColon + 2) : "";
    int[] hexDigits = new int[1];
    int groups = groups(head, hexDigits, doubleColon < 0 || tail.isEmpty());
    int tailGroups = doubleColon >= 0 ? groups(tail, hexDigits, true) : 0;
    if (groups < 0 || tailGroups < 0) {
      return false;
    }
    int total = groups + tailGroups;
    if (doubleColon < 0) {
      return total == 8;
    }
    return total <= 7 && hexDigits[0] >= 4;
  }

  /** Counts the groups of {@code part} (an embedded IPv4 counts two), or -1 if malformed. */
  private static int groups(String part, int[] hexDigits, boolean lastPart) {
    if (part.isEmpty()) {
      return 0;
    }
    String[] groups = part.split(":", -1);
    int count = 0;
    for (int g = 0; g < groups.length; g++) {
      String group = groups[g];
      if (group.indexOf('.') >= 0) {
        if (!lastPart || g != groups.length - 1 || Ipv4Detector.quad(group, 0) != group.length()) {
          return -1;
        }
        count += 2;
        hexDigits[0] += 4;
        continue;
      }
      if (group.isEmpty() || group.length() > 4) {
        return -1;
      }
      for (int k = 0; k < group.length(); k++) {
        if (!Chars.hex(group.charAt(k))) {
          return -1;
        }
      }
      hexDigits[0] += group.length();
      count++;
    }
    return count;
  }

  @Override
  public String mask(String value) {
    int colon = value.indexOf(':');
    return colon <= 0 ? "****" : value.substring(0, colon) + ":****";
  }
}
