package dev.wct.testkit.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.SchemaRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageSchemasTest {
  private final MessageSchemas schemas = MessageSchemas.builtIn();

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static ObjectNode standardInput() {
    return json(
        """
        {"name": "webapp", "source": "filesystem", "metadata": {"files": 1},
         "data": [{"content": "email: jane@example.com",
                   "metadata": {"source": "contact.php", "connector_type": "filesystem",
                                "file_path": "contact.php", "size": 24}}]}
        """);
  }

  private static ObjectNode personalDataIndicator() {
    return json(
        """
        {"findings": [{"id": "pd-1", "category": "email",
                       "matched_patterns": [{"pattern": "email", "match_count": 2}],
                       "evidence": [{"snippet": "j***@example.com",
                                     "location": {"file_path": "contact.php", "line": 3}},
                                    {"snippet": "email: j***@example.com",
                                     "location": {"table": "customers", "column": "email"}}],
                       "metadata": {"value_detector": true}}],
         "summary": {"total_findings": 1, "categories": {"email": 1}},
         "analysis_metadata": {"ruleset": "local/personal_data_indicator/1.0.0"}}
        """);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "standard_input",
        "source_code",
        "personal_data_indicator",
        "data_subject_indicator",
        "processing_purpose_indicator",
        "gdpr_personal_data",
        "gdpr_data_subject",
        "gdpr_processing_purpose"
      })
  void shipsASchemaForEveryBuiltInMessage(String name) {
    JsonNode document = schemas.document(SchemaRef.of(name)).orElseThrow();

    assertThat(document.path("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(document.path("required").toString()).contains(SchemaRef.of(name).itemsField());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "personal_data_indicator",
        "data_subject_indicator",
        "processing_purpose_indicator",
        "gdpr_personal_data",
        "gdpr_data_subject",
        "gdpr_processing_purpose"
      })
  void shipsA2SchemaWhoseFindingsNameTheirLocation(String name) {
    SchemaRef schema = new SchemaRef(name, "2.0.0");
    JsonNode document = schemas.document(schema).orElseThrow();

    assertThat(document.at("/$defs/finding/required").toString())
        .contains("\"id\"", "\"location\"", "\"detectors\"", "\"examples\"", "\"confidence\"");
    assertThat(document.at("/properties/summary/required").toString())
        .contains("distinct_categories", "distinct_locations");
  }

  private static ObjectNode personalDataIndicator2() {
    return json(
        """
        {"findings": [{"id": "cb579111ecbb7ae7", "category": "email",
                       "location": {"source": "shop_db", "system": "mysql://127.0.0.1:3306/crm",
                                    "schema": "crm", "table": "employees", "column": "work_email"},
                       "confidence": "high", "matches": 4,
                       "values_examined": 3, "values_matched": 3,
                       "detectors": [{"rule": "email", "kind": "column_name", "matches": 1},
                                     {"rule": "email_address", "kind": "value", "matches": 3}],
                       "examples": [{"snippet": "work_email"},
                                    {"snippet": "work_email: g***@e******.c**", "line": 1,
                                     "column": 1, "row": 0}]},
                      {"id": "8f46078ae432c508", "category": "bank_account",
                       "location": {"source": "crm_export", "root": "/srv/www/data",
                                    "file_path": "customers.csv", "line": 1, "column": "iban"},
                       "confidence": "high", "matches": 1,
                       "detectors": [{"rule": "iban", "kind": "value", "matches": 1}],
                       "examples": [{"snippet": "G*****************5678", "line": 2,
                                     "column": 40}]}],
         "summary": {"total_findings": 2, "total_matches": 5, "distinct_categories": 2,
                     "distinct_locations": 2,
                     "categories": {"email": {"locations": 1, "matches": 4},
                                    "bank_account": {"locations": 1, "matches": 1}},
                     "by_confidence": {"high": 2, "medium": 0, "low": 0}},
         "coverage": [{"location": {"source": "shop_db", "table": "employees"},
                       "items_examined": 9, "findings": 1}],
         "analysis_metadata": {"ruleset": "local/personal_data_indicator/1.0.0"}}
        """);
  }

  @Test
  void acceptsA2IndicatorWithColumnAndCsvLocationsAndRejectsOneWithoutAPlace() {
    SchemaRef schema = new SchemaRef("personal_data_indicator", "2.0.0");
    assertThat(schemas.validate(schema, personalDataIndicator2())).isEmpty();

    ObjectNode noPlace = personalDataIndicator2();
    ((ObjectNode) noPlace.at("/findings/0/location")).remove("table");
    ObjectNode badKind = personalDataIndicator2();
    ((ObjectNode) badKind.at("/findings/1/detectors/0")).put("kind", "guess");
    ObjectNode oldShape = personalDataIndicator();

    assertThat(schemas.validate(schema, noPlace)).isNotEmpty();
    assertThat(schemas.validate(schema, badKind)).isNotEmpty();
    assertThat(schemas.validate(schema, oldShape)).isNotEmpty();
  }

  @Test
  void acceptsAWellFormedStandardInput() {
    assertThat(schemas.validate(SchemaRef.of("standard_input"), standardInput())).isEmpty();
  }

  @Test
  void acceptsAWellFormedIndicatorWithFileAndTableEvidence() {
    assertThat(schemas.validate(SchemaRef.of("personal_data_indicator"), personalDataIndicator()))
        .isEmpty();
  }

  @Test
  void acceptsAWellFormedSourceCodeMessage() {
    ObjectNode content =
        json(
            """
            {"name": "webapp", "data": [{"file_path": "src/app.py", "language": "python",
              "line_count": 12, "content": "def register(email): ...",
              "functions": [{"name": "register", "line_start": 1}], "classes": [],
              "metadata": {"source": "src/app.py"}}]}
            """);

    assertThat(schemas.validate(SchemaRef.of("source_code"), content)).isEmpty();
  }

  @Test
  void acceptsAConnectorSummaryAfterTheItems() {
    ObjectNode content = standardInput();
    content.putObject("summary").put("files_read", 1);

    assertThat(schemas.validate(SchemaRef.of("standard_input"), content)).isEmpty();
  }

  @Test
  void rejectsAnUnknownTopLevelField() {
    ObjectNode content = standardInput();
    content.put("itmes", 1);

    assertThat(schemas.validate(SchemaRef.of("standard_input"), content))
        .singleElement()
        .asString()
        .contains("itmes");
  }

  @Test
  void reportsAnItemMissingItsConnectorTypeByPath() {
    ObjectNode content = standardInput();
    ((ObjectNode) content.path("data").path(0).path("metadata")).remove("connector_type");

    assertThat(schemas.validate(SchemaRef.of("standard_input"), content))
        .singleElement()
        .asString()
        .contains("$.data[0].metadata")
        .contains("connector_type");
  }

  @Test
  void reportsAMatchCountWrittenAsAString() {
    ObjectNode content = personalDataIndicator();
    ((ObjectNode) content.at("/findings/0/matched_patterns/0")).put("match_count", "2");

    assertThat(schemas.validate(SchemaRef.of("personal_data_indicator"), content))
        .singleElement()
        .asString()
        .contains("$.findings[0].matched_patterns[0].match_count")
        .contains("integer");
  }

  @Test
  void reportsEvidenceThatDoesNotSayWhereItWasFound() {
    ObjectNode content = personalDataIndicator();
    ((ObjectNode) content.at("/findings/0/evidence/0")).set("location", json("{\"line\": 3}"));

    assertThat(schemas.validate(SchemaRef.of("personal_data_indicator"), content))
        .isNotEmpty()
        .allSatisfy(violation -> assertThat(violation).contains("$.findings[0].evidence[0]"));
  }

  @Test
  void reportsAMissingSummary() {
    ObjectNode content = personalDataIndicator();
    content.remove("summary");

    assertThat(schemas.validate(SchemaRef.of("personal_data_indicator"), content))
        .singleElement()
        .asString()
        .contains("summary");
  }

  @Test
  void reportsAConfidenceScoreAboveOneHundred() {
    ObjectNode content = personalDataIndicator();
    ObjectNode finding = (ObjectNode) content.at("/findings/0");
    finding.remove("category");
    finding.put("subject", "customer");
    finding.put("confidence_score", 150);

    assertThat(schemas.validate(SchemaRef.of("data_subject_indicator"), content))
        .singleElement()
        .asString()
        .contains("$.findings[0].confidence_score");
  }

  @Test
  void reportsEveryViolationAtOnce() {
    ObjectNode content = personalDataIndicator();
    ArrayNode findings = (ArrayNode) content.get("findings");
    findings.add(json("{\"id\": \"pd-2\"}"));
    content.remove("analysis_metadata");

    assertThat(schemas.validate(SchemaRef.of("personal_data_indicator"), content))
        .hasSize(4)
        .anySatisfy(violation -> assertThat(violation).contains("analysis_metadata"))
        .anySatisfy(violation -> assertThat(violation).contains("$.findings[1]"));
  }

  @Test
  void validatesOneStreamedItemOnItsOwn() {
    ObjectNode item = (ObjectNode) standardInput().path("data").path(0);

    assertThat(schemas.validateItem(SchemaRef.of("standard_input"), item)).isEmpty();
    ((ObjectNode) item.get("metadata")).remove("source");
    assertThat(schemas.validateItem(SchemaRef.of("standard_input"), item))
        .singleElement()
        .asString()
        .contains("$.metadata")
        .contains("source");
  }

  @Test
  void validatesAStreamedFindingAgainstItsSharedDefinitions() {
    ObjectNode finding = (ObjectNode) personalDataIndicator().at("/findings/0");

    assertThat(schemas.validateItem(SchemaRef.of("personal_data_indicator"), finding)).isEmpty();
    ((ObjectNode) finding.at("/evidence/0")).remove("snippet");
    assertThat(schemas.validateItem(SchemaRef.of("personal_data_indicator"), finding))
        .singleElement()
        .asString()
        .contains("$.evidence[0]")
        .contains("snippet");
  }

  @Test
  void rejectsAnUnknownSchemaAsAUserError() {
    assertThat(schemas.isKnown(SchemaRef.of("no_such_message"))).isFalse();
    assertThatThrownBy(() -> schemas.validate(SchemaRef.of("no_such_message"), json("{}")))
        .isInstanceOf(WctException.class)
        .hasMessageContaining("no_such_message/1.0.0")
        .extracting(e -> ((WctException) e).kind())
        .isEqualTo(ErrorKind.USER);
  }
}
