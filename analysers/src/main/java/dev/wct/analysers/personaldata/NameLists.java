package dev.wct.analysers.personaldata;

import java.util.Set;

/**
 * The hand-written word lists behind {@link PersonNameDetector}'s list rule, read once from {@code
 * personaldata/*.txt} (one lower-case word a line, {@code #} comments): common given names, given
 * names that are also ordinary words or places, common surnames, and capitalised words that are not
 * part of a person's name.
 */
record NameLists(
    Set<String> givenNames,
    Set<String> ambiguousGivenNames,
    Set<String> surnames,
    Set<String> notNameWords) {

  static final NameLists SHIPPED =
      new NameLists(
          read("given-names.txt"),
          read("ambiguous-given-names.txt"),
          read("surnames.txt"),
          read("not-name-words.txt"));

  private static Set<String> read(String file) {
    return Set.copyOf(WordLists.read(file));
  }
}
