package dev.wct.classifiers.personaldata;

import dev.wct.classifiers.ruleset.ClassificationRule;
import dev.wct.classifiers.ruleset.Yaml;
import java.util.List;

/**
 * Maps personal data indicator categories to one GDPR data category.
 *
 * @param gdprCategory the GDPR category, e.g. {@code contact_data}
 * @param description what the category covers
 * @param matches the indicator categories it classifies, e.g. {@code email}, {@code phone}
 * @param specialCategory special category data under Art. 9(1)
 * @param criminalOffenceData criminal convictions and offences data under Art. 10
 * @param articleReferences the GDPR provisions that apply, e.g. {@code Art. 4(1)}
 */
public record PersonalDataRule(
    String gdprCategory,
    String description,
    List<String> matches,
    boolean specialCategory,
    boolean criminalOffenceData,
    List<String> articleReferences)
    implements ClassificationRule {
  public PersonalDataRule {
    Yaml.requiredText(gdprCategory, "gdpr_category");
    Yaml.requiredText(description, "description");
    matches = Yaml.nonEmptyList(matches, "matches");
    articleReferences = Yaml.nonEmptyList(articleReferences, "article_references");
  }
}
