package dev.wct.cli.runs;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" hints by edit distance. */
public final class Suggestions {
  private Suggestions() {}

  /** The candidate closest to {@code wrong}, if any is close enough to be a likely typo. */
  public static Optional<String> closest(String wrong, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(wrong, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int tolerance = Math.max(2, wrong.length() / 3);
    return bestDistance <= tolerance ? Optional.of(best) : Optional.empty();
  }

  /** {@code " (did you mean 'x'?)"}, or the empty string. */
  public static String hint(String wrong, Collection<String> candidates) {
    return closest(wrong, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
