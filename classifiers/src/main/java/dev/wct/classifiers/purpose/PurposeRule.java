package dev.wct.classifiers.purpose;

import dev.wct.classifiers.ruleset.ClassificationRule;
import dev.wct.classifiers.ruleset.LawfulBasis;
import dev.wct.classifiers.ruleset.Yaml;
import java.util.List;

/**
 * Maps processing purpose indicator purposes to one purpose category.
 *
 * @param purposeCategory the category, e.g. {@code analytics}
 * @param description what processing it covers
 * @param matches the indicator purposes it classifies
 * @param lawfulBases the Art. 6(1) bases typically relied on, most usual first
 * @param sensitiveReasons why the purpose is sensitive (profiling, automated decisions...); empty
 *     when it is not
 * @param dpiaCriteria names of the ruleset's DPIA criteria the purpose typically meets
 * @param articleReferences the provisions that apply
 */
public record PurposeRule(
    String purposeCategory,
    String description,
    List<String> matches,
    List<LawfulBasis> lawfulBases,
    List<String> sensitiveReasons,
    List<String> dpiaCriteria,
    List<String> articleReferences)
    implements ClassificationRule {
  public PurposeRule {
    Yaml.requiredText(purposeCategory, "purpose_category");
    Yaml.requiredText(description, "description");
    matches = Yaml.nonEmptyList(matches, "matches");
    lawfulBases = Yaml.nonEmptyList(lawfulBases, "lawful_bases");
    sensitiveReasons = Yaml.list(sensitiveReasons, "sensitive_reasons");
    dpiaCriteria = Yaml.list(dpiaCriteria, "dpia_criteria");
    articleReferences = Yaml.nonEmptyList(articleReferences, "article_references");
  }

  public boolean sensitive() {
    return !sensitiveReasons.isEmpty();
  }
}
