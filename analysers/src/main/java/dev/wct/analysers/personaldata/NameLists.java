package dev.wct.analysers.personaldata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
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
    String resource = "personaldata/" + file;
    try (InputStream in = NameLists.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      Set<String> words = new HashSet<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String word = line.strip().toLowerCase(Locale.ROOT);
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word);
        }
      }
      return Set.copyOf(words);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
