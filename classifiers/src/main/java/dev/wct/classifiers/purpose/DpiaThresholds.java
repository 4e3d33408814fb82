package dev.wct.classifiers.purpose;

import dev.wct.classifiers.ruleset.Yaml;

/**
 * How many DPIA criteria make a DPIA required or recommended.
 *
 * @param required criteria count from which a DPIA is required
 * @param recommended criteria count from which a DPIA is recommended
 */
public record DpiaThresholds(Integer required, Integer recommended) {
  public DpiaThresholds {
    Yaml.required(required, "required");
    Yaml.required(recommended, "recommended");
    if (recommended < 1 || required < recommended) {
      throw new IllegalArgumentException(
          "dpia thresholds need 1 <= recommended <= required, got recommended "
              + recommended
              + " and required "
              + required);
    }
  }

  /** The recommendation for a purpose meeting {@code criteria} criteria, none mandatory. */
  public DpiaRecommendation recommend(int criteria) {
    if (criteria >= required) {
      return DpiaRecommendation.REQUIRED;
    }
    return criteria >= recommended
        ? DpiaRecommendation.RECOMMENDED
        : DpiaRecommendation.NOT_REQUIRED;
  }
}
