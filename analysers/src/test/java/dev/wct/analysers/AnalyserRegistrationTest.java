package dev.wct.analysers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.wct.spi.json.Json;
import dev.wct.spi.Analyser;
import dev.wct.spi.ComponentCatalog;
import dev.wct.spi.RulesetProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class AnalyserRegistrationTest {
  private static final JsonSchemaFactory SCHEMAS =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private static JsonSchema propertiesSchema(String type) {
    Analyser analyser = ComponentCatalog.discover().analyser(type).orElseThrow();
    return SCHEMAS.getSchema(analyser.propertiesSchema());
  }

  private static JsonNode yaml(String json) throws Exception {
    return Json.mapper().readTree(json);
  }

  @Test
  void analysersAndRulesetsAreDiscoveredWithServiceLoader() {
    assertThat(ComponentCatalog.discover().analysers())
        .containsKeys(
            "source_code_analyser", "personal_data", "data_subject", "processing_purpose");
    assertThat(ServiceLoader.load(RulesetProvider.class).findFirst()).isPresent();
  }

  @Test
  void referenceRunbookPropertiesArePlaceholdersIncludedAccepted() throws Exception {
    JsonSchema schema = propertiesSchema("personal_data");

    assertThat(
            schema.validate(
                yaml(
                    "{\"pattern_matching\": {\"ruleset\": \"local/personal_data_indicator/1.0.0\","
                        + " \"evidence_context_size\": \"medium\", \"maximum_evidence_count\": 3}}")))
        .isEmpty();
    assertThat(
            schema.validate(
                yaml(
                    "{\"maximum_evidence_count\": \"${MAX_EVIDENCE}\", \"evidence_redaction\": \"none\"}")))
        .isEmpty();
    assertThat(schema.validate(yaml("{\"maximum_evidence\": 3}"))).isNotEmpty();
    assertThat(schema.validate(yaml("{\"evidence_context_size\": \"huge\"}"))).isNotEmpty();
  }

  @Test
  void everyAnalyserHasAStrictPropertiesSchema() throws Exception {
    for (String type :
        new String[] {
          "source_code_analyser", "personal_data", "data_subject", "processing_purpose"
        }) {
      JsonNode document =
          ComponentCatalog.discover().analyser(type).orElseThrow().propertiesSchema();
      assertThat(document.path("additionalProperties").asBoolean(true)).as(type).isFalse();
      assertThat(propertiesSchema(type).validate(yaml("{}"))).as(type).isEmpty();
      assertThat(propertiesSchema(type).validate(yaml("{\"nonsense\": 1}"))).as(type).isNotEmpty();
    }
  }
}
