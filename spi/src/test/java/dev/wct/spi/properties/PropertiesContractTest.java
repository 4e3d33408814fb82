package dev.wct.spi.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.spi.json.Json;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PropertiesContractTest {
  enum Mode {
    STRICT,
    REPLACE
  }

  record Group(
      @Property(description = "Rules.", pattern = Formats.RULESET, format = Formats.RULESET_FORMAT)
          String ruleset,
      @Property(description = "Cap.", defaultValue = "3", minimum = 0, maximum = 1000)
          int maximumEvidenceCount) {}

  record Sample(
      @Property(description = "Host.", required = true) String host,
      @Property(description = "Port.", defaultValue = "3306", minimum = 1) int port,
      @Property(description = "Password.", secret = true) Optional<String> password,
      @Property(description = "Mode.", defaultValue = "strict") Mode errors,
      @Property(description = "Tables.") List<String> tables,
      @Property(description = "Copy.", defaultValue = "true") boolean includeContent,
      @Property(description = "Grouped.", flatten = true, alsoUnder = "pattern_matching")
          Group matching) {}

  private static final PropertiesContract<Sample> CONTRACT =
      PropertiesContract.of(Sample.class).withDefault("ruleset", "local/x/1.0.0");

  private static Sample bind(String json) throws Exception {
    return CONTRACT.bind("mysql", Json.mapper().readTree(json));
  }

  @Test
  void schemaHasTypesDefaultsBoundsAndMarkedPlaceholderAlternatives() {
    JsonNode schema = CONTRACT.schema();

    assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
    assertThat(schema.path("required").toString()).isEqualTo("[\"host\"]");
    JsonNode port = schema.at("/properties/port");
    assertThat(port.path("default").asInt()).isEqualTo(3306);
    assertThat(port.at("/anyOf/0/minimum").asInt()).isEqualTo(1);
    assertThat(port.at("/anyOf/1/x-wct-placeholder").asBoolean()).isTrue();
    assertThat(schema.at("/properties/host/type").asText()).isEqualTo("string");
    assertThat(schema.at("/properties/password/writeOnly").asBoolean()).isTrue();
    assertThat(schema.at("/properties/errors/anyOf/0/enum").toString())
        .isEqualTo("[\"strict\",\"replace\"]");
    assertThat(schema.at("/properties/ruleset/default").asText()).isEqualTo("local/x/1.0.0");
    assertThat(schema.at("/properties/ruleset/x-wct-placeholder").asBoolean()).isTrue();
    assertThat(schema.at("/properties/ruleset/pattern").asText())
        .isEqualTo("^(?:(local/[a-z][a-z0-9_]*/\\d+\\.\\d+\\.\\d+|file:.+)|\\$\\{.+\\})$");
    assertThat(schema.at("/properties/pattern_matching/properties/maximum_evidence_count"))
        .isEqualTo(schema.at("/properties/maximum_evidence_count"));
  }

  @Test
  void bindsWithDefaultsAndResolvedPlaceholderText() throws Exception {
    Sample sample =
        bind(
            "{\"host\":\"db\",\"port\":\"3307\",\"errors\":\"Replace\",\"tables\":\"t\","
                + "\"include_content\":\"false\",\"pattern_matching\":{\"maximum_evidence_count\":5}}");

    assertThat(sample)
        .isEqualTo(
            new Sample(
                "db",
                3307,
                Optional.empty(),
                Mode.REPLACE,
                List.of("t"),
                false,
                new Group("local/x/1.0.0", 5)));
    assertThat(CONTRACT.toJson(sample).toString())
        .isEqualTo(
            "{\"host\":\"db\",\"port\":3307,\"errors\":\"replace\",\"tables\":[\"t\"],"
                + "\"include_content\":false,\"ruleset\":\"local/x/1.0.0\","
                + "\"maximum_evidence_count\":5}");
  }

  @Test
  void everyErrorNamesThePropertyInOneFormat() {
    assertThatThrownBy(() -> bind("{\"host\":\"db\",\"port\":\"abc\"}"))
        .isInstanceOfSatisfying(
            WctException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
        .hasMessage("mysql: property 'port' must be a whole number, got 'abc'");
    assertThatThrownBy(() -> bind("{\"host\":\"db\",\"port\":0}"))
        .hasMessage("mysql: property 'port' must be at least 1, got 0");
    assertThatThrownBy(() -> bind("{\"host\":\" \"}"))
        .hasMessage("mysql: property 'host' is required");
    assertThatThrownBy(() -> bind("{\"host\":\"db\",\"tables\":[1]}"))
        .hasMessage("mysql: property 'tables' must be a list of strings");
    assertThatThrownBy(() -> bind("{\"host\":\"db\",\"errors\":\"ignore\"}"))
        .hasMessage("mysql: property 'errors' must be one of strict, replace, got 'ignore'");
    assertThatThrownBy(() -> bind("{\"host\":\"db\",\"ruleset\":\"rules.yaml\"}"))
        .hasMessage(
            "mysql: property 'ruleset' must be local/<name>/<version> or file:<path>, got"
                + " 'rules.yaml'");
    assertThatThrownBy(
            () -> bind("{\"host\":\"db\",\"pattern_matching\":{\"maximum_evidence_count\":1001}}"))
        .hasMessage(
            "mysql: property 'pattern_matching.maximum_evidence_count' must be at most"
                + " 1000, got 1001");
    assertThatThrownBy(() -> bind("{\"host\":\"db\",\"password\":[\"secret\"]}"))
        .hasMessage("mysql: property 'password' must be a string, got a list");
  }

  @Test
  void unknownAndDoublySetPropertiesAreRejected() {
    assertThatThrownBy(() -> bind("{\"host\":\"db\",\"prot\":1}"))
        .hasMessage("mysql: unknown property 'prot' (did you mean 'port'?)");
    assertThatThrownBy(
            () ->
                bind(
                    "{\"host\":\"db\",\"maximum_evidence_count\":1,"
                        + "\"pattern_matching\":{\"maximum_evidence_count\":2}}"))
        .hasMessage(
            "mysql: property 'maximum_evidence_count' is set both at the top level and in"
                + " pattern_matching");
  }

  record NoAnnotation(String host) {}

  @Test
  void aComponentWithoutDescriptionFailsAtStartup() {
    assertThatThrownBy(() -> PropertiesContract.of(NoAnnotation.class))
        .hasMessage("NoAnnotation.host has no @Property");
  }
}
