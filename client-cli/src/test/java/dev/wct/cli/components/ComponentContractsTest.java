package dev.wct.cli.components;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.wct.spi.Component;
import dev.wct.spi.ComponentCatalog;
import dev.wct.spi.json.Json;
import dev.wct.spi.properties.PropertiesExample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every shipped component's property contract promises, checked over the catalog. */
class ComponentContractsTest {
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private static List<Component> components() {
    ComponentCatalog catalog = ComponentCatalog.discover();
    List<Component> all = new ArrayList<>(catalog.connectors().values());
    all.addAll(catalog.analysers().values());
    return all;
  }

  @Test
  void everyShippedComponentIsHereWithExamples() {
    assertThat(components())
        .extracting(Component::type)
        .contains(
            "filesystem",
            "sqlite",
            "mysql",
            "postgresql",
            "source_code_analyser",
            "personal_data",
            "data_subject",
            "processing_purpose",
            "gdpr_personal_data_classifier",
            "gdpr_data_subject_classifier",
            "gdpr_processing_purpose_classifier");
    assertThat(components()).allSatisfy(c -> assertThat(c.examples()).as(c.type()).isNotEmpty());
  }

  @Test
  void everyExampleFitsItsComponentsOwnSchema() {
    for (Component component : components()) {
      JsonSchema schema = FACTORY.getSchema(component.propertiesSchema());
      for (PropertiesExample example : component.examples()) {
        assertThat(schema.validate(example.properties()))
            .as("%s example '%s'", component.type(), example.description())
            .isEmpty();
      }
    }
  }

  @Test
  void aRulesetMayBeAPlaceholderForEveryComponentThatTakesOne() throws Exception {
    JsonNode placeholder = Json.mapper().readTree("{\"ruleset\": \"${RULESET}\"}");
    JsonNode wrong = Json.mapper().readTree("{\"ruleset\": \"rules.yaml\"}");
    List<String> withRuleset = new ArrayList<>();
    for (Component component : components()) {
      if (!component.propertiesSchema().path("properties").has("ruleset")) {
        continue;
      }
      withRuleset.add(component.type());
      JsonSchema schema = FACTORY.getSchema(component.propertiesSchema());
      assertThat(schema.validate(placeholder)).as(component.type()).isEmpty();
      assertThat(schema.validate(wrong)).as(component.type()).hasSize(1);
    }
    assertThat(withRuleset).hasSize(6);
  }

  @Test
  void everyDefaultFitsItsOwnSchema() {
    for (Component component : components()) {
      JsonSchema schema = FACTORY.getSchema(component.propertiesSchema());
      component
          .propertiesSchema()
          .path("properties")
          .properties()
          .forEach(
              property -> {
                JsonNode value = property.getValue().get("default");
                if (value != null) {
                  assertThat(
                          schema.validate(
                              Json.mapper().createObjectNode().set(property.getKey(), value)))
                      .as("%s default of %s", component.type(), property.getKey())
                      .noneMatch(
                          m -> m.getInstanceLocation().toString().contains(property.getKey()));
                }
              });
    }
  }
}
