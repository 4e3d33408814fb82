package dev.wct.classifiers.datasubject;

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

class GdprDataSubjectClassifierTest {
  private final GdprDataSubjectClassifier classifier = new GdprDataSubjectClassifier();

  private ObjectNode classify(String... subjects) {
    List<ObjectNode> findings =
        Arrays.stream(subjects)
            .map(subject -> finding("subject", subject).put("confidence_score", 80))
            .toList();
    return run(classifier, noProperties(), input(GdprDataSubjectClassifier.INPUT, "ds", findings));
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> values = new java.util.ArrayList<>();
    array.forEach(node -> values.add(field == null ? node.asText() : node.get(field).asText()));
    return values;
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "customer, customers, contract",
    "website_visitor, website_and_app_users, consent",
    "employee, employees, contract",
    "job_applicant, job_applicants, contract",
    "patient, patients, public_task",
    "child, children, consent",
    "student, students, public_task",
    "supplier, suppliers_and_business_contacts, contract"
  })
  void mapsEachSubjectToItsCategoryWithTypicalLawfulBases(
      String subject, String category, String firstBasis) {
    JsonNode classified = classify(subject).at("/findings/0");

    assertThat(classified.get("gdpr_subject_category").asText()).isEqualTo(category);
    assertThat(classified.at("/lawful_bases/0/basis").asText()).isEqualTo(firstBasis);
    assertThat(classified.at("/lawful_bases/0/article").asText()).startsWith("Art. 6(1)(");
    assertThat(classified.get("confidence_score").asInt()).isEqualTo(80);
  }

  @Test
  void marksChildrenHighRiskUnderArticle8() {
    JsonNode classified = classify("minor").at("/findings/0");

    assertThat(classified.get("gdpr_subject_category").asText()).isEqualTo("children");
    assertThat(classified.get("risk_level").asText()).isEqualTo("high");
    assertThat(texts(classified.get("risk_modifiers"), "name")).contains("children");
    assertThat(classified.at("/risk_modifiers/0/article_references").toString()).contains("Art. 8");
  }

  @Test
  void marksPatientsAsSubjectsOfHealthData() {
    JsonNode classified = classify("patient").at("/findings/0");

    assertThat(classified.get("risk_level").asText()).isEqualTo("high");
    assertThat(texts(classified.get("risk_modifiers"), "name")).contains("health_data");
    assertThat(classified.get("article_references").toString()).contains("Art. 9(2)(h)");
  }

  @Test
  void marksEmployeesElevatedForThePowerImbalance() {
    JsonNode classified = classify("staff").at("/findings/0");

    assertThat(classified.get("risk_level").asText()).isEqualTo("elevated");
    assertThat(texts(classified.get("risk_modifiers"), "name")).containsExactly("power_imbalance");
    assertThat(classified.at("/risk_modifiers/0/article_references").toString())
        .contains("Art. 88");
  }

  @Test
  void leavesCustomersAtStandardRisk() {
    JsonNode classified = classify("customer").at("/findings/0");

    assertThat(classified.get("risk_level").asText()).isEqualTo("standard");
    assertThat(classified.get("risk_modifiers")).isEmpty();
  }

  @Test
  void keepsAnUnknownSubjectAsUnclassified() {
    JsonNode classified = classify("martian").at("/findings/0");

    assertThat(classified.get("gdpr_subject_category").asText()).isEqualTo("unclassified");
    assertThat(classified.get("lawful_bases")).isEmpty();
    assertThat(classified.at("/classification_note").asText()).contains("'martian'");
  }

  @Test
  void summarisesByCategoryAndRisk() {
    JsonNode summary =
        classify("customer", "client", "child", "employee", "martian").get("summary");

    assertThat(summary.get("total_findings").asInt()).isEqualTo(5);
    assertThat(summary.at("/by_gdpr_subject_category/customers").asInt()).isEqualTo(2);
    assertThat(summary.get("high_risk_count").asInt()).isEqualTo(1);
    assertThat(summary.at("/by_risk_level/elevated").asInt()).isEqualTo(1);
    assertThat(summary.get("unclassified_count").asInt()).isEqualTo(1);
  }

  @Test
  void writesContentThatFollowsTheGdprDataSubjectSchema() {
    ObjectNode content = classify("customer", "child", "patient", "employee", "martian");

    assertThat(violations(GdprDataSubjectClassifier.OUTPUT, content)).isEmpty();
  }
}
