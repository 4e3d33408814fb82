package dev.wct.connectors.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.spi.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropertyReaderTest {
  private static PropertyReader reader(String json) throws Exception {
    return new PropertyReader("mysql", Json.mapper().readTree(json));
  }

  @Test
  void aResolvedPlaceholderArrivesAsANumericStringAndIsAccepted() throws Exception {
    assertThat(reader("{\"port\":\"3307\"}").integer("port", 3306, 1)).isEqualTo(3307);
    assertThat(reader("{\"port\":3308}").integer("port", 3306, 1)).isEqualTo(3308);
    assertThat(reader("{}").integer("port", 3306, 1)).isEqualTo(3306);
  }

  @Test
  void aNonNumericNumberIsAUserErrorNamingConnectorAndProperty() {
    assertThatThrownBy(() -> reader("{\"port\":\"abc\"}").integer("port", 3306, 1))
        .isInstanceOfSatisfying(
            WctException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
        .hasMessage("mysql: property 'port' must be a whole number, got 'abc'");
    assertThatThrownBy(
            () -> reader("{\"max_rows_per_table\":0}").integer("max_rows_per_table", 10, 1))
        .hasMessage("mysql: property 'max_rows_per_table' must be at least 1, got 0");
  }

  @Test
  void aMissingRequiredPropertyIsNamed() {
    assertThatThrownBy(() -> reader("{\"host\":\" \"}").requiredString("host"))
        .hasMessage("mysql: property 'host' is required");
  }

  @Test
  void aSingleStringCountsAsAListOfOne() throws Exception {
    assertThat(reader("{\"t\":\"customers\"}").stringList("t")).containsExactly("customers");
    assertThat(reader("{\"t\":[\"a\",\"b\"]}").stringList("t")).containsExactly("a", "b");
    assertThatThrownBy(() -> reader("{\"t\":[1]}").stringList("t"))
        .hasMessage("mysql: property 't' must be a list of strings");
  }

  @Test
  void choicesAreCaseInsensitiveAndListedWhenWrong() throws Exception {
    List<String> allowed = List.of("strict", "replace", "skip");
    assertThat(reader("{\"errors\":\"Replace\"}").choice("errors", "strict", allowed))
        .isEqualTo("replace");
    assertThatThrownBy(() -> reader("{\"errors\":\"ignore\"}").choice("errors", "strict", allowed))
        .hasMessage(
            "mysql: property 'errors' must be one of [strict, replace, skip], got 'ignore'");
  }
}
