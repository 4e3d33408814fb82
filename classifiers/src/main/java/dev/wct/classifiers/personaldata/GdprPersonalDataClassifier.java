package dev.wct.classifiers.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.classifiers.common.Counts;
import dev.wct.classifiers.common.Distinct;
import dev.wct.classifiers.common.FindingClassifier;
import dev.wct.spi.FindingsPresentation;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.SchemaRef;
import java.util.List;
import java.util.Optional;

/**
 * {@code gdpr_personal_data_classifier}: classifies personal data indicator findings by GDPR data
 * category, flags Art. 9 special categories and Art. 10 criminal offence data, and cites the
 * articles that apply.
 */
public final class GdprPersonalDataClassifier
    extends FindingClassifier<PersonalDataClassificationRuleset, PersonalDataRule> {
  public static final String TYPE = "gdpr_personal_data_classifier";
  public static final String RULESET = "gdpr_personal_data_classification";
  public static final SchemaRef INPUT = new SchemaRef("personal_data_indicator", "2.0.0");
  public static final SchemaRef OUTPUT = new SchemaRef("gdpr_personal_data", "2.0.0");

  public GdprPersonalDataClassifier() {
    super(
        new Definition<>(
            TYPE,
            "Classifies personal data findings by GDPR category, flagging Art. 9 special"
                + " categories and Art. 10 criminal offence data",
            RULESET,
            PersonalDataClassificationRuleset.class,
            INPUT,
            OUTPUT,
            "category"));
  }

  @Override
  public Optional<FindingsPresentation> presentation(SchemaRef output) {
    return Optional.of(
        new FindingsPresentation(
            "Personal data",
            FindingsPresentation.Kind.CLASSIFICATION,
            FindingsPresentation.Aspect.PERSONAL_DATA,
            "category",
            "gdpr_category",
            null,
            List.of(
                FindingsPresentation.Flag.whenTrue(
                    "/special_category",
                    "Art. 9 special category",
                    "confirm a condition under Art. 9(2) besides the Art. 6 lawful basis"),
                FindingsPresentation.Flag.whenTrue(
                    "/criminal_offence_data",
                    "Art. 10 criminal offence data",
                    "confirm official authority or a Union or Member State law that authorises it"
                        + " (Art. 10)"),
                new FindingsPresentation.Flag(
                    "/gdpr_category",
                    List.of(UNCLASSIFIED),
                    "Unclassified",
                    "review these findings, then extend the classification ruleset or suppress them"))));
  }

  @Override
  protected ObjectNode classify(
      JsonNode finding,
      String category,
      Optional<PersonalDataRule> rule,
      PersonalDataClassificationRuleset ruleset) {
    ObjectNode classified = start(finding, category);
    classified.put("gdpr_category", rule.map(PersonalDataRule::gdprCategory).orElse(UNCLASSIFIED));
    classified.put("special_category", rule.map(PersonalDataRule::specialCategory).orElse(false));
    classified.put(
        "criminal_offence_data", rule.map(PersonalDataRule::criminalOffenceData).orElse(false));
    classified.set(
        "article_references",
        strings(rule.map(PersonalDataRule::articleReferences).orElse(List.of())));
    return finish(classified, finding, rule.isPresent() ? null : unclassifiedNote(category));
  }

  @Override
  protected Summary newSummary() {
    return new Summary() {
      private final Counts byCategory = new Counts();
      private final Distinct special = new Distinct();
      private final Distinct criminal = new Distinct();
      private final Distinct unclassified = new Distinct();

      @Override
      public void add(ObjectNode classified) {
        String gdprCategory = classified.get("gdpr_category").asText();
        String category = classified.get("category").asText();
        byCategory.add(gdprCategory);
        special.add(classified.get("special_category").asBoolean(), category);
        criminal.add(classified.get("criminal_offence_data").asBoolean(), category);
        unclassified.add(gdprCategory.equals(UNCLASSIFIED), category);
      }

      /** {@code *_count}: distinct categories; {@code *_findings}: their locations. */
      @Override
      public ObjectNode toJson() {
        ObjectNode summary = Json.mapper().createObjectNode();
        summary.set("by_gdpr_category", byCategory.toJson());
        summary.put("special_category_count", special.count());
        summary.put("special_category_findings", special.findings());
        summary.put("criminal_offence_count", criminal.count());
        summary.put("criminal_offence_findings", criminal.findings());
        summary.put("unclassified_count", unclassified.count());
        summary.put("unclassified_findings", unclassified.findings());
        return summary;
      }
    };
  }
}
