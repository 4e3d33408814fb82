package dev.wct.analysers.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.analysers.testing.CollectingWriter;
import dev.wct.analysers.testing.Inputs;
import dev.wct.analysers.text.Tokens;
import dev.wct.spi.json.Json;
import dev.wct.testkit.RecordingContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.datafaker.Faker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Precision and recall of every value detector on a seeded, labelled corpus of prose, code and log
 * text with planted values and look-alike negatives, and keyword coverage of database columns.
 */
class DetectionQualityTest {
  private static final Map<String, Score> SCORES = new TreeMap<>();

  /** True and false positives and false negatives of one detector. */
  static final class Score {
    int truePositives;
    int falsePositives;
    int falseNegatives;
    final List<String> examples = new ArrayList<>();

    double precision() {
      int found = truePositives + falsePositives;
      return found == 0 ? 1.0 : (double) truePositives / found;
    }

    double recall() {
      int planted = truePositives + falseNegatives;
      return planted == 0 ? 1.0 : (double) truePositives / planted;
    }
  }

  @BeforeAll
  static void scoreCorpus() {
    ValueScanner scanner = ValueScanner.all("US");
    List<LabelledCorpus.Sample> corpus =
        new ArrayList<>(new LabelledCorpus(20261122L).samples(3000));
    // The national identifiers: a corpus of their own (so the one above stays as it was).
    corpus.addAll(new LabelledCorpus(20261201L).identifierSamples(3000));
    for (LabelledCorpus.Sample sample : corpus) {
      List<ValueScanner.Match> found = scanner.scan(sample.text(), Tokens.of(sample.text()));
      for (LabelledCorpus.Label label : sample.labels()) {
        boolean hit =
            found.stream()
                .anyMatch(
                    m ->
                        m.detector().name().equals(label.detector())
                            && m.start() < label.end()
                            && label.start() < m.end());
        Score score = SCORES.computeIfAbsent(label.detector(), k -> new Score());
        if (hit) {
          score.truePositives++;
        } else {
          score.falseNegatives++;
          example(score, "missed", sample.text(), label.start(), label.end());
        }
      }
      for (ValueScanner.Match match : found) {
        boolean labelled =
            sample.labels().stream()
                .anyMatch(
                    l ->
                        l.detector().equals(match.detector().name())
                            && match.start() < l.end()
                            && l.start() < match.end());
        if (!labelled) {
          Score score = SCORES.computeIfAbsent(match.detector().name(), k -> new Score());
          score.falsePositives++;
          example(score, "false", sample.text(), match.start(), match.end());
        }
      }
    }
    SCORES.forEach(
        (detector, score) ->
            System.out.printf(
                "%-18s precision %.3f recall %.3f (tp %d, fp %d, fn %d) %s%n",
                detector,
                score.precision(),
                score.recall(),
                score.truePositives,
                score.falsePositives,
                score.falseNegatives,
                score.examples));
  }

  private static void example(Score score, String kind, String text, int start, int end) {
    if (score.examples.size() < 5) {
      score.examples.add(
          kind
              + ":'"
              + text.substring(start, end)
              + "' in '"
              + text.substring(Math.max(0, start - 40), Math.min(text.length(), end + 10))
                  .replace('\n', ' ')
              + "'");
    }
  }

  @ParameterizedTest(name = "{0}: precision and recall >= {1}")
  @CsvSource({
    "email_address, 0.95",
    "iban, 0.95",
    "payment_card, 0.95",
    "us_ssn, 0.95",
    "ipv4_address, 0.95",
    "ipv6_address, 0.95",
    "phone_number, 0.90",
    "uk_nino, 0.95",
    "date_of_birth, 0.90",
    "de_tax_id, 0.95",
    "fr_nir, 0.95",
    "es_dni, 0.95",
    "es_nie, 0.95",
    "it_codice_fiscale, 0.95",
    "nl_bsn, 0.95",
    "pl_pesel, 0.95",
    "se_personnummer, 0.95",
    "be_national_number, 0.95",
    "uk_nhs_number, 0.95"
  })
  void detectorMeetsItsQualityBar(String detector, double minimum) {
    Score score = SCORES.get(detector);
    assertThat(score.truePositives).as("%s was planted in the corpus", detector).isPositive();
    assertThat(score.precision())
        .as("%s precision %s", detector, score.examples)
        .isGreaterThanOrEqualTo(minimum);
    assertThat(score.recall())
        .as("%s recall %s", detector, score.examples)
        .isGreaterThanOrEqualTo(minimum);
  }

