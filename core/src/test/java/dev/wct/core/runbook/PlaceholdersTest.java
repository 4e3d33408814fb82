package dev.wct.core.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.spi.json.Json;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {
  private static final Function<String, String> ENV =
      Map.of("HOST", "db.local", "EMPTY", "", "PASSWORD", "s3cret")::get;

  @Test
  void substitutesVariablesDefaultsAndLiterals() {
    assertThat(Placeholders.resolve("${HOST}:3306", ENV, "db")).isEqualTo("db.local:3306");
    assertThat(Placeholders.resolve("${PORT:-3306}", ENV, "db")).isEqualTo("3306");
    assertThat(Placeholders.resolve("${HOST:-other}", ENV, "db")).isEqualTo("db.local");
    assertThat(Placeholders.resolve("cost $${HOST}", ENV, "db")).isEqualTo("cost ${HOST}");
    assertThat(Placeholders.resolve("no placeholders", ENV, "db")).isEqualTo("no placeholders");
  }

  @Test
  void usesTheDefaultWhenTheVariableIsSetButEmptyLikeAShell() {
    assertThat(Placeholders.resolve("${EMPTY:-fallback}", ENV, "db")).isEqualTo("fallback");
    assertThat(Placeholders.resolve("[${EMPTY}]", ENV, "db")).isEqualTo("[]");
  }

  @Test
  void missingVariableWithoutDefaultNamesTheVariableAndTheArtifactButNoValue() {
    assertThatThrownBy(() -> Placeholders.resolve("${USER}:${PASSWORD}", ENV, "crm_db"))
        .isInstanceOfSatisfying(
            WctException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
        .hasMessage("artifact 'crm_db': environment variable 'USER' is not set");
  }

  @Test
  void resolvesEveryStringInNestedPropertiesAndLeavesTheOriginalUntouched() throws Exception {
    JsonNode properties =
        Json.mapper()
            .readTree(
                "{\"host\": \"${HOST}\", \"port\": 3306, \"tables\": [\"${PORT:-a}\", \"b\"],"
                    + " \"auth\": {\"password\": \"${PASSWORD}\"}}");

    JsonNode resolved = Placeholders.resolve(properties, ENV, "db");

    assertThat(resolved)
        .isEqualTo(
            Json.mapper()
                .readTree(
                    "{\"host\": \"db.local\", \"port\": 3306, \"tables\": [\"a\", \"b\"],"
                        + " \"auth\": {\"password\": \"s3cret\"}}"));
    assertThat(properties.path("auth").path("password").asText()).isEqualTo("${PASSWORD}");
  }

  @Test
  void syntaxProblemsAreFoundWithoutResolving() {
    assertThat(Placeholders.syntaxProblem("${HOST"))
        .contains("unterminated '${' (write '$${' for a literal '${')");
    assertThat(Placeholders.syntaxProblem("${1HOST}"))
        .contains("invalid environment variable name '1HOST' in '${1HOST}'");
    assertThat(Placeholders.syntaxProblem("${}"))
        .contains("invalid environment variable name '' in '${}'");
    assertThat(Placeholders.syntaxProblem("${A:-${B}/sub}")).isEmpty();
    assertThat(Placeholders.syntaxProblem("${A:-${9B}}"))
        .contains("invalid environment variable name '9B' in '${9B}'");
    assertThat(Placeholders.syntaxProblem("${A:-${B}"))
        .contains("unterminated '${' (write '$${' for a literal '${')");
    assertThat(Placeholders.syntaxProblem("$${literal and ${OK} and ${D:-x y}")).isEmpty();
    assertThat(Placeholders.syntaxProblem("price: $5 {not a placeholder}")).isEmpty();
  }

  @Test
  void aDefaultMayHoldPlaceholdersOfItsOwnAsInBash() {
    Map<String, String> env = Map.of("B", "/data", "C", "set");

    assertThat(Placeholders.resolve("${A:-${B}/sub}", env::get, "a")).isEqualTo("/data/sub");
    assertThat(Placeholders.resolve("${C:-${B}/sub}", env::get, "a")).isEqualTo("set");
    assertThat(Placeholders.resolve("${A:-${X:-${B}}/x}-$${lit}", env::get, "a"))
        .isEqualTo("/data/x-${lit}");
    assertThatThrownBy(() -> Placeholders.resolve("${A:-${MISSING}}", env::get, "a"))
        .hasMessage("artifact 'a': environment variable 'MISSING' is not set");
  }
}
