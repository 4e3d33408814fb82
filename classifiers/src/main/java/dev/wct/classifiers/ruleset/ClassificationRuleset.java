package dev.wct.classifiers.ruleset;

import java.util.List;

/**
 * A versioned YAML ruleset that maps indicator values to GDPR classifications.
 *
 * @param <R> the rule type
 */
public interface ClassificationRuleset<R extends ClassificationRule> {
  String name();

  String version();

  String description();

  List<R> rules();

  /** The classifications this ruleset can produce, for {@code wct rulesets}. */
  List<String> categories();

  /**
   * Consistency problems the YAML shape cannot express (unknown references between sections, for
   * example), each naming its place such as {@code rules[2].risk_modifiers[0]}; empty when valid.
   */
  default List<String> problems() {
    return List.of();
  }
}
