package dev.wct.classifiers.personaldata;

import static dev.wct.classifiers.ClassifierHarness.finding;
import static dev.wct.classifiers.ClassifierHarness.input;
import static dev.wct.classifiers.ClassifierHarness.noProperties;
import static dev.wct.classifiers.ClassifierHarness.run;
import static dev.wct.classifiers.ClassifierHarness.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.classifiers.ClassifierHarness;
import dev.wct.spi.error.WctException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GdprPersonalDataClassifierTest {
  private final GdprPersonalDataClassifier classifier = new GdprPersonalDataClassifier();

  private ObjectNode classify(String... categories) {
    List<ObjectNode> findings =
        java.util.Arrays.stream(categories).map(category -> finding("category", category)).toList();
    return run(classifier, noProperties(), input(GdprPersonalDataClassifier.INPUT, "pd", findings));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "email, contact_data",
    "phone, contact_data",
    "address, contact_data",
    "name, identification_data",
    "date_of_birth, identification_data",
    "national_id, government_identifiers",
    "us_ssn, government_identifiers",
    "uk_nino, government_identifiers",
    "payment_card, financial_data",
    "iban, financial_data",
    "ip_address, online_identifiers",
    "location, location_data",
    "password, authentication_data"
  })
  void mapsEachIndicatorCategoryToItsGdprCategory(String category, String gdprCategory) {
    JsonNode classified = classify(category).at("/findings/0");

    assertThat(classified.get("category").asText()).isEqualTo(category);
    assertThat(classified.get("gdpr_category").asText()).isEqualTo(gdprCategory);
    assertThat(classified.get("special_category").asBoolean()).isFalse();
    assertThat(classified.get("article_references").toString()).contains("Art. 4(1)");
  }

  @ParameterizedTest(name = "{0} is the special category {1}")
  @CsvSource({
    "health, health_data",
    "biometric, biometric_data",
    "genetic, genetic_data",
    "racial_ethnic, racial_or_ethnic_origin",
    "political, political_opinions",
    "religious, religious_or_philosophical_beliefs",
    "trade_union, trade_union_membership",
    "sexual_orientation, sex_life_or_sexual_orientation"
  })
  void flagsArticle9SpecialCategories(String category, String gdprCategory) {
    JsonNode classified = classify(category).at("/findings/0");

    assertThat(classified.get("gdpr_category").asText()).isEqualTo(gdprCategory);
    assertThat(classified.get("special_category").asBoolean()).isTrue();
    assertThat(classified.get("article_references").toString()).contains("Art. 9(1)");
  }

  @Test
  void flagsCriminalRecordsAsArticle10DataNotSpecialCategory() {
    JsonNode classified = classify("criminal").at("/findings/0");

    assertThat(classified.get("gdpr_category").asText()).isEqualTo("criminal_offence_data");
    assertThat(classified.get("criminal_offence_data").asBoolean()).isTrue();
    assertThat(classified.get("special_category").asBoolean()).isFalse();
    assertThat(classified.get("article_references").toString()).contains("Art. 10");
  }

  @Test
  void matchesCategoriesWhateverTheirCaseAndPunctuation() {
    assertThat(classify("Phone Number").at("/findings/0/gdpr_category").asText())
        .isEqualTo("contact_data");
  }

  @Test
  void keepsAnUnknownCategoryAsUnclassifiedWithItsEvidence() {
    JsonNode classified = classify("shoe_size").at("/findings/0");

    assertThat(classified.get("gdpr_category").asText()).isEqualTo("unclassified");
    assertThat(classified.get("article_references")).isEmpty();
    assertThat(classified.at("/location/file_path").asText()).isEqualTo("src/app.php");
    assertThat(classified.at("/classification_note").asText()).contains("'shoe_size'");
  }

  @Test
  void carriesTheIdLocationDetectorsAndExamplesOfEachFindingThrough() {
    JsonNode classified = classify("iban").at("/findings/0");

    assertThat(classified.get("id").asText()).isEqualTo(ClassifierHarness.idOf("iban@src/app.php"));
    assertThat(classified.at("/location/root").asText()).isEqualTo("/srv/www");
    assertThat(classified.at("/location/line").asInt()).isEqualTo(7);
    assertThat(classified.at("/detectors/0/rule").asText()).isEqualTo("iban_rule");
    assertThat(classified.at("/detectors/0/kind").asText()).isEqualTo("keyword");
    assertThat(classified.at("/matches").asInt()).isEqualTo(2);
    assertThat(classified.at("/confidence").asText()).isEqualTo("high");
    assertThat(classified.at("/examples/0/snippet").asText()).isEqualTo("... iban ...");
    assertThat(classified.at("/examples/0/column").asInt()).isEqualTo(3);
  }

  @Test
  void summarisesByGdprCategoryWithSpecialAndUnclassifiedCounts() {
    JsonNode summary = classify("email", "phone", "health", "criminal", "shoe_size").get("summary");

    assertThat(summary.get("total_findings").asInt()).isEqualTo(5);
    assertThat(summary.at("/by_gdpr_category/contact_data").asInt()).isEqualTo(2);
    assertThat(summary.get("special_category_count").asInt()).isEqualTo(1);
    assertThat(summary.get("criminal_offence_count").asInt()).isEqualTo(1);
    assertThat(summary.get("unclassified_count").asInt()).isEqualTo(1);
  }

  @Test
  void countsDistinctSpecialCategoriesNotThePlacesTheyWereFoundIn() {
    ObjectNode content =
        run(
            classifier,
            noProperties(),
            input(
                GdprPersonalDataClassifier.INPUT,
                "files",
                List.of(
                    finding("category", "health", "app/patients.py"),
                    finding("category", "trade_union", "app/payroll.py"))),
            input(
                GdprPersonalDataClassifier.INPUT,
                "db",
                List.of(finding("category", "health", "db/employees.sick_leave_reason"))));

    JsonNode summary = content.get("summary");
    assertThat(summary.get("total_findings").asInt()).isEqualTo(3);
    assertThat(summary.get("special_category_count").asInt()).isEqualTo(2);
    assertThat(summary.get("special_category_findings").asInt()).isEqualTo(3);
    assertThat(summary.get("distinct_categories").asInt()).isEqualTo(2);
    assertThat(summary.get("distinct_locations").asInt()).isEqualTo(3);
    assertThat(violations(GdprPersonalDataClassifier.OUTPUT, content)).isEmpty();
  }

  @Test
  void writesContentThatFollowsTheGdprPersonalDataSchema() {
    ObjectNode content = classify("email", "health", "criminal", "shoe_size");

    assertThat(violations(GdprPersonalDataClassifier.OUTPUT, content)).isEmpty();
    assertThat(content.at("/analysis_metadata/ruleset").asText())
        .isEqualTo("local/gdpr_personal_data_classification/1.0.0");
  }

  @Test
  void streamsEveryInputInOrder() {
    ObjectNode content =
        run(
            classifier,
            noProperties(),
            input(GdprPersonalDataClassifier.INPUT, "files", List.of(finding("category", "email"))),
            input(GdprPersonalDataClassifier.INPUT, "db", List.of(finding("category", "iban"))));

    assertThat(content.get("findings"))
        .extracting(finding -> finding.get("category").asText())
        .containsExactly("email", "iban");
  }

  @Test
  void mergesTheSameLocationAndCategoryFromSeveralInputsIntoOneFinding() {
    ObjectNode fromFiles = finding("category", "email");
    ObjectNode fromExports = finding("category", "email");
    fromExports.with("location").put("source", "crm_export").put("line", 3);
    fromExports
        .withArray("detectors")
        .addObject()
        .put("rule", "email_address")
        .put("kind", "value")
        .put("matches", 4);
    fromExports.withArray("examples").addObject().put("snippet", "j***@e******.c**").put("line", 3);
    ObjectNode elsewhere = finding("category", "email", "lib/other.php");

    ObjectNode content =
        run(
            classifier,
            noProperties(),
            input(GdprPersonalDataClassifier.INPUT, "files", List.of(fromFiles, elsewhere)),
            input(GdprPersonalDataClassifier.INPUT, "exports", List.of(fromExports)));

    assertThat(content.get("findings")).hasSize(2);
    JsonNode merged = content.at("/findings/0");
    assertThat(merged.get("id").asText()).isEqualTo(fromFiles.get("id").asText());
    assertThat(merged.at("/location/source").asText()).isEqualTo("web_files");
    assertThat(merged.at("/location/line").asInt()).isEqualTo(3);
    assertThat(merged.get("detectors")).hasSize(2);
    assertThat(merged.get("matches").asInt())
        .as("the same place read twice counts once")
        .isEqualTo(6);
    assertThat(merged.get("examples")).hasSize(2);
    assertThat(content.at("/summary/merged_findings").asInt()).isEqualTo(1);
    assertThat(content.at("/summary/distinct_locations").asInt()).isEqualTo(2);
    assertThat(content.at("/summary/by_gdpr_category/contact_data").asInt()).isEqualTo(2);
    assertThat(violations(GdprPersonalDataClassifier.OUTPUT, content)).isEmpty();
  }

  @Test
  void mergesRepeatedIdsWithinOneInputAsAPassThroughConcatenatesThem() {
    ObjectNode content =
        run(
            classifier,
            noProperties(),
            input(
                GdprPersonalDataClassifier.INPUT,
                "all_personal_data",
                List.of(
                    finding("category", "health", "app/patients.py"),
                    finding("category", "health", "app/patients.py"))));

    assertThat(content.get("findings")).hasSize(1);
    assertThat(content.at("/findings/0/matches").asInt()).isEqualTo(2);
    assertThat(content.at("/summary/special_category_count").asInt()).isEqualTo(1);
    assertThat(content.at("/summary/merged_findings").asInt()).isEqualTo(1);
  }

  @Test
  void reportsProgressWhileClassifyingManyFindings() {
    List<ObjectNode> findings =
        java.util.stream.IntStream.range(0, 1200)
            .mapToObj(i -> finding("category", i % 2 == 0 ? "email" : "iban", "f" + i + ".txt"))
            .toList();
    var context = ClassifierHarness.context(java.nio.file.Path.of("."));

    ObjectNode content =
        run(
            classifier,
            noProperties(),
            context,
            input(GdprPersonalDataClassifier.INPUT, "pd", findings));

    assertThat(content.at("/summary/total_findings").asInt()).isEqualTo(1200);
    assertThat(context.heartbeats()).containsExactly(500L, 1000L);
  }

  @Test
  void refusesAFindingWithoutACategoryNamingTheArtifactAndInput() {
    ObjectNode finding = finding("category", "email");
    finding.remove("category");

    assertThatThrownBy(
            () ->
                run(
                    classifier,
                    noProperties(),
                    input(GdprPersonalDataClassifier.INPUT, "pd", List.of(finding))))
        .isInstanceOf(WctException.class)
        .hasMessage("classified: finding 0 of input 'pd' has no 'category' to classify");
  }

  @Test
  void refusesARulesetPropertyThatIsNotAString() {
    ObjectNode properties = noProperties();
    properties.putArray("ruleset");

    assertThatThrownBy(
            () ->
                run(
                    classifier,
                    properties,
                    input(GdprPersonalDataClassifier.INPUT, "pd", List.of())))
        .isInstanceOf(WctException.class)
        .hasMessage("classified: property 'ruleset' must be a string, got a list");
  }

  @Test
  void writesAnEmptyValidResultForNoFindings() {
    ObjectNode content = classify();

    assertThat(content.get("findings")).isEmpty();
    assertThat(content.at("/summary/total_findings").asInt()).isZero();
    assertThat(violations(GdprPersonalDataClassifier.OUTPUT, content)).isEmpty();
  }
}
