package dev.wct.analysers.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wct.spi.RulesetDescriptor;
import dev.wct.spi.error.WctException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RulesetLoaderTest {
  @TempDir Path dir;

  private Ruleset loadFile(String yaml) throws Exception {
    Files.writeString(dir.resolve("custom.yaml"), yaml);
    return RulesetLoader.load(
        "file:custom.yaml", dir, "personal_data_indicator", KnownDetectors.NAMES);
  }

  @Test
  void shippedRulesetsLoadAndAreListedByTheProvider() {
    List<RulesetDescriptor> rulesets = new ShippedRulesets().rulesets();

    assertThat(rulesets)
        .extracting(RulesetDescriptor::reference)
        .containsExactly(
            "local/data_subject_indicator/1.0.0",
            "local/data_subject_indicator/1.1.0",
            "local/personal_data_indicator/1.0.0",
            "local/personal_data_indicator/1.1.0",
            "local/personal_data_indicator/1.2.0",
            "local/personal_data_indicator/1.3.0",
            "local/personal_data_indicator/1.4.0",
            "local/processing_purpose_indicator/1.0.0",
            "local/processing_purpose_indicator/1.1.0");
    assertThat(rulesets.get(2).categories())
        .contains("email", "health", "biometric", "national_id", "online_identifier");
    assertThat(rulesets.get(3).categories())
        .contains("email", "health", "biometric", "national_id", "online_identifier");
    assertThat(rulesets.get(4).categories())
        .contains("employment", "location", "purchase_history", "session_id", "health");
    assertThat(rulesets.get(5).categories()).isEqualTo(rulesets.get(4).categories());
    assertThat(rulesets.get(6).categories()).isEqualTo(rulesets.get(5).categories());
    assertThat(rulesets.get(0).categories())
        .contains("customer", "employee", "patient", "child", "student");
    assertThat(rulesets.get(1).categories()).isEqualTo(rulesets.get(0).categories());
    assertThat(rulesets.get(7).categories())
        .contains("analytics", "payments", "authentication", "ai_ml");
  }

  @Test
  void personalDataOneFourBindsDocumentNumbersAndOneThreeDoesNot() {
    Ruleset current =
        RulesetLoader.load(
            "local/personal_data_indicator/1.4.0",
            dir,
            "personal_data_indicator",
            KnownDetectors.NAMES);
    Ruleset previous =
        RulesetLoader.load(
            "local/personal_data_indicator/1.3.0",
            dir,
            "personal_data_indicator",
            KnownDetectors.NAMES);
    assertThat(current.detectors())
        .extracting(DetectorBinding::detector, DetectorBinding::category)
        .contains(org.assertj.core.groups.Tuple.tuple("document_number", "government_id"));
    assertThat(previous.detectors())
        .extracting(DetectorBinding::detector)
        .doesNotContain("document_number");
    // 1.4.0's one new rule, a job title column of a table of employees; 1.3.0's rules unchanged
    assertThat(current.rules())
        .filteredOn(rule -> !rule.name().equals("job_title_column"))
        .isEqualTo(previous.rules());
    Rule titles =
        current.rules().stream()
            .filter(rule -> rule.name().equals("job_title_column"))
            .findFirst()
            .orElseThrow();
    assertThat(titles.category()).isEqualTo("employment");
    assertThat(titles.context().person()).isEqualTo(Rule.Person.LINKED);
    assertThat(titles.context().tables()).contains("employees", "titles").doesNotContain("film");
    assertThat(titles.context().columnsOnly()).isTrue();
  }

  @Test
  void personalDataOneOneBindsTheNationalIdentifiersAndOneZeroStillLoads() {
    Ruleset current =
        RulesetLoader.load(
            "local/personal_data_indicator/1.1.0",
            dir,
            "personal_data_indicator",
            KnownDetectors.NAMES);
    Ruleset previous =
        RulesetLoader.load(
            "local/personal_data_indicator/1.0.0",
            dir,
            "personal_data_indicator",
            KnownDetectors.NAMES);

    assertThat(current.detectors())
        .filteredOn(binding -> binding.category().equals("national_id"))
        .extracting(DetectorBinding::detector)
        .containsExactlyInAnyOrder(
            "us_ssn",
            "uk_nino",
            "uk_nhs_number",
            "de_tax_id",
            "fr_nir",
            "es_dni",
            "es_nie",
            "it_codice_fiscale",
            "nl_bsn",
            "pl_pesel",
            "se_personnummer",
            "be_national_number");
    assertThat(previous.detectors()).extracting(DetectorBinding::detector).hasSize(9);
  }

  @Test
  void loadedRulesetsAreCached() {
    Ruleset first =
        RulesetLoader.load(
            "local/personal_data_indicator/1.0.0",
            dir,
            "personal_data_indicator",
            KnownDetectors.NAMES);
    Ruleset second =
        RulesetLoader.load(
            "local/personal_data_indicator/1.0.0",
            dir,
            "personal_data_indicator",
            KnownDetectors.NAMES);

    assertThat(second).isSameAs(first);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "name: personal_data_indicator\\nversion: 1.0.0\\nrules:\\n  - name: a\\n    category: b\\n    keywords: []"
            + "| rules[0] ('a'): 'keywords' must be a non-empty list of strings",
        "name: personal_data_indicator\\nversion: 1.0.0\\nrules:\\n  - name: a\\n    keywords: [x]"
            + "| rules[0] ('a'): 'category' is required",
        "name: personal_data_indicator\\nversion: 1.0.0\\nrules:\\n  - name: a\\n    category: Bad Category\\n    keywords: [x]"
            + "| rules[0] ('a'): category 'Bad Category' must match [a-z][a-z0-9_]*",
        "name: personal_data_indicator\\nversion: 1.0.0\\nrules:\\n  - name: a\\n    category: b\\n    keywords: [x]\\n    weigth: 3"
            + "| rules[0] ('a'): unknown key 'weigth'",
        "name: personal_data_indicator\\nversion: 1.0.0\\nrules:\\n  - name: a\\n    category: b\\n    keywords: [x]\\n    weight: 300"
            + "| rules[0] ('a'): 'weight' must be an integer from 1 to 100",
        "name: personal_data_indicator\\nversion: 1.0.0\\nrules:\\n  - {name: a, category: b, keywords: [x]}\\n  - {name: a, category: c, keywords: [y]}"
            + "| rules[1] ('a'): duplicate rule name",
        "name: personal_data_indicator\\nversion: one\\nrules: []| version 'one' must be MAJOR.MINOR.PATCH",
        "name: personal_data_indicator\\nversion: 1.0.0\\nrules:\\n  - {name: a, category: b, keywords: [x]}\\ndetectors:\\n  - {detector: dna, category: b}"
            + "| detectors[0]: unknown detector 'dna'",
        "name: personal_data_indicator\\nversion: 1.0.0\\nrules:\\n  - {name: a, category: b, keywords: [x], context: {person: somebody}}\\nperson_context: {words: [user], categories: [name]}"
            + "| rules[0] ('a'): context: 'person' must be any, linked or table, got 'somebody'",
        "name: personal_data_indicator\\nversion: 1.0.0\\nrules:\\n  - {name: a, category: b, keywords: [x], context: {tabels: [orders]}}"
            + "| rules[0] ('a'): context: unknown key 'tabels'",
        "name: personal_data_indicator\\nversion: 1.0.0\\nrules:\\n  - {name: a, category: b, keywords: [x], context: {person: linked}}"
            + "| rule 'a' needs a person in its table, but the ruleset has no person_context words",
        "rules: [| unreadable ruleset"
      })
  void invalidRulesetIsAUserErrorNamingFileAndRule(String yaml, String message) {
    assertThatThrownBy(() -> loadFile(yaml.replace("\\n", "\n")))
        .isInstanceOf(WctException.class)
        .hasMessageStartingWith(dir.resolve("custom.yaml").toString())
        .hasMessageContaining(message);
  }

  @Test
  void rulesetOfAnotherKindIsRefused() {
    assertThatThrownBy(
            () ->
                RulesetLoader.load(
                    "local/data_subject_indicator/1.0.0",
                    dir,
                    "personal_data_indicator",
                    KnownDetectors.NAMES))
        .isInstanceOf(WctException.class)
        .hasMessage(
            "ruleset 'local/data_subject_indicator/1.0.0' is a data_subject_indicator ruleset, but a personal_data_indicator ruleset is needed");
  }

  @Test
  void missingFileAndMalformedReferenceAreUserErrors() {
    assertThatThrownBy(
            () ->
                RulesetLoader.load(
                    "file:nope.yaml", dir, "personal_data_indicator", KnownDetectors.NAMES))
        .isInstanceOf(WctException.class)
        .hasMessageContaining("no such file");
    assertThatThrownBy(
            () ->
                RulesetLoader.load(
                    "personal_data_indicator",
                    dir,
                    "personal_data_indicator",
                    KnownDetectors.NAMES))
        .isInstanceOf(WctException.class)
        .hasMessageContaining("expected local/<name>/<version>");
  }

  @Test
  void editedFileRulesetIsReloaded() throws Exception {
    Ruleset first =
        loadFile(
            "name: personal_data_indicator\nversion: 1.0.0\nrules:\n  - {name: a, category: b, keywords: [x]}\n");
    Ruleset second =
        loadFile(
            "name: personal_data_indicator\nversion: 1.0.1\nrules:\n  - {name: a, category: b, keywords: [x, yy]}\n");

    assertThat(first.version()).isEqualTo("1.0.0");
    assertThat(second.version()).isEqualTo("1.0.1");
  }
}
