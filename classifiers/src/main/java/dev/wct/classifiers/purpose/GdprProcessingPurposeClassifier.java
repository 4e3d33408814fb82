package dev.wct.classifiers.purpose;

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
import java.util.TreeMap;

/**
 * {@code gdpr_processing_purpose_classifier}: classifies processing purpose indicator findings by
 * purpose category, flags sensitive purposes, lists typical lawful bases and recommends whether a
 * DPIA (Art. 35) is needed.
 */
public final class GdprProcessingPurposeClassifier
    extends FindingClassifier<ProcessingPurposeClassificationRuleset, PurposeRule> {
  public static final String TYPE = "gdpr_processing_purpose_classifier";
  public static final String RULESET = "gdpr_processing_purpose_classification";
  public static final SchemaRef INPUT = new SchemaRef("processing_purpose_indicator", "2.0.0");
  public static final SchemaRef OUTPUT = new SchemaRef("gdpr_processing_purpose", "2.0.0");

  public GdprProcessingPurposeClassifier() {
    super(
        new Definition<>(
            TYPE,
            "Classifies processing purpose findings by category, flags sensitive purposes and"
                + " recommends whether a DPIA (Art. 35) is needed",
            RULESET,
            ProcessingPurposeClassificationRuleset.class,
            INPUT,
            OUTPUT,
            "purpose"));
  }

  @Override
  public Optional<FindingsPresentation> presentation(SchemaRef output) {
    return Optional.of(
        new FindingsPresentation(
            "Processing purposes",
            FindingsPresentation.Kind.CLASSIFICATION,
            FindingsPresentation.Aspect.PURPOSES,
            "purpose",
            "purpose_category",
            "/metadata/services",
            List.of(
                new FindingsPresentation.Flag(
                    "/dpia/recommendation",
                    List.of("required"),
                    "DPIA required",
                    "carry out a data protection impact assessment before processing (Art. 35)"),
                new FindingsPresentation.Flag(
                    "/dpia/recommendation",
                    List.of("recommended"),
                    "DPIA recommended",
                    "assess whether a DPIA is needed and record the decision (Art. 35)"),
                FindingsPresentation.Flag.whenTrue(
                    "/sensitive_purpose",
                    "Sensitive purpose",
                    "check the lawful basis and transparency for this purpose"),
                new FindingsPresentation.Flag(
                    "/purpose_category",
                    List.of(UNCLASSIFIED),
                    "Unclassified",
                    "review these findings, then extend the classification ruleset or suppress them"))));
  }

  @Override
  protected ObjectNode classify(
      JsonNode finding,
      String purpose,
      Optional<PurposeRule> rule,
      ProcessingPurposeClassificationRuleset ruleset) {
    ObjectNode classified = start(finding, purpose);
    classified.put("purpose_category", rule.map(PurposeRule::purposeCategory).orElse(UNCLASSIFIED));
    classified.put("sensitive_purpose", rule.map(PurposeRule::sensitive).orElse(false));
    classified.set(
        "sensitive_reasons", strings(rule.map(PurposeRule::sensitiveReasons).orElse(List.of())));
    ArrayNode bases = classified.putArray("lawful_bases");
    rule.map(PurposeRule::lawfulBases).orElse(List.of()).stream()
        .map(LawfulBasis::toJson)
        .forEach(bases::add);
    ObjectNode dpia = classified.putObject("dpia");
    // A purpose nobody has assessed cannot be shown to be low risk.
    dpia.put(
        "recommendation", rule.map(ruleset::dpiaFor).orElse(DpiaRecommendation.RECOMMENDED).key());
    dpia.set("criteria", strings(rule.map(PurposeRule::dpiaCriteria).orElse(List.of())));
    classified.set(
        "article_references", strings(rule.map(PurposeRule::articleReferences).orElse(List.of())));
    return finish(classified, finding, rule.isPresent() ? null : unclassifiedNote(purpose));
  }

  @Override
  protected Summary newSummary() {
    return new Summary() {
      private final Counts byCategory = new Counts();
      private final Map<String, Distinct> dpia = new TreeMap<>();
      private final Distinct sensitive = new Distinct();
      private final Distinct unclassified = new Distinct();

      @Override
      public void add(ObjectNode classified) {
        String category = classified.get("purpose_category").asText();
        String purpose = classified.get("purpose").asText();
        byCategory.add(category);
        dpia.computeIfAbsent(classified.at("/dpia/recommendation").asText(), key -> new Distinct())
            .add(true, purpose);
        sensitive.add(classified.get("sensitive_purpose").asBoolean(), purpose);
        unclassified.add(category.equals(UNCLASSIFIED), purpose);
      }

      @Override
      public ObjectNode toJson() {
        ObjectNode summary = Json.mapper().createObjectNode();
        summary.set("by_purpose_category", byCategory.toJson());
        // *_count and dpia_recommendations: distinct purposes; *_findings: their locations.
        summary.put("sensitive_purpose_count", sensitive.count());
        summary.put("sensitive_purpose_findings", sensitive.findings());
        ObjectNode recommendations = summary.putObject("dpia_recommendations");
        for (DpiaRecommendation recommendation : DpiaRecommendation.values()) {
          Distinct purposes = dpia.get(recommendation.key());
          recommendations.put(recommendation.key(), purposes == null ? 0 : purposes.count());
        }
        summary.put("unclassified_count", unclassified.count());
        summary.put("unclassified_findings", unclassified.findings());
        return summary;
      }
    };
  }
}
