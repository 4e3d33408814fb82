package dev.wct.classifiers.ruleset;

import java.util.List;

/** A ruleset entry that classifies the indicator values it {@linkplain #matches() matches}. */
public interface ClassificationRule {
  /**
   * The indicator categories, subjects or purposes this rule classifies, compared after {@link
   * RuleIndex#normalise(String) normalisation}.
   */
  List<String> matches();
}
