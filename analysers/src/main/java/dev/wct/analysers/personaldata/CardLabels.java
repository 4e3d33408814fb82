package dev.wct.analysers.personaldata;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a card label ({@code card}, {@code credit card number is}, {@code cc}, {@code Visa},
 * {@code card #}) comes right before a number: a Luhn-valid number in card grouping whose prefix no
 * scheme issues is a payment card only there (test and made-up numbers, Faker's "JCB" {@code
 * 3598...}). A card that is not for payment ({@code SIM card}, {@code ID card}) is no label.
 */
final class CardLabels {
  private CardLabels() {}

  /** How far before a number its label may end, and how many words may come between. */
  private static final int LABEL_DISTANCE = 24;

  private static final int WORDS_BETWEEN = 2;

  /** Words that label a payment card, lower case; multi-word labels end in one of them. */
  private static final Set<String> LABELS =
      Set.of(
          "card",
          "cards",
          "cc",
          "creditcard",
          "cardnumber",
          "cardno",
          "visa",
          "mastercard",
          "amex",
          "jcb",
          "maestro",
          "unionpay",
          "diners");

  /** Words before {@code card} that make it a card not for payment. */
  private static final Set<String> OTHER_CARDS =
      Set.of(
          "sim",
          "esim",
          "id",
          "identity",
          "sd",
          "memory",
          "graphics",
          "video",
          "sound",
          "network",
          "library",
          "business",
          "health",
          "insurance",
          "membership",
          "loyalty",
          "report",
          "green",
          "key",
          "smart");

  /**
   * True if a card label ends at most {@value #LABEL_DISTANCE} characters before {@code start},
   * with no digit and at most {@value #WORDS_BETWEEN} words between ({@code card number is}).
   */
  static boolean before(String text, int start) {
    int floor = Math.max(0, start - LABEL_DISTANCE);
    int k = start;
    for (int word = 0; word <= WORDS_BETWEEN; word++) {
      while (k > 0 && !Character.isLetter(text.charAt(k - 1))) {
        if (Chars.digit(text.charAt(k - 1)) || k <= floor) {
          return false;
        }
        k--;
      }
      if (k <= floor) {
        return false;
      }
      int end = k;
      while (k > 0 && Character.isLetter(text.charAt(k - 1))) {
        k--;
      }
      String found = text.substring(k, end).toLowerCase(Locale.ROOT);
      if (LABELS.contains(found)) {
        return !found.startsWith("card") || !otherCard(text, k);
      }
    }
    return false;
  }

  /** True if the word before the {@code card} at {@code cardStart} is an {@link #OTHER_CARDS}. */
  private static boolean otherCard(String text, int cardStart) {
    int k = cardStart;
    while (k > 0 && (text.charAt(k - 1) == ' ' || text.charAt(k - 1) == '-')) {
      k--;
    }
    int end = k;
    while (k > 0 && Character.isLetter(text.charAt(k - 1))) {
      k--;
    }
    return k < end && OTHER_CARDS.contains(text.substring(k, end).toLowerCase(Locale.ROOT));
  }
}
