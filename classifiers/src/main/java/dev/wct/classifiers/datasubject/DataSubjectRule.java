package dev.wct.classifiers.datasubject;

import dev.wct.classifiers.ruleset.ClassificationRule;
import dev.wct.classifiers.ruleset.LawfulBasis;
import dev.wct.classifiers.ruleset.Yaml;
import java.util.List;

/**
 * Maps data subject indicator subjects to one GDPR data-subject category.
 *
 * @param gdprSubjectCategory the category, e.g. {@code employees}
 * @param description who belongs to it
 * @param matches the indicator subjects it classifies, e.g. {@code employee}, {@code staff}
 * @param lawfulBases the Art. 6(1) bases typically relied on for this category, most usual first
 * @param riskModifiers names of the ruleset's risk modifiers that apply
 * @param articleReferences the provisions that apply
 */
public record DataSubjectRule(
    String gdprSubjectCategory,
    String description,
    List<String> matches,
    List<LawfulBasis> lawfulBases,
    List<String> riskModifiers,
    List<String> articleReferences)
    implements ClassificationRule {
  public DataSubjectRule {
    Yaml.requiredText(gdprSubjectCategory, "gdpr_subject_category");
    Yaml.requiredText(description, "description");
    matches = Yaml.nonEmptyList(matches, "matches");
    lawfulBases = Yaml.nonEmptyList(lawfulBases, "lawful_bases");
    riskModifiers = Yaml.list(riskModifiers, "risk_modifiers");
    articleReferences = Yaml.nonEmptyList(articleReferences, "article_references");
  }
}
