package dev.wct.classifiers;

import dev.wct.classifiers.common.FindingClassifier;
import dev.wct.classifiers.datasubject.GdprDataSubjectClassifier;
import dev.wct.classifiers.personaldata.GdprPersonalDataClassifier;
import dev.wct.classifiers.purpose.GdprProcessingPurposeClassifier;
import dev.wct.classifiers.ruleset.ClassificationRuleset;
import dev.wct.spi.RulesetDescriptor;
import dev.wct.spi.RulesetProvider;
import java.util.List;

/** Lists the classification rulesets shipped with the GDPR classifiers. */
public final class ClassifierRulesets implements RulesetProvider {
  @Override
  public List<RulesetDescriptor> rulesets() {
    return List.of(
        describe(new GdprPersonalDataClassifier()),
        describe(new GdprDataSubjectClassifier()),
        describe(new GdprProcessingPurposeClassifier()));
  }

  private static RulesetDescriptor describe(FindingClassifier<?, ?> classifier) {
    ClassificationRuleset<?> ruleset = classifier.ruleset(classifier.defaultRuleset(), null);
    return new RulesetDescriptor(
        classifier.defaultRuleset().text(),
        ruleset.description(),
        ruleset.rules().size(),
        ruleset.categories(),
        List.of(classifier.type()));
  }
}
