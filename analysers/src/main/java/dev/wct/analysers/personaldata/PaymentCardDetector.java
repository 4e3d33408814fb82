package dev.wct.analysers.personaldata;

import dev.wct.analysers.text.Tokens;

/**
 * Payment card numbers: 12–19 digits, optionally grouped by single spaces or dashes, whose prefix
 * belongs to a card scheme's issuer range (IIN) valid for that length, and that pass the Luhn
 * check. Digits after a {@code +} are an international phone number. When a grouped run is longer
 * (a number followed by an expiry date), each group boundary that leaves 12–19 digits is tried,
 * longest first. Only Maestro issues 12 digits, and only its four-digit ranges are taken at that
 * length (a twelve-digit account id that starts with 50 is not a card).
 *
 * <p>A Luhn-valid number in card grouping whose prefix no scheme issues (test numbers, Faker's
 * "JCB" {@code 3598...}) is a payment card only right after a card label ({@link CardLabels}), and
 * is reported through {@link ValueDetector.Sink#matchByFormat} (a {@code format} signal, lower
 * confidence). One random digit run in ten passes Luhn: without a label it is left alone.
 */
final class PaymentCardDetector implements ValueDetector {
  @Override
  public String name() {
    return "payment_card";
  }

  @Override
  public void find(String text, Tokens tokens, Sink sink) {
    int length = text.length();
    char[] digits = new char[20];
    int[] groupEnds = new int[20];
    int[] groupDigits = new int[20];
    int next = 0;
    int[] starts = tokens.numberStarts();
    int[] before = tokens.numberBefore();
    int[] grouped = groupedDigits(tokens);
    for (int t = 0; t < starts.length; t++) {
      int i = starts[t];
      if (i < next
          || before[t] >= 0
              && (before[t] == '+' // +49 151...: a phone number
                  || Chars.alnum((char) before[t]))) {
        continue;
      }
      // Fewer than 12 digits in the groups from here are no card; the walk below would skip the
      // starts of those groups, which are skipped here too.
      if (grouped[t] < 12) {
        continue;
      }
      int count = 0;
      int groups = 0;
      int j = i;
      boolean overflow = false;
      while (j < length) {
        char c = text.charAt(j);
        if (Chars.digit(c)) {
          if (count == 20) {
            overflow = true;
            break;
          }
          digits[count++] = c;
          j++;
        } else if ((c == ' ' || c == '-')
            && j + 1 < length
            && Chars.digit(text.charAt(j + 1))
            && groups < 19) {
          groupEnds[groups] = j;
          groupDigits[groups++] = count;
          j++;
        } else {
          break;
        }
      }
      while (j < length && Chars.digit(text.charAt(j))) {
        j++; // skip the rest of an overlong run
      }
      if (!overflow && Chars.endsWord(text, j)) {
        groupEnds[groups] = j;
        groupDigits[groups++] = count;
      }
      int unlisted = -1;
      for (int g = groups - 1; g >= 0; g--) {
        int n = groupDigits[g];
        if (n >= 12 && n <= 19 && luhn(digits, n)) {
          if (knownIssuer(digits, n)) {
            sink.match(i, groupEnds[g]);
            unlisted = -1;
            break;
          }
          if (unlisted < 0 && cardGrouping(groupDigits, g) && !telecom(digits)) {
            unlisted = g;
          }
        }
      }
      if (unlisted >= 0 && CardLabels.before(text, i)) {
        sink.matchByFormat(i, groupEnds[unlisted]);
      }
      next = Math.max(j, i + 1);
    }
  }

  /**
   * For each number start, the digits the walk of {@link #find} reads from it, from the number
   * starts alone: a group goes on where a single space or hyphen follows its digits and the next
   * start is right after it (the digit after a separator always starts a word).
   */
  static int[] groupedDigits(Tokens tokens) {
    int[] starts = tokens.numberStarts();
    int[] digits = tokens.numberDigits();
    int[] after = tokens.numberAfter();
    int[] grouped = new int[starts.length];
    for (int t = starts.length - 1; t >= 0; t--) {
      int sum = digits[t];
      if ((after[t] == ' ' || after[t] == '-')
          && t + 1 < starts.length
          && starts[t + 1] == starts[t] + digits[t] + 1) {
        sum = Math.min(sum + grouped[t + 1], 1000);
      }
      grouped[t] = sum;
    }
    return grouped;
  }

