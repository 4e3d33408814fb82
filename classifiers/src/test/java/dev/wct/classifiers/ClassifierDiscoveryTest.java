package dev.wct.classifiers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.wct.spi.Analyser;
import dev.wct.spi.ComponentCatalog;
import dev.wct.spi.RulesetDescriptor;
import dev.wct.spi.RulesetProvider;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.SchemaRef;
import dev.wct.testkit.messages.MessageSchemas;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ClassifierDiscoveryTest {
  private final ComponentCatalog catalog = ComponentCatalog.discover();

  private static List<String> violations(JsonNode schema, String properties) throws Exception {
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(schema)
        .validate(Json.mapper().readTree(properties))
        .stream()
        .map(Object::toString)
        .toList();
  }

  @Test
  void registersTheThreeClassifiersUnderTheirRunbookTypes() {
    assertThat(catalog.analysers().keySet())
        .contains(
            "gdpr_personal_data_classifier",
            "gdpr_data_subject_classifier",
            "gdpr_processing_purpose_classifier");
  }

  @Test
  void acceptsOnlyTheMatchingIndicatorAndProducesASchemaThatShips() {
    Analyser classifier = catalog.analyser("gdpr_personal_data_classifier").orElseThrow();

    assertThat(classifier.accepts(List.of(SchemaRef.parse("personal_data_indicator/2.0.0"))))
        .isTrue();
    assertThat(classifier.accepts(List.of(SchemaRef.of("data_subject_indicator")))).isFalse();
    assertThat(classifier.accepts(List.of(SchemaRef.of("standard_input")))).isFalse();
    assertThat(catalog.analysers().values())
        .filteredOn(analyser -> analyser.type().startsWith("gdpr_"))
        .allSatisfy(
            analyser ->
                assertThat(MessageSchemas.builtIn().isKnown(analyser.outputSchemas().get(0)))
                    .isTrue());
  }

  @Test
  void propertiesSchemaAcceptsRulesetReferencesAndRejectsAnythingElse() throws Exception {
    JsonNode schema =
        catalog.analyser("gdpr_processing_purpose_classifier").orElseThrow().propertiesSchema();

    assertThat(violations(schema, "{}")).isEmpty();
    assertThat(
            violations(
                schema, "{\"ruleset\": \"local/gdpr_processing_purpose_classification/1.0.0\"}"))
        .isEmpty();
    assertThat(violations(schema, "{\"ruleset\": \"file:./rules/mine.yaml\"}")).isEmpty();
    assertThat(violations(schema, "{\"ruleset\": \"gdpr_processing_purpose_classification\"}"))
        .singleElement()
        .asString()
        .contains("ruleset");
    assertThat(violations(schema, "{\"rulset\": \"local/x/1.0.0\"}"))
        .singleElement()
        .asString()
        .contains("rulset");
  }

  @Test
  void listsEveryShippedRulesetWithItsCategories() {
    List<RulesetDescriptor> rulesets =
        ServiceLoader.load(RulesetProvider.class).stream()
            .flatMap(provider -> provider.get().rulesets().stream())
            .toList();

    assertThat(rulesets)
        .extracting(RulesetDescriptor::reference)
        .contains(
            "local/gdpr_personal_data_classification/1.0.0",
            "local/gdpr_data_subject_classification/1.0.0",
            "local/gdpr_processing_purpose_classification/1.0.0");
    RulesetDescriptor personalData =
        rulesets.stream()
            .filter(ruleset -> ruleset.usedBy().contains("gdpr_personal_data_classifier"))
            .findFirst()
            .orElseThrow();
    assertThat(personalData.categories())
        .contains("contact_data", "health_data", "criminal_offence_data")
        .isSorted();
    assertThat(personalData.ruleCount()).isEqualTo(19);
  }
}
