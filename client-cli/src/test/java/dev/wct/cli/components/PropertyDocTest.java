package dev.wct.cli.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.spi.json.Json;
import org.junit.jupiter.api.Test;

class PropertyDocTest {
  @Test
  void documentsTypesDefaultsRequiredNestedAndPlaceholderAlternatives() throws Exception {
    var schema =
        Json.mapper()
            .readTree(
                """
                {"type": "object", "required": ["host"],
                 "properties": {
                   "host": {"type": "string", "description": "Server."},
                   "port": {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": "^\\\\$\\\\{.*\\\\}$"}],
                            "default": 5432},
                   "mode": {"enum": ["strict", "replace"], "default": "strict"},
                   "matching": {"type": "object",
                                "properties": {"ruleset": {"type": "string"}}}
                 }}
                """);

    assertThat(PropertyDoc.of(schema))
        .containsExactly(
            new PropertyDoc("host", "string", true, null, "Server."),
            new PropertyDoc("port", "integer or ${VAR}", false, "5432", null),
            new PropertyDoc("mode", "one of strict|replace", false, "\"strict\"", null),
            new PropertyDoc("matching", "object", false, null, null),
            new PropertyDoc("matching.ruleset", "string", false, null, null));
  }
}
