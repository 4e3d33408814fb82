package dev.wct.classifiers.purpose;

import dev.wct.classifiers.ruleset.ClassificationRuleset;
import dev.wct.classifiers.ruleset.Yaml;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The YAML document of a {@code gdpr_processing_purpose_classification} ruleset.
 *
 * @param dpiaThresholds how many criteria make a DPIA required or recommended
 * @param dpiaCriteria the criteria rules may name, by name
 */
public record ProcessingPurposeClassificationRuleset(
    String name,
    String version,
    String description,
    DpiaThresholds dpiaThresholds,
    Map<String, DpiaCriterion> dpiaCriteria,
    List<PurposeRule> rules)
    implements ClassificationRuleset<PurposeRule> {
  public ProcessingPurposeClassificationRuleset {
    Yaml.requiredText(name, "name");
    Yaml.requiredText(version, "version");
    Yaml.requiredText(description, "description");
    Yaml.required(dpiaThresholds, "dpia_thresholds");
    dpiaCriteria =
        Collections.unmodifiableMap(new TreeMap<>(Yaml.required(dpiaCriteria, "dpia_criteria")));
    rules = Yaml.nonEmptyList(rules, "rules");
  }

  @Override
  public List<String> categories() {
    return rules.stream().map(PurposeRule::purposeCategory).distinct().sorted().toList();
  }

  /** Every DPIA criterion a rule names must be defined. */
  @Override
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      List<String> named = rules.get(i).dpiaCriteria();
      for (int j = 0; j < named.size(); j++) {
        if (!dpiaCriteria.containsKey(named.get(j))) {
          problems.add(
              "rules["
                  + i
                  + "].dpia_criteria["
                  + j
                  + "]: unknown DPIA criterion '"
                  + named.get(j)
                  + "' (defined: "
                  + String.join(", ", dpiaCriteria.keySet())
                  + ")");
        }
      }
    }
    return problems;
  }

  /**
   * The DPIA recommendation for {@code rule}: required when it meets a mandatory criterion or the
   * required threshold, recommended from the recommended threshold.
   */
  public DpiaRecommendation dpiaFor(PurposeRule rule) {
    boolean mandatory =
        rule.dpiaCriteria().stream().anyMatch(criterion -> dpiaCriteria.get(criterion).mandatory());
    return mandatory
        ? DpiaRecommendation.REQUIRED
        : dpiaThresholds.recommend(rule.dpiaCriteria().size());
  }
}
