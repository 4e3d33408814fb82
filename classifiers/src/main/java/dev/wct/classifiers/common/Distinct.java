package dev.wct.classifiers.common;

import java.util.Set;
import java.util.TreeSet;

/**
 * Counts findings with a flag both ways: the distinct categories (a headline "2 special categories"
 * whatever the number of places they were found in) and the findings, one per location.
 */
public final class Distinct {
  private final Set<String> values = new TreeSet<>();
  private long findings;

  /** Counts {@code value} when {@code flagged}. */
  public void add(boolean flagged, String value) {
    if (flagged) {
      values.add(value);
      findings++;
    }
  }

  /** Distinct values flagged. */
  public long count() {
    return values.size();
  }

  /** Findings flagged. */
  public long findings() {
    return findings;
  }
}
