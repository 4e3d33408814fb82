package dev.wct.classifiers.datasubject;

import dev.wct.classifiers.ruleset.Yaml;
import java.util.List;

/**
 * A circumstance that raises the risk of processing a data subject's data, such as the subject
 * being a child.
 *
 * @param description why it matters, shown in reports
 * @param riskLevel the level it raises the subject's risk to
 * @param articleReferences the provisions that apply, e.g. {@code Art. 8}
 */
public record RiskModifier(
    String description, RiskLevel riskLevel, List<String> articleReferences) {
  public RiskModifier {
    Yaml.requiredText(description, "description");
    Yaml.required(riskLevel, "risk_level");
    articleReferences = Yaml.nonEmptyList(articleReferences, "article_references");
  }
}
