package dev.wct.analysers.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.analysers.text.Tokens;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Person names are found by their context, and only there. */
class PersonNameDetectorTest {
  private static final PersonNameDetector NAMES = new PersonNameDetector();

  private static List<String> names(String text) {
    List<String> found = new java.util.ArrayList<>();
    NAMES.find(text, Tokens.of(text), (start, end) -> found.add(text.substring(start, end)));
    return found;
  }

  @Test
  void honorificsGreetingsLabelsAndSignOffsIntroduceNames() {
    assertThat(names("Please call Mrs Okafor-Reid tomorrow.")).containsExactly("Okafor-Reid");
    assertThat(names("Referred by Dr. Anna McDonald at noon")).containsExactly("Anna McDonald");
    assertThat(names("Dear Jonas Lindqvist,\nthank you.")).containsExactly("Jonas Lindqvist");
    assertThat(names("Patient name: Maria Rossi\nWard 4")).containsExactly("Maria Rossi");
    assertThat(names("{\"full_name\": \"Pierre Dubois\", \"id\": 7}"))
        .containsExactly("Pierre Dubois");
    assertThat(names("Kind regards,\nTomasz Nowak\nSales")).containsExactly("Tomasz Nowak");
    assertThat(names("Sehr geehrte Frau Schulz, wir")).containsExactly("Schulz");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Dear Customer, your order shipped.",
        "Name: Not Provided",
        "name: String, age: Int",
        "username: Admin User",
        "$user_name = 'Jane Doe';",
        "Faith and Grace wrote the installer.",
        "Jane Doe joined in 2020.",
        "cd /opt/dr/Mr Files",
        "Best regards,\nThe Support Team",
        "NAME: JOHN SMITH",
        "the name: Quick start"
      })
  void withoutAContextOrWithARoleNoNameIsFound(String text) {
    assertThat(names(text)).isEmpty();
  }

  @Test
  void theMaskHidesEveryLetter() {
    assertThat(NAMES.mask("Anna McDonald")).doesNotContain("Anna", "McDonald");
  }
}
