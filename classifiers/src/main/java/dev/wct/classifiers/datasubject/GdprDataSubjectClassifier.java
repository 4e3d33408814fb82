package dev.wct.classifiers.datasubject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.classifiers.common.Counts;
import dev.wct.classifiers.common.Distinct;
import dev.wct.classifiers.common.FindingClassifier;
import dev.wct.classifiers.ruleset.LawfulBasis;
import dev.wct.spi.FindingsPresentation;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.SchemaRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code gdpr_data_subject_classifier}: classifies data subject indicator findings by GDPR
 * data-subject category, with the lawful bases typically relied on and the risk modifiers that
 * apply (children, patients, employees...).
 */
public final class GdprDataSubjectClassifier
    extends FindingClassifier<DataSubjectClassificationRuleset, DataSubjectRule> {
  public static final String TYPE = "gdpr_data_subject_classifier";
  public static final String RULESET = "gdpr_data_subject_classification";
  public static final SchemaRef INPUT = new SchemaRef("data_subject_indicator", "2.0.0");
  public static final SchemaRef OUTPUT = new SchemaRef("gdpr_data_subject", "2.0.0");

  public GdprDataSubjectClassifier() {
    super(
        new Definition<>(
            TYPE,
            "Classifies data subject findings by GDPR data-subject category, with typical lawful"
                + " bases and risk modifiers such as children (Art. 8)",
            RULESET,
            DataSubjectClassificationRuleset.class,
            INPUT,
            OUTPUT,
            "subject"));
  }

  @Override
  public Optional<FindingsPresentation> presentation(SchemaRef output) {
    return Optional.of(
        new FindingsPresentation(
            "Data subjects",
            FindingsPresentation.Kind.CLASSIFICATION,
            FindingsPresentation.Aspect.DATA_SUBJECTS,
            "subject",
            "gdpr_subject_category",
            null,
            List.of(
                new FindingsPresentation.Flag(
                    "/risk_level",
                    List.of("high"),
                    "High-risk data subjects",
                    "check the safeguards for vulnerable subjects (e.g. Art. 8 for children)"),
                new FindingsPresentation.Flag(
                    "/gdpr_subject_category",
                    List.of(UNCLASSIFIED),
                    "Unclassified",
                    "review these findings, then extend the classification ruleset or suppress them"))));
  }

  @Override
  protected ObjectNode classify(
      JsonNode finding,
      String subject,
      Optional<DataSubjectRule> rule,
      DataSubjectClassificationRuleset ruleset) {
    ObjectNode classified = start(finding, subject);
    classified.put("confidence_score", confidenceOf(finding));
    classified.put(
        "gdpr_subject_category",
        rule.map(DataSubjectRule::gdprSubjectCategory).orElse(UNCLASSIFIED));
    ArrayNode bases = classified.putArray("lawful_bases");
    rule.map(DataSubjectRule::lawfulBases).orElse(List.of()).stream()
        .map(LawfulBasis::toJson)
        .forEach(bases::add);
    ArrayNode modifiers = classified.putArray("risk_modifiers");
    RiskLevel level = RiskLevel.STANDARD;
    if (rule.isPresent()) {
      for (Map.Entry<String, RiskModifier> modifier : ruleset.modifiersOf(rule.get())) {
        ObjectNode json = modifiers.addObject();
        json.put("name", modifier.getKey());
        json.put("description", modifier.getValue().description());
        json.set("article_references", strings(modifier.getValue().articleReferences()));
        level = level.max(modifier.getValue().riskLevel());
      }
    }
    classified.put("risk_level", level.key());
    classified.set(
        "article_references",
        strings(rule.map(DataSubjectRule::articleReferences).orElse(List.of())));
    return finish(classified, finding, rule.isPresent() ? null : unclassifiedNote(subject));
  }

  private static int confidenceOf(JsonNode finding) {
    JsonNode score = finding.get("confidence_score");
    if (score == null || !score.isNumber()) {
      return 0;
    }
    return Math.max(0, Math.min(100, (int) Math.round(score.asDouble())));
  }

  @Override
  protected Summary newSummary() {
    return new Summary() {
      private final Counts byCategory = new Counts();
      private final Counts byRisk = new Counts();
      private final Distinct highRisk = new Distinct();
      private final Distinct unclassified = new Distinct();

      @Override
      public void add(ObjectNode classified) {
        String category = classified.get("gdpr_subject_category").asText();
        String subject = classified.get("subject").asText();
        byCategory.add(category);
        byRisk.add(classified.get("risk_level").asText());
        highRisk.add(classified.get("risk_level").asText().equals(RiskLevel.HIGH.key()), subject);
        unclassified.add(category.equals(UNCLASSIFIED), subject);
      }

      @Override
      public ObjectNode toJson() {
        ObjectNode summary = Json.mapper().createObjectNode();
        summary.set("by_gdpr_subject_category", byCategory.toJson());
        summary.set("by_risk_level", byRisk.toJson());
        // *_count: distinct subjects; *_findings and by_*: findings (locations).
        summary.put("high_risk_count", highRisk.count());
        summary.put("high_risk_findings", highRisk.findings());
        summary.put("unclassified_count", unclassified.count());
        summary.put("unclassified_findings", unclassified.findings());
        return summary;
      }
    };
  }
}
