package dev.wct.classifiers.purpose;

import static dev.wct.classifiers.ClassifierHarness.finding;
import static dev.wct.classifiers.ClassifierHarness.input;
import static dev.wct.classifiers.ClassifierHarness.noProperties;
import static dev.wct.classifiers.ClassifierHarness.run;
import static dev.wct.classifiers.ClassifierHarness.violations;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GdprProcessingPurposeClassifierTest {
  private final GdprProcessingPurposeClassifier classifier = new GdprProcessingPurposeClassifier();

  private ObjectNode classify(String... purposes) {
    List<ObjectNode> findings =
        Arrays.stream(purposes).map(purpose -> finding("purpose", purpose)).toList();
    return run(
        classifier, noProperties(), input(GdprProcessingPurposeClassifier.INPUT, "pp", findings));
  }

  @ParameterizedTest(name = "{0} is {1}, DPIA {2}")
  @CsvSource({
    "payments, payment_processing, not_required",
    "authentication, authentication_and_security, not_required",
    "customer_support, customer_support, not_required",
    "analytics, analytics, recommended",
    "personalisation, personalisation, recommended",
    "advertising, targeted_advertising, required",
    "ai_ml, artificial_intelligence, required",
    "location_tracking, location_tracking, required"
  })
  void mapsEachPurposeToItsCategoryAndDpiaRecommendation(
      String purpose, String category, String dpia) {
    JsonNode classified = classify(purpose).at("/findings/0");

    assertThat(classified.get("purpose_category").asText()).isEqualTo(category);
    assertThat(classified.at("/dpia/recommendation").asText()).isEqualTo(dpia);
    assertThat(classified.get("lawful_bases")).isNotEmpty();
  }

  @Test
  void requiresADpiaForAutomatedDecisionsEvenOnOneCriterionAlone() {
    JsonNode classified = classify("fraud_detection").at("/findings/0");

    assertThat(classified.at("/dpia/recommendation").asText()).isEqualTo("required");
    assertThat(classified.at("/dpia/criteria").toString()).contains("automated_decision_making");
    assertThat(classified.get("article_references").toString()).contains("Art. 22");
  }

  @Test
  void flagsProfilingAndAiAsSensitivePurposes() {
    ObjectNode content = classify("advertising", "machine_learning", "payments");

    assertThat(content.at("/findings/0/sensitive_purpose").asBoolean()).isTrue();
    assertThat(content.at("/findings/0/sensitive_reasons").toString()).contains("profiling");
    assertThat(content.at("/findings/1/sensitive_reasons").toString())
        .contains("ai_ml_on_personal_data");
    assertThat(content.at("/findings/2/sensitive_purpose").asBoolean()).isFalse();
    assertThat(content.at("/findings/2/sensitive_reasons")).isEmpty();
  }

  @Test
  void listsLawfulBasesWithTheirArticles() {
    JsonNode bases = classify("payments").at("/findings/0/lawful_bases");

    assertThat(bases.toString())
        .isEqualTo(
            "[{\"basis\":\"contract\",\"article\":\"Art. 6(1)(b)\"},"
                + "{\"basis\":\"legal_obligation\",\"article\":\"Art. 6(1)(c)\"}]");
  }

  @Test
  void recommendsADpiaForAnUnknownPurposeSinceNobodyAssessedIt() {
    JsonNode classified = classify("astrology").at("/findings/0");

    assertThat(classified.get("purpose_category").asText()).isEqualTo("unclassified");
    assertThat(classified.at("/dpia/recommendation").asText()).isEqualTo("recommended");
    assertThat(classified.at("/classification_note").asText()).contains("'astrology'");
  }

  @Test
  void summarisesCategoriesSensitivePurposesAndDpiaRecommendations() {
    JsonNode summary =
        classify("payments", "billing", "analytics", "advertising", "astrology").get("summary");

    assertThat(summary.at("/by_purpose_category/payment_processing").asInt()).isEqualTo(2);
    assertThat(summary.get("sensitive_purpose_count").asInt()).isEqualTo(1);
    assertThat(summary.get("dpia_recommendations").toString())
        .isEqualTo("{\"required\":1,\"recommended\":2,\"not_required\":2}");
  }

  @Test
  void writesContentThatFollowsTheGdprProcessingPurposeSchema() {
    ObjectNode content = classify("payments", "fraud_prevention", "ai_ml", "astrology");

    assertThat(violations(GdprProcessingPurposeClassifier.OUTPUT, content)).isEmpty();
  }
}
