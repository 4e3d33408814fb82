package dev.wct.analysers.personaldata;

import dev.wct.analysers.text.Tokens;
import java.util.List;
import java.util.Set;

/**
 * What a CSV column's header says its fields hold: it ends with one of a detector's labels,
 * possibly followed by a word for number ({@code phone}, {@code mobile_phone}, {@code Telephone
 * No}, {@code passport_no}, {@code id_card_number}). Words are split as {@link Tokens} splits field
 * names.
 */
final class ColumnHeaders {
  /** Words after a label in a column's header: {@code phone_no}, {@code passport number}. */
  private static final Set<String> NUMBER_WORDS = Set.of("number", "no", "nr", "num", "nbr");

  private ColumnHeaders() {}

  /** Each label's words, as {@link #endsWithLabel} compares them. */
  static List<List<String>> words(List<String> labels) {
    return labels.stream().map(Tokens::words).filter(words -> !words.isEmpty()).toList();
  }

  /**
   * True if {@code header} ends with one of {@code labels} ({@link #words}), possibly followed by a
   * word for number.
   */
  static boolean endsWithLabel(String header, List<List<String>> labels) {
    List<String> words = Tokens.words(header);
    int end = words.size();
    if (end > 1 && NUMBER_WORDS.contains(words.get(end - 1))) {
      end--;
    }
    for (List<String> label : labels) {
      if (label.size() <= end && words.subList(end - label.size(), end).equals(label)) {
        return true;
      }
    }
    return false;
  }
}
