package dev.wct.classifiers.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds the rule for an indicator value. Values are compared after {@link #normalise(String)}, so
 * {@code E-Mail Address} and {@code email_address} are the same value.
 */
public final class RuleIndex<R extends ClassificationRule> {
  private final Map<String, R> byValue;

  private RuleIndex(Map<String, R> byValue) {
    this.byValue = byValue;
  }

  /**
   * Indexes {@code rules}.
   *
   * @throws IllegalArgumentException if two rules match the same value
   */
  public static <R extends ClassificationRule> RuleIndex<R> of(List<R> rules) {
    List<String> problems = duplicates(rules);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    Map<String, R> byValue = new TreeMap<>();
    rules.forEach(rule -> rule.matches().forEach(value -> byValue.put(normalise(value), rule)));
    return new RuleIndex<>(byValue);
  }

  /** One problem per value matched by more than one rule, naming both rules. */
  public static List<String> duplicates(List<? extends ClassificationRule> rules) {
    Map<String, Integer> firstRule = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      for (String value : rules.get(i).matches()) {
        Integer previous = firstRule.putIfAbsent(normalise(value), i);
        if (previous != null) {
          problems.add(
              "rules["
                  + i
                  + "].matches: '"
                  + value
                  + "' is already matched by rules["
                  + previous
                  + "]");
        }
      }
    }
    return problems;
  }

  /** The rule for {@code value}, if any. */
  public Optional<R> find(String value) {
    return Optional.ofNullable(byValue.get(normalise(value)));
  }

  /** Lower case, runs of anything but letters and digits as one underscore, trimmed. */
  public static String normalise(String value) {
    StringBuilder normal = new StringBuilder(value.length());
    boolean gap = false;
    for (int i = 0; i < value.length(); i++) {
      char c = Character.toLowerCase(value.charAt(i));
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (gap && normal.length() > 0) {
          normal.append('_');
        }
        normal.append(c);
        gap = false;
      } else {
        gap = true;
      }
    }
    return normal.toString();
  }
}
