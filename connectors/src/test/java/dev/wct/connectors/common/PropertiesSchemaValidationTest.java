package dev.wct.connectors.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.wct.spi.json.Json;
import dev.wct.spi.Connector;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The property schemas as the planner uses them: real draft 2020-12 validation. */
class PropertiesSchemaValidationTest {
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private static Map<String, Connector> connectors() {
    Map<String, Connector> byType = new TreeMap<>();
    ServiceLoader.load(Connector.class).forEach(c -> byType.put(c.type(), c));
    return byType;
  }

  private static Set<ValidationMessage> validate(String type, String yamlishJson) throws Exception {
    JsonSchema schema = FACTORY.getSchema(connectors().get(type).propertiesSchema());
    return schema.validate(Json.mapper().readTree(yamlishJson));
  }

  @Test
  void allFourConnectorsAreDiscoveredWithServiceLoader() {
    assertThat(connectors()).containsOnlyKeys("filesystem", "sqlite", "mysql", "postgresql");
    connectors()
        .values()
        .forEach(
            connector -> {
              assertThat(connector.description()).isNotBlank();
              assertThat(connector.outputSchemas()).containsExactly(StandardInput.SCHEMA);
              JsonNode schema = connector.propertiesSchema();
              assertThat(schema.path("$schema").asText()).contains("2020-12");
              assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
            });
  }

  @Test
  void portAcceptsAnIntegerOrAPlaceholderButNotOtherText() throws Exception {
    assertThat(validate("mysql", "{\"host\":\"db\",\"user\":\"u\",\"port\":3307}")).isEmpty();
    assertThat(validate("mysql", "{\"host\":\"db\",\"user\":\"u\",\"port\":\"${DB_PORT}\"}"))
        .isEmpty();
    assertThat(
            validate(
                "postgresql", "{\"host\":\"db\",\"user\":\"u\",\"port\":\"${DB_PORT:-5432}\"}"))
        .isEmpty();
    assertThat(validate("mysql", "{\"host\":\"db\",\"user\":\"u\",\"port\":\"abc\"}")).isNotEmpty();
    assertThat(validate("mysql", "{\"host\":\"db\",\"user\":\"u\",\"port\":0}")).isNotEmpty();
  }

  @Test
  void missingRequiredAndUnknownPropertiesAreRejected() throws Exception {
    assertThat(validate("mysql", "{\"host\":\"db\"}"))
        .extracting(ValidationMessage::getMessage)
        .anyMatch(message -> message.contains("user"));
    assertThat(validate("sqlite", "{\"database_path\":\"a.db\",\"max_row\":3}"))
        .extracting(ValidationMessage::getMessage)
        .anyMatch(message -> message.contains("max_row"));
    assertThat(validate("filesystem", "{}")).isNotEmpty();
  }

  @Test
  void aFullFilesystemConfigurationIsValid() throws Exception {
    assertThat(
            validate(
                "filesystem",
                "{\"path\":\"./webapp\",\"include_patterns\":[\"*.php\",\"*.js\"],"
                    + "\"exclude_patterns\":[\"vendor\"],\"max_files\":\"${MAX}\","
                    + "\"max_file_size\":1024,\"encoding\":\"latin-1\",\"errors\":\"replace\"}"))
        .isEmpty();
    assertThat(validate("filesystem", "{\"path\":\"x\",\"errors\":\"ignore\"}")).isNotEmpty();
  }

  @Test
  void postgresqlSchemasIsAListOfNames() throws Exception {
    assertThat(
            validate(
                "postgresql",
                "{\"host\":\"db\",\"user\":\"u\",\"password\":\"${PW}\",\"database\":\"crm\","
                    + "\"schemas\":[\"public\",\"sales\"],\"max_rows_per_table\":50,"
                    + "\"connect_timeout\":5,\"include_tables\":[\"customers\"]}"))
        .isEmpty();
    assertThat(validate("postgresql", "{\"host\":\"db\",\"user\":\"u\",\"schemas\":\"public\"}"))
        .isNotEmpty();
  }
}
