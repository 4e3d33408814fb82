package dev.wct.classifiers.purpose;

import dev.wct.classifiers.ruleset.Yaml;
import java.util.List;

/**
 * A criterion that makes high risk likely (Art. 35(1), following the EDPB's guidelines on DPIAs).
 *
 * @param description what it covers
 * @param mandatory true if it alone makes a DPIA required, as the cases listed in Art. 35(3) do
 * @param articleReferences the provisions that apply
 */
public record DpiaCriterion(String description, boolean mandatory, List<String> articleReferences) {
  public DpiaCriterion {
    Yaml.requiredText(description, "description");
    articleReferences = Yaml.nonEmptyList(articleReferences, "article_references");
  }
}
