package dev.wct.classifiers.datasubject;

import dev.wct.classifiers.ruleset.ClassificationRuleset;
import dev.wct.classifiers.ruleset.Yaml;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The YAML document of a {@code gdpr_data_subject_classification} ruleset.
 *
 * @param riskModifiers the risk modifiers rules may name, by name
 */
public record DataSubjectClassificationRuleset(
    String name,
    String version,
    String description,
    Map<String, RiskModifier> riskModifiers,
    List<DataSubjectRule> rules)
    implements ClassificationRuleset<DataSubjectRule> {
  public DataSubjectClassificationRuleset {
    Yaml.requiredText(name, "name");
    Yaml.requiredText(version, "version");
    Yaml.requiredText(description, "description");
    riskModifiers =
        riskModifiers == null
            ? Map.of()
            : Collections.unmodifiableMap(new TreeMap<>(riskModifiers));
    rules = Yaml.nonEmptyList(rules, "rules");
  }

  @Override
  public List<String> categories() {
    return rules.stream().map(DataSubjectRule::gdprSubjectCategory).distinct().sorted().toList();
  }

  /** Every risk modifier a rule names must be defined. */
  @Override
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      List<String> named = rules.get(i).riskModifiers();
      for (int j = 0; j < named.size(); j++) {
        if (!riskModifiers.containsKey(named.get(j))) {
          problems.add(
              "rules["
                  + i
                  + "].risk_modifiers["
                  + j
                  + "]: unknown risk modifier '"
                  + named.get(j)
                  + "' (defined: "
                  + String.join(", ", riskModifiers.keySet())
                  + ")");
        }
      }
    }
    return problems;
  }

  /** The risk modifiers {@code rule} names, in its order. */
  public List<Map.Entry<String, RiskModifier>> modifiersOf(DataSubjectRule rule) {
    return rule.riskModifiers().stream()
        .map(name -> Map.entry(name, riskModifiers.get(name)))
        .toList();
  }
}
