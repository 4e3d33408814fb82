package dev.wct.analysers.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.analysers.text.Tokens;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Person names are found by their context, or by the hand-written lists of given names and
 * surnames; both have guards against words, places and placeholders.
 */
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
  void aListedGivenNameBeforeASurnameOrAnUnknownCapitalisedWordIsAName() {
    assertThat(names("Yesterday Maria Kowalski sent the report."))
        .containsExactly("Maria Kowalski");
    assertThat(names("Krisztián Szöllösy listed his top 20 songs"))
        .containsExactly("Krisztián Szöllösy");
    assertThat(names("Ask Thomas Henry Müller about it")).containsExactly("Thomas Henry Müller");
    assertThat(names("May Thompson and Will Smith agreed"))
        .containsExactly("May Thompson", "Will Smith");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "May Tuesday be sunny.",
        "Will Rogue Systems ship?",
        "Grace Period ends today.",
        "We met at 12 John Street in Paris.",
        "Henry Street is closed.",
        "He sailed on Lake George last year.",
        "Thomas Smith Hospital opens at nine.",
        "John Doe is the placeholder.",
        "JOHN SMITH",
        "johnsmith and john smith in lower case",
        "the Victoria Station timetable"
      })
  void listedNamesNeedAPersonLikeNeighbour(String text) {
    assertThat(names(text)).isEmpty();
  }

  @Test
  void listMatchesAreReportedAsFormatMatchesAndContextMatchesAsValues() {
    List<String> kinds = new java.util.ArrayList<>();
    String text = "Dear Jonas Lindqvist, Maria Kowalski called.";
    NAMES.find(
        text,
        Tokens.of(text),
        new ValueDetector.Sink() {
          @Override
          public void match(int start, int end) {
            kinds.add("value:" + text.substring(start, end));
          }

          @Override
          public void matchByFormat(int start, int end) {
            kinds.add("format:" + text.substring(start, end));
          }
        });
    assertThat(kinds).containsExactly("value:Jonas Lindqvist", "format:Maria Kowalski");
  }

  @Test
  void theMaskHidesEveryLetter() {
    assertThat(NAMES.mask("Anna McDonald")).doesNotContain("Anna", "McDonald");
  }
}