  /**
   * True if the first {@code g + 1} groups (digit counts so far in {@code groupDigits}) are written
   * as cards are: unbroken, in fours with a shorter last group ({@code 4-4-4-4}, {@code
   * 4-4-4-4-3}), or {@code 4-6-5} / {@code 4-6-4} (American Express, Diners Club).
   */
  static boolean cardGrouping(int[] groupDigits, int g) {
    if (g == 0) {
      return true;
    }
    int[] sizes = new int[g + 1];
    for (int k = 0; k <= g; k++) {
      sizes[k] = groupDigits[k] - (k == 0 ? 0 : groupDigits[k - 1]);
    }
    if (g == 2 && sizes[0] == 4 && sizes[1] == 6 && (sizes[2] == 5 || sizes[2] == 4)) {
      return true;
    }
    for (int k = 0; k < g; k++) {
      if (sizes[k] != 4) {
        return false;
      }
    }
    return sizes[g] <= 4;
  }

  /** Major industry identifier 89: a SIM card's ICCID (Luhn-checked, 19 digits), not a payment. */
  private static boolean telecom(char[] digits) {
    return digits[0] == '8' && digits[1] == '9';
  }

  /** The Luhn (mod 10) check over the first {@code n} digits. */
  static boolean luhn(char[] digits, int n) {
    int sum = 0;
    boolean twice = false;
    for (int k = n - 1; k >= 0; k--) {
      int d = digits[k] - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  static boolean luhn(String digits) {
    return luhn(digits.toCharArray(), digits.length());
  }

  /** Maestro's four-digit issuer ranges, the only card numbers of 12 digits (ISO/IEC 7812). */
  private static final java.util.Set<Integer> MAESTRO_12 =
      java.util.Set.of(5018, 5020, 5038, 5893, 6304, 6759, 6761, 6762, 6763);

  /** True if the number's prefix is an issuer range of a scheme that issues that length. */
  static boolean knownIssuer(char[] d, int n) {
    int p1 = d[0] - '0';
    int p2 = p1 * 10 + (d[1] - '0');
    int p3 = p2 * 10 + (d[2] - '0');
    int p4 = p3 * 10 + (d[3] - '0');
    int p6 = p4 * 100 + (d[4] - '0') * 10 + (d[5] - '0');
    if (n < 13) {
      return n == 12 && MAESTRO_12.contains(p4);
    }
    if (p1 == 4) {
      return n == 13 || n == 16 || n == 19; // Visa
    }
    if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
      return n == 16; // Mastercard
    }
    if (p2 == 34 || p2 == 37) {
      return n == 15; // American Express
    }
    if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65) {
      return n >= 16 && n <= 19; // Discover
    }
    if (p4 >= 3528 && p4 <= 3589) {
      return n >= 16 && n <= 19; // JCB
    }
    if (p4 == 1800 || p4 == 2131) {
      return n == 15; // JCB's older 15-digit ranges
    }
    if ((p3 >= 300 && p3 <= 305) || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39) {
      return n >= 14 && n <= 19; // Diners Club
    }
    if (p2 == 62) {
      return n >= 16 && n <= 19; // UnionPay
    }
    if (p4 >= 2200 && p4 <= 2204) {
      return n >= 16 && n <= 19; // Mir
    }
    if (p2 == 50 || (p2 >= 56 && p2 <= 58) || MAESTRO_12.contains(p4) || p6 == 676770) {
      return n >= 13 && n <= 19; // Maestro
    }
    return false;
  }

  static boolean knownIssuer(String digits) {
    return knownIssuer(digits.toCharArray(), digits.length());
  }

  @Override
  public String mask(String value) {
    return Chars.maskAllBut(value, 4);
  }
}
