package dev.wct.classifiers.ruleset;

import static dev.wct.classifiers.ClassifierHarness.context;
import static dev.wct.classifiers.ClassifierHarness.finding;
import static dev.wct.classifiers.ClassifierHarness.input;
import static dev.wct.classifiers.ClassifierHarness.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.classifiers.datasubject.DataSubjectClassificationRuleset;
import dev.wct.classifiers.personaldata.GdprPersonalDataClassifier;
import dev.wct.classifiers.personaldata.PersonalDataClassificationRuleset;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.spi.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesetLoaderTest {
  private final RulesetLoader loader = new RulesetLoader();
  @TempDir Path workingDirectory;

  private Path write(String name, String yaml) throws IOException {
    Path file = workingDirectory.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, yaml);
  }

  private PersonalDataClassificationRuleset loadPersonalData(String reference) {
    return loader.load(
        RulesetReference.parse(reference),
        GdprPersonalDataClassifier.RULESET,
        PersonalDataClassificationRuleset.class,
        workingDirectory);
  }

  private static final String CUSTOM =
      """
      name: acme_classification
      version: 2.0.0
      description: Loyalty card numbers are financial data
      rules:
        - gdpr_category: loyalty_data
          description: Loyalty programme identifiers
          matches: [loyalty_card]
          article_references: ["Art. 4(1)"]
      """;

  @Test
  void runsWithARulesetFileRelativeToTheWorkingDirectory() throws IOException {
    write("rules/custom.yaml", CUSTOM);
    ObjectNode properties =
        Json.mapper().createObjectNode().put("ruleset", "file:rules/custom.yaml");

    ObjectNode content =
        run(
            new GdprPersonalDataClassifier(),
            properties,
            context(workingDirectory),
            input(
                GdprPersonalDataClassifier.INPUT,
                "pd",
                List.of(finding("category", "loyalty_card"), finding("category", "email"))));

    assertThat(content.at("/findings/0/gdpr_category").asText()).isEqualTo("loyalty_data");
    assertThat(content.at("/findings/1/gdpr_category").asText()).isEqualTo("unclassified");
    assertThat(content.at("/analysis_metadata/ruleset").asText())
        .isEqualTo("file:rules/custom.yaml");
    assertThat(content.at("/analysis_metadata/ruleset_version").asText()).isEqualTo("2.0.0");
  }

  @Test
  void reportsAnUnknownKeyWithLineColumnAndTheKnownKeys() throws IOException {
    write("bad.yaml", CUSTOM.replace("matches:", "matchs:"));

    assertThatThrownBy(() -> loadPersonalData("file:bad.yaml"))
        .isInstanceOf(WctException.class)
        .hasMessageStartingWith(workingDirectory.resolve("bad.yaml") + ": rules[0]: ")
        .hasMessageContaining("unknown key 'matchs' (did you mean 'matches'?)")
        .hasMessageContaining("matches")
        .hasMessageNotContaining("\n");
  }

  @Test
  void reportsAMissingRequiredKeyByItsPath() throws IOException {
    write("bad.yaml", CUSTOM.replace("    description: Loyalty programme identifiers\n", ""));

    assertThatThrownBy(() -> loadPersonalData("file:bad.yaml"))
        .hasMessageContaining("rules[0]")
        .hasMessageContaining("missing required key 'description'");
  }

  @Test
  void rejectsTwoRulesMatchingTheSameCategory() throws IOException {
    write(
        "dup.yaml",
        CUSTOM
            + """
              - gdpr_category: contact_data
                description: Contact
                matches: [Loyalty-Card]
                article_references: ["Art. 4(1)"]
            """);

    assertThatThrownBy(() -> loadPersonalData("file:dup.yaml"))
        .hasMessageContaining("rules[1].matches: 'Loyalty-Card' is already matched by rules[0]");
  }

  @Test
  void rejectsASpecialCategoryThatDoesNotCiteArticle9() throws IOException {
    write("special.yaml", CUSTOM.replace("matches:", "special_category: true\n    matches:"));

    assertThatThrownBy(() -> loadPersonalData("file:special.yaml"))
        .hasMessageContaining("rules[0]: a special category must cite Art. 9(1)");
  }

  @Test
  void rejectsARuleNamingAnUndefinedRiskModifier() throws IOException {
    write(
        "subjects.yaml",
        """
        name: custom_subjects
        version: 1.0.0
        description: test
        risk_modifiers:
          children: {description: kids, risk_level: high, article_references: ["Art. 8"]}
        rules:
          - gdpr_subject_category: pupils
            description: school pupils
            matches: [pupil]
            lawful_bases: [public_task]
            risk_modifiers: [childs]
            article_references: ["Art. 8"]
        """);

    assertThatThrownBy(
            () ->
                loader.load(
                    RulesetReference.parse("file:subjects.yaml"),
                    "gdpr_data_subject_classification",
                    DataSubjectClassificationRuleset.class,
                    workingDirectory))
        .hasMessageContaining("rules[0].risk_modifiers[0]: unknown risk modifier 'childs'")
        .hasMessageContaining("(defined: children)");
  }

  @Test
  void rejectsAnUnknownLawfulBasisListingTheSix() throws IOException {
    write(
        "subjects.yaml",
        """
        name: custom_subjects
        version: 1.0.0
        description: test
        rules:
          - gdpr_subject_category: pupils
            description: school pupils
            matches: [pupil]
            lawful_bases: [because_we_can]
            article_references: ["Art. 8"]
        """);

    assertThatThrownBy(
            () ->
                loader.load(
                    RulesetReference.parse("file:subjects.yaml"),
                    "gdpr_data_subject_classification",
                    DataSubjectClassificationRuleset.class,
                    workingDirectory))
        .hasMessageContaining("subjects.yaml:8:")
        .hasMessageContaining("unknown lawful basis 'because_we_can'")
        .hasMessageContaining("legitimate_interests");
  }

  @Test
  void namesAMissingRulesetFileAsAUserError() {
    assertThatThrownBy(() -> loadPersonalData("file:nowhere.yaml"))
        .isInstanceOf(WctException.class)
        .hasMessage("ruleset file not found: " + workingDirectory.resolve("nowhere.yaml"))
        .extracting(e -> ((WctException) e).kind())
        .isEqualTo(ErrorKind.USER);
  }

  @Test
  void refusesAShippedRulesetMeantForAnotherClassifier() {
    assertThatThrownBy(() -> loadPersonalData("local/gdpr_data_subject_classification/1.0.0"))
        .hasMessage(
            "ruleset 'local/gdpr_data_subject_classification/1.0.0' is not a"
                + " gdpr_personal_data_classification ruleset");
  }

  @Test
  void namesAnUnknownShippedVersion() {
    assertThatThrownBy(() -> loadPersonalData("local/gdpr_personal_data_classification/9.9.9"))
        .hasMessageContaining("unknown ruleset 'local/gdpr_personal_data_classification/9.9.9'");
  }

  @Test
  void refusesAReferenceInNeitherForm() {
    assertThatThrownBy(() -> RulesetReference.parse("gdpr_personal_data_classification"))
        .hasMessage(
            "ruleset 'gdpr_personal_data_classification' must be local/<name>/<version> or"
                + " file:<path>");
  }

  @Test
  void normalisesCaseAndPunctuationOfIndicatorValues() {
    assertThat(RuleIndex.normalise(" Date of Birth ")).isEqualTo("date_of_birth");
    assertThat(RuleIndex.normalise("E-Mail")).isEqualTo("e_mail");
  }
}
