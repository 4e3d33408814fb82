package dev.wct.classifiers.personaldata;

import dev.wct.classifiers.ruleset.ClassificationRuleset;
import dev.wct.classifiers.ruleset.Yaml;
import java.util.ArrayList;
import java.util.List;

/** The YAML document of a {@code gdpr_personal_data_classification} ruleset. */
public record PersonalDataClassificationRuleset(
    String name, String version, String description, List<PersonalDataRule> rules)
    implements ClassificationRuleset<PersonalDataRule> {
  static final String SPECIAL_CATEGORY_ARTICLE = "Art. 9(1)";
  static final String CRIMINAL_OFFENCE_ARTICLE = "Art. 10";

  public PersonalDataClassificationRuleset {
    Yaml.requiredText(name, "name");
    Yaml.requiredText(version, "version");
    Yaml.requiredText(description, "description");
    rules = Yaml.nonEmptyList(rules, "rules");
  }

  @Override
  public List<String> categories() {
    return rules.stream().map(PersonalDataRule::gdprCategory).distinct().sorted().toList();
  }

  /** Special category and criminal offence rules must cite the article that makes them so. */
  @Override
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      PersonalDataRule rule = rules.get(i);
      if (rule.specialCategory() && !rule.articleReferences().contains(SPECIAL_CATEGORY_ARTICLE)) {
        problems.add("rules[" + i + "]: a special category must cite " + SPECIAL_CATEGORY_ARTICLE);
      }
      if (rule.criminalOffenceData()
          && !rule.articleReferences().contains(CRIMINAL_OFFENCE_ARTICLE)) {
        problems.add(
            "rules[" + i + "]: criminal offence data must cite " + CRIMINAL_OFFENCE_ARTICLE);
      }
    }
    return problems;
  }
}