  @Test
  void everyDatabaseColumnHoldingPersonalDataIsFoundAndNoOtherIs() {
    Faker faker = new Faker(new Random(7));
    List<ObjectNode> cells = new ArrayList<>();
    Set<String> personal = new TreeSet<>();
    Set<String> notPersonal = new TreeSet<>();
    LabelledCorpus corpus = new LabelledCorpus(7);
    for (int row = 0; row < 10; row++) {
      addCell(cells, personal, "customers", "first_name", faker.name().firstName());
      addCell(cells, personal, "customers", "last_name", faker.name().lastName());
      addCell(cells, personal, "customers", "email", faker.internet().emailAddress());
      addCell(cells, personal, "customers", "phone", corpus.phone());
      addCell(cells, personal, "customers", "date_of_birth", corpus.birthDate());
      addCell(cells, personal, "customers", "street_address", faker.address().streetAddress());
      addCell(cells, personal, "customers", "postcode", faker.address().zipCode());
      addCell(cells, personal, "customers", "iban", corpus.iban());
      addCell(cells, personal, "customers", "creditCardNumber", corpus.card());
      addCell(cells, personal, "employees", "national_insurance_number", corpus.nino());
      addCell(cells, personal, "employees", "ssn", corpus.ssn());
      addCell(cells, personal, "employees", "salary", String.valueOf(30000 + row * 1000));
      addCell(cells, personal, "employees", "religion", "none");
      addCell(cells, personal, "employees", "trade_union_member", row % 2 == 0 ? "yes" : "no");
      addCell(cells, personal, "employees", "health_notes", "asthma");
      addCell(cells, personal, "employees", "gender", row % 2 == 0 ? "f" : "m");
      addCell(cells, personal, "employees", "ethnicity", "prefer not to say");
      addCell(cells, personal, "employees", "passport_no", "X" + (1000000 + row));
      addCell(cells, personal, "web_sessions", "ip_address", corpus.ipv4());
      addCell(cells, personal, "web_sessions", "userAgent", "Mozilla/5.0 (X11; Linux x86_64)");
      addCell(cells, personal, "web_sessions", "device_id", "dev-" + row);
      addCell(cells, personal, "web_sessions", "latitude", "52.52" + row);
      addCell(cells, personal, "web_sessions", "client_remote", corpus.ipv6());
      addCell(cells, notPersonal, "product_catalog", "sku", String.format("SKU-%05d", 48213 + row));
      addCell(cells, notPersonal, "product_catalog", "price", (19 + row) + ".99");
      addCell(cells, notPersonal, "product_catalog", "stock", String.valueOf(42 + row));
      addCell(
          cells,
          notPersonal,
          "product_catalog",
          "created_at",
          "2024-01-0" + (1 + row % 9) + " 10:00:00");
    }
    ObjectNode properties = Json.mapper().createObjectNode();
    properties.putObject("pattern_matching").put("maximum_evidence_count", 1000);
    CollectingWriter out = new CollectingWriter("findings");

    new PersonalDataAnalyser()
        .analyse(
            new RecordingContext(Path.of("."), "run-1", "pii"),
            properties,
            List.of(Inputs.standardInput(cells)),
            out);

    Set<String> found = new TreeSet<>();
    for (JsonNode finding : out.items()) {
      JsonNode location = finding.path("location");
      found.add(location.path("table").asText() + "." + location.path("column").asText());
    }
    System.out.println("database columns found: " + found);
    assertThat(found).containsAll(personal).doesNotContainAnyElementsOf(notPersonal);
  }

  private static void addCell(
      List<ObjectNode> cells, Set<String> expected, String table, String column, String value) {
    cells.add(Inputs.cell(table, column, value));
    expected.add(table + "." + column);
  }
}
