package dev.wct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.spi.json.Json;
import org.junit.jupiter.api.Test;

/** {@code wct components} and {@code wct rulesets}. */
class CatalogCommandsTest {
  @Test
  void componentsListsConnectorsAndAnalysersWithSchemasAndPropertyDocs() {
    CliRun run = CliRun.of("components");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith(
            "Connectors\n"
                + "  test_source: Test connector that produces a few fixed text items.\n"
                + "    produces: standard_input/1.0.0\n"
                + "    properties:\n"
                + "      path    string, required: Where the items come from.\n"
                + "      items   integer, default 1: How many items to write.\n")
        .contains(
            "  test_personal_data: Test analyser that reports every item as a finding.\n"
                + "    accepts:  standard_input/1.0.0 | source_code/1.0.0\n"
                + "    produces: personal_data_indicator/1.0.0 (default),"
                + " data_subject_indicator/1.0.0\n",
            "  test_classifier: Test analyser from personal_data_indicator/1.0.0 to"
                + " gdpr_personal_data/1.0.0.\n"
                + "    accepts:  personal_data_indicator/1.0.0\n"
                + "    produces: gdpr_personal_data/1.0.0\n"
                + "    properties: none\n");
  }

  @Test
  void componentsJsonCarriesTheSameFacts() throws Exception {
    CliRun run = CliRun.of("components", "--json");

    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(run.exitCode()).isZero();
    assertThat(json.at("/connectors/0/type").asText()).isEqualTo("test_source");
    assertThat(json.at("/connectors/0/properties/0/name").asText()).isEqualTo("path");
    assertThat(json.at("/connectors/0/properties/0/required").asBoolean()).isTrue();
    assertThat(json.at("/analysers/1/type").asText()).isEqualTo("test_personal_data");
    assertThat(json.at("/analysers/1/accepts/1/0").asText()).isEqualTo("source_code/1.0.0");
  }

  @Test
  void rulesetsListsReferenceRulesUsersAndCategories() {
    CliRun run = CliRun.of("rulesets");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "local/test_rules/1.0.0: Rules for tests.\n"
                + "    2 rules; used by test_personal_data\n"
                + "    categories: email, phone\n");
  }

  @Test
  void rulesetsJsonIsTheDescriptors() throws Exception {
    CliRun run = CliRun.of("rulesets", "--json");

    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.at("/0/reference").asText()).isEqualTo("local/test_rules/1.0.0");
    assertThat(json.at("/0/ruleCount").asInt()).isEqualTo(2);
  }
}
