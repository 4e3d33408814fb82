package dev.wct.analysers.personaldata;

import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.wct.analysers.testing.CollectingWriter;
import dev.wct.analysers.testing.Inputs;
import dev.wct.analysers.text.Tokens;
import dev.wct.spi.json.Json;
import dev.wct.testkit.RecordingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, measured quality on data we did not write: precision, recall and F2 of every value
 * detector of {@code personal_data} on a public labelled PII corpus in the Presidio evaluation
 * format (a JSON array of {@code {full_text, spans: [{entity_type, start_position,
 * end_position}]}}, e.g. microsoft/presidio-research's {@code data/synth_dataset_v2.json}, MIT).
 *
 * <p>Span level: the detectors as the analyser runs them ({@link ValueScanner}, default phone
 * region US) over each text; a match is a true positive when it overlaps a span labelled with its
 * detector (same line and overlapping columns; offsets in one text are the same test). Location
 * level: each text is one file through the real {@link PersonalDataAnalyser}; a (file, detector) or
 * (file, category) pair is positive when a label says so, found when a finding says so.
 *
 * <p>Not in the default build ({@code quality} tag): {@code ./mvnw -B -o -q -pl analysers -am test
 * -Pquality -Dwct.quality.presidio=FILE[,FILE...]} (or {@code WCT_QUALITY_PRESIDIO}); {@code
 * bench/quality/presidio.sh} gets the data and runs it. Tables go to standard output and {@code
 * target/quality/presidio.md}. No threshold is asserted: the numbers are reported as they are.
 */
@Tag("quality")
class PublicCorpusQualityBench {
  /** Presidio entity types and the detector that should find them. */
  private static final Map<String, String> DETECTOR_OF =
      Map.of(
          "EMAIL_ADDRESS", "email_address",
          "CREDIT_CARD", "payment_card",
          "IBAN_CODE", "iban",
          "IBAN", "iban",
          "US_SSN", "us_ssn",
          "PHONE_NUMBER", "phone_number",
          "PERSON", "person_name",
          "BIRTHDAY", "date_of_birth",
          "US_DRIVER_LICENSE", "document_number");

  /** Presidio entity types and the category a finding should report for them. */
  private static final Map<String, String> CATEGORY_OF =
      Map.ofEntries(
          Map.entry("EMAIL_ADDRESS", "email"),
          Map.entry("CREDIT_CARD", "payment_card"),
          Map.entry("IBAN_CODE", "bank_account"),
          Map.entry("IBAN", "bank_account"),
          Map.entry("US_SSN", "national_id"),
          Map.entry("IP_ADDRESS", "online_identifier"),
          Map.entry("PHONE_NUMBER", "phone"),
          Map.entry("PERSON", "name"),
          Map.entry("BIRTHDAY", "date_of_birth"),
          Map.entry("US_DRIVER_LICENSE", "government_id"),
          Map.entry("STREET_ADDRESS", "address"),
          Map.entry("ADDRESS", "address"));

  /**
   * Labels a detector's match may overlap without being a false alarm, though the corpus does not
   * label it as that detector: a date of birth is labelled DATE_TIME ("She was born on 2/8/1935").
   */
  private static final Map<String, String> ALSO_CORRECT = Map.of("date_of_birth", "DATE_TIME");

  record Label(String type, String detector, String category, String value, int start, int end) {}

  record Sample(String text, List<Label> labels) {}

  @Test
  void perDetectorPrecisionRecallAndF2OnAPublicCorpus() throws IOException {
    String paths =
        System.getProperty("wct.quality.presidio", System.getenv("WCT_QUALITY_PRESIDIO"));
    assumeThat(paths)
        .as(
            "public PII corpus not given: set -Dwct.quality.presidio=FILE[,FILE] or"
                + " WCT_QUALITY_PRESIDIO (bench/quality/presidio.sh fetches it); skipped")
        .isNotBlank();
    StringBuilder report = new StringBuilder();
    for (String path : paths.split(",")) {
      Path file = Path.of(path.trim());
      List<Sample> samples = read(file);
      report.append("\n#### ").append(file.getFileName()).append(" (").append(samples.size());
      report.append(" texts)\n\n");
      report.append(spanLevel(samples));
      report.append(locationLevel(samples));
    }
    System.out.println(report);
    Path out = Path.of("target", "quality", "presidio.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.toString());
  }

  static List<Sample> read(Path file) throws IOException {
    List<Sample> samples = new ArrayList<>();
    for (JsonNode node : Json.mapper().readTree(file.toFile())) {
      String text = node.path("full_text").asText();
      List<Label> labels = new ArrayList<>();
      for (JsonNode span : node.path("spans")) {
        String type = span.path("entity_type").asText();
        int start = span.path("start_position").asInt();
        int end = span.path("end_position").asInt();
        String value = text.substring(start, end);
        String detector = DETECTOR_OF.get(type);
        if (type.equals("IP_ADDRESS")) {
          detector = value.indexOf(':') >= 0 ? "ipv6_address" : "ipv4_address";
        }
        labels.add(new Label(type, detector, CATEGORY_OF.get(type), value, start, end));
      }
      samples.add(new Sample(text, labels));
    }
    return samples;
  }

  /** Per detector, and for phone numbers split by international (+ or 00) or national format. */
  private static String spanLevel(List<Sample> samples) {
    ValueScanner scanner = ValueScanner.all("US");
    Map<String, DetectionQualityTest.Score> scores = new TreeMap<>();
    for (Sample sample : samples) {
      List<ValueScanner.Match> found = scanner.scan(sample.text(), Tokens.of(sample.text()));
      for (Label label : sample.labels()) {
        if (label.detector() == null) {
          continue;
        }
        boolean hit =
            found.stream()
                .anyMatch(m -> m.detector().name().equals(label.detector()) && overlaps(m, label));
        for (String row : rows(label.detector(), label.value())) {
          DetectionQualityTest.Score score =
              scores.computeIfAbsent(row, k -> new DetectionQualityTest.Score());
          if (hit) {
            score.truePositives++;
          } else {
            score.falseNegatives++;
            example(score, "missed", sample.text(), label.start(), label.end());
          }
        }
      }
      for (ValueScanner.Match match : found) {
        String name = match.detector().name();
        boolean own =
            sample.labels().stream().anyMatch(l -> name.equals(l.detector()) && overlaps(match, l));
        boolean alsoCorrect =
            sample.labels().stream()
                .anyMatch(l -> l.type().equals(ALSO_CORRECT.get(name)) && overlaps(match, l));
        if (!own && alsoCorrect) {
          // Right, though not labelled as such: counts for precision, not for recall.
          credit(scores, name);
        } else if (!own) {
          String value = sample.text().substring(match.start(), match.end());
          for (String row : rows(name, value)) {
            DetectionQualityTest.Score score =
                scores.computeIfAbsent(row, k -> new DetectionQualityTest.Score());
            score.falsePositives++;
            example(score, "false", sample.text(), match.start(), match.end());
          }
        }
      }
    }
    return table("Span level (a match overlapping a labelled span)", "detector", scores);
  }

  /**
   * The rows a value counts in: its detector's, and for a phone number its format (international
   * with + or 00, else national) and whether libphonenumber takes it for a valid number of the
   * default region or of the country its prefix names (the corpus' generator also writes numbers no
   * numbering plan has, like a US area code 182).
   */
  private static List<String> rows(String detector, String value) {
    if (!detector.equals("phone_number")) {
      return List.of(detector);
    }
    String trimmed = value.strip();
    boolean international = trimmed.startsWith("+") || trimmed.startsWith("00");
    return List.of(
        detector,
        detector + (international ? " (international)" : " (national)"),
        detector + (validNumber(trimmed) ? " (valid number)" : " (no valid number)"));
  }

  private static boolean validNumber(String value) {
    PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    String number = value.startsWith("00") ? "+" + value.substring(2) : value;
    try {
      return phones.isValidNumber(phones.parse(number, "US"));
    } catch (NumberParseException e) {
      return false;
    }
  }

  private static boolean overlaps(ValueScanner.Match match, Label label) {
    return match.start() < label.end() && label.start() < match.end();
  }

  /** Each text a file through the analyser; per detector fired, and per category reported. */
  private static String locationLevel(List<Sample> samples) {
    List<ObjectNode> files = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      files.add(Inputs.file("texts/" + i + ".txt", samples.get(i).text()));
    }
    ObjectNode properties = Json.mapper().createObjectNode();
    properties.putObject("pattern_matching").put("maximum_evidence_count", 1);
    CollectingWriter out = new CollectingWriter("findings");
    new PersonalDataAnalyser()
        .analyse(
            new RecordingContext(Path.of("."), "run-1", "pii"),
            properties,
            List.of(Inputs.standardInput(files)),
            out);
    Map<Integer, Set<String>> detectorsAt = new LinkedHashMap<>();
    Map<Integer, Set<String>> categoriesAt = new LinkedHashMap<>();
    for (JsonNode finding : out.items()) {
      String path = finding.path("location").path("file_path").asText();
      int index = Integer.parseInt(path.substring("texts/".length(), path.length() - 4));
      categoriesAt
          .computeIfAbsent(index, k -> new HashSet<>())
          .add(finding.path("category").asText());
      for (JsonNode detector : finding.path("detectors")) {
        String kind = detector.path("kind").asText();
        if (kind.equals("value") || kind.equals("format")) {
          detectorsAt
              .computeIfAbsent(index, k -> new HashSet<>())
              .add(detector.path("rule").asText());
        }
      }
    }
    Set<String> detectors = new HashSet<>(DETECTOR_OF.values());
    detectors.addAll(List.of("ipv4_address", "ipv6_address"));
    Set<String> categories = new HashSet<>(CATEGORY_OF.values());
    Map<String, DetectionQualityTest.Score> byDetector = new TreeMap<>();
    Map<String, DetectionQualityTest.Score> byCategory = new TreeMap<>();
    for (int i = 0; i < samples.size(); i++) {
      Set<String> labelledDetectors = new HashSet<>();
      Set<String> labelledCategories = new HashSet<>();
      for (Label label : samples.get(i).labels()) {
        if (label.detector() != null) {
          labelledDetectors.add(label.detector());
        }
        if (label.category() != null) {
          labelledCategories.add(label.category());
        }
      }
      List<Label> labels = samples.get(i).labels();
      count(
          byDetector,
          detectors,
          labelledDetectors,
          alsoCorrect(byDetector, labels, labelledDetectors, detectorsAt.get(i)));
      count(
          byCategory,
          categories,
          labelledCategories,
          alsoCorrect(byCategory, labels, labelledCategories, categoriesAt.get(i)));
    }
    return table("Location level (one text = one file), by value detector", "detector", byDetector)
        + table(
            "Location level, by category reported (any detector: value, keyword)",
            "category",
            byCategory);
  }

  /**
   * What was found in a file, less what a label of {@link #ALSO_CORRECT} there makes right though
   * not labelled (a date of birth in a file with a DATE_TIME label): that counts for precision, not
   * for recall. The detector and the category of a date of birth have the same name.
   */
  private static Set<String> alsoCorrect(
      Map<String, DetectionQualityTest.Score> scores,
      List<Label> labels,
      Set<String> labelled,
      Set<String> foundHere) {
    Set<String> found = new HashSet<>(foundHere == null ? Set.of() : foundHere);
    ALSO_CORRECT.forEach(
        (key, type) -> {
          if (found.contains(key)
              && !labelled.contains(key)
              && labels.stream().anyMatch(l -> l.type().equals(type))) {
            credit(scores, key);
            found.remove(key);
          }
        });
    return found;
  }

  /** Unlabelled but right (see {@link #ALSO_CORRECT}), per table of scores and key. */
  private static final Map<Map<String, DetectionQualityTest.Score>, Map<String, Integer>> CREDITED =
      new java.util.IdentityHashMap<>();

  private static void credit(Map<String, DetectionQualityTest.Score> scores, String key) {
    scores.computeIfAbsent(key, k -> new DetectionQualityTest.Score());
    CREDITED.computeIfAbsent(scores, k -> new TreeMap<>()).merge(key, 1, Integer::sum);
  }

  private static void count(
      Map<String, DetectionQualityTest.Score> scores,
      Set<String> keys,
      Set<String> labelled,
      Set<String> found) {
    for (String key : keys) {
      boolean expected = labelled.contains(key);
      boolean reported = found.contains(key);
      if (!expected && !reported) {
        continue;
      }
      DetectionQualityTest.Score score =
          scores.computeIfAbsent(key, k -> new DetectionQualityTest.Score());
      if (expected && reported) {
        score.truePositives++;
      } else if (expected) {
        score.falseNegatives++;
      } else {
        score.falsePositives++;
      }
    }
  }

  /**
   * Keeps a few examples per row, and with {@code -Dwct.quality.examples=N} up to N with 30
   * characters of context before (to read what the phone misses and false alarms are).
   */
  private static void example(
      DetectionQualityTest.Score score, String kind, String text, int start, int end) {
    int limit = Integer.getInteger("wct.quality.examples", 4);
    if (score.examples.size() < limit) {
      String before = limit > 4 ? text.substring(Math.max(0, start - 30), start) + "[" : "";
      score.examples.add(
          kind
              + ":'"
              + (before + text.substring(start, end) + (limit > 4 ? "]" : "")).replace('\n', ' ')
              + "'");
    }
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(java.util.Locale.ROOT, "%.3f", value);
  }

  private static String table(
      String title, String keyName, Map<String, DetectionQualityTest.Score> scores) {
    StringBuilder table = new StringBuilder();
    table.append(title).append(":\n\n");
    table.append("| ").append(keyName).append(" | labelled | found | TP | FP | FN | precision |");
    table.append(" recall | F2 |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    Map<String, Integer> credited = CREDITED.getOrDefault(scores, Map.of());
    scores.forEach(
        (key, s) -> {
          int right = s.truePositives + credited.getOrDefault(key, 0);
          int found = right + s.falsePositives;
          int labelled = s.truePositives + s.falseNegatives;
          double precision = found == 0 ? Double.NaN : (double) right / found;
          double recall = labelled == 0 ? Double.NaN : (double) s.truePositives / labelled;
          double f2 =
              precision + recall == 0 ? 0.0 : 5 * precision * recall / (4 * precision + recall);
          table.append(
              String.format(
                  java.util.Locale.ROOT,
                  "| %s | %d | %d | %d | %d | %d | %s | %s | %s |%n",
                  key,
                  labelled,
                  found,
                  right,
                  s.falsePositives,
                  s.falseNegatives,
                  number(precision),
                  number(recall),
                  number(f2)));
        });
    table.append('\n');
    scores.forEach(
        (key, s) -> {
          if (!s.examples.isEmpty()) {
            System.out.println("  " + key + " examples: " + s.examples);
          }
        });
    return table.toString();
  }
}
