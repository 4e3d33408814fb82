package dev.wct.analysers.personaldata;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a card label ({@code card}, {@code credit card number is}, {@code cc}, {@code Visa},
 * {@code card #}) comes right before a number, within the {@link Labels} window: a Luhn-valid
 * number in card grouping whose prefix no scheme issues is a payment card only there (test and
 * made-up numbers, Faker's "JCB" {@code 3598...}). A card that is not for payment ({@code SIM
 * card}, {@code ID card}) is no label. The words are {@code personaldata/card-labels.txt} and
 * {@code other-cards.txt}.
 */
final class CardLabels {
  private CardLabels() {}

  /** Words that label a payment card; multi-word labels end in one of them. */
  private static final Labels LABELS = Labels.of(WordLists.read("card-labels.txt"));

  /** Words before {@code card} that make it a card not for payment. */
  private static final Set<String> OTHER_CARDS = Set.copyOf(WordLists.read("other-cards.txt"));

  /** True if a card label ends within the {@link Labels} window before {@code start}. */
  static boolean before(String text, int start) {
    int label = LABELS.before(text, start);
    return label >= 0 && !(text.regionMatches(true, label, "card", 0, 4) && otherCard(text, label));
  }

  /** True if the word before the {@code card} at {@code cardStart} is an {@link #OTHER_CARDS}. */
  private static boolean otherCard(String text, int cardStart) {
    int k = cardStart;
    while (k > 0 && (text.charAt(k - 1) == ' ' || text.charAt(k - 1) == '-')) {
      k--;
    }
    int start = Labels.wordStart(text, k);
    return start < k && OTHER_CARDS.contains(text.substring(start, k).toLowerCase(Locale.ROOT));
  }
}
