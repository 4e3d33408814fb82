package dev.wct.analysers.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.analysers.ruleset.KnownDetectors;
import dev.wct.analysers.ruleset.RulesetLoader;
import dev.wct.analysers.testing.CollectingWriter;
import dev.wct.analysers.testing.Inputs;
import dev.wct.analysers.text.Tokens;
import dev.wct.spi.json.Json;
import dev.wct.testkit.RecordingContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Speed work must not change what is found: every keyword and value match (detector, offsets) and
 * every finding the analyser writes over a generated corpus of prose, code, logs, look-alikes and
 * planted values (the throughput benchmarks' mix) must equal the set recorded in {@code
 * personaldata/match-set.golden}. After a deliberate change of what is found, rewrite the golden
 * with {@code -Dwct.matchSet.record=true} and say why in the commit.
 */
class MatchSetTest {
  private static final String GOLDEN = "personaldata/match-set.golden";

  @Test
  void matchesAndFindingsEqualTheRecordedSet() throws Exception {
    List<String> items = corpus();
    var compiled =
        PersonalDataAnalyser.compile(
            RulesetLoader.load(
                PersonalDataAnalyser.DEFAULT_RULESET,
                Path.of("."),
                "personal_data_indicator",
                KnownDetectors.NAMES),
            "US");
    Map<String, Integer> counts = new TreeMap<>();
    MessageDigest matches = MessageDigest.getInstance("SHA-256");
    // -Dwct.matchSet.dump=FILE writes the match lines (item, detector, offsets, text) to compare
    // two versions before recording a new golden: the golden holds only digests.
    String dump = System.getProperty("wct.matchSet.dump", "");
    StringBuilder dumped = new StringBuilder();
    for (int n = 0; n < items.size(); n++) {
      String text = items.get(n);
      Tokens tokens = Tokens.of(text);
      List<String> lines = new ArrayList<>();
      compiled
          .keywords()
          .find(
              tokens,
              (rule, keyword, start, end) -> lines.add(rule.name() + " " + start + " " + end));
      for (ValueScanner.Match match : compiled.values().scan(text, tokens)) {
        lines.add(match.detector().name() + " " + match.start() + " " + match.end());
      }
      lines.sort(null);
      for (String line : lines) {
        counts.merge(line.substring(0, line.indexOf(' ')), 1, Integer::sum);
        matches.update((n + " " + line + "\n").getBytes(StandardCharsets.UTF_8));
        if (!dump.isEmpty()) {
          String[] parts = line.split(" ");
          String matched =
              text.substring(
                      Math.max(0, Integer.parseInt(parts[1]) - 40), Integer.parseInt(parts[2]) + 10)
                  .replace('\n', ' ');
          dumped.append(n).append(' ').append(line).append(" '").append(matched).append("'\n");
        }
      }
    }
    if (!dump.isEmpty()) {
      Files.writeString(Path.of(dump), dumped);
    }

    List<JsonNode> files = new ArrayList<>();
    for (int n = 0; n < items.size(); n++) {
      files.add(Inputs.file("f" + n + ".txt", items.get(n)));
    }
    CollectingWriter out = new CollectingWriter("findings");
    new PersonalDataAnalyser()
        .analyse(
            new RecordingContext(Path.of("."), "run-1", "pii"),
            Json.mapper().createObjectNode(),
            List.of(Inputs.standardInput("corpus", Json.mapper().createObjectNode(), files)),
            out);
    MessageDigest findings = MessageDigest.getInstance("SHA-256");
    for (JsonNode finding : out.items()) {
      findings.update(Json.mapper().writeValueAsBytes(finding));
    }

    StringBuilder actual = new StringBuilder();
    counts.forEach((name, count) -> actual.append(name).append(' ').append(count).append('\n'));
    actual.append("findings ").append(out.items().size()).append('\n');
    actual
        .append("matches-sha256 ")
        .append(HexFormat.of().formatHex(matches.digest()))
        .append('\n');
    actual
        .append("findings-sha256 ")
        .append(HexFormat.of().formatHex(findings.digest()))
        .append('\n');
    if (Boolean.getBoolean("wct.matchSet.record")) {
      Path golden = Path.of("src/test/resources").resolve(GOLDEN);
      Files.writeString(golden, actual);
    }
    assertThat(actual.toString()).isEqualTo(golden());
  }

  private static String golden() throws IOException {
    try (InputStream in = MatchSetTest.class.getResourceAsStream("/" + GOLDEN)) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Eight 256 KiB items, half with a planted sample in one piece of 10, half in one of 100. */
  private static List<String> corpus() {
    LabelledCorpus generator = new LabelledCorpus(7);
    net.datafaker.Faker faker = new net.datafaker.Faker(new Random(7));
    List<String> samples = new ArrayList<>();
    generator.samples(1500).forEach(sample -> samples.add(sample.text()));
    generator.identifierSamples(1500).forEach(sample -> samples.add(sample.text()));
    List<String> filler = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      filler.add(
          switch (i % 3) {
            case 0 -> faker.lorem().paragraph(4);
            case 1 ->
                "function "
                    + faker.lorem().word()
                    + "(req) { return db.query('SELECT id FROM t WHERE id = ?', ["
                    + i
                    + "]); }";
            default ->
                "2024-05-0"
                    + (1 + i % 9)
                    + "T10:00Z INFO done in "
                    + (i % 900)
                    + " ms build="
                    + generator.negative();
          });
    }
    Random random = new Random(7);
    List<String> items = new ArrayList<>();
    for (int n = 0; n < 8; n++) {
      int plantedEvery = n < 4 ? 10 : 100;
      StringBuilder text = new StringBuilder();
      while (text.length() < 256 * 1024) {
        List<String> pool = random.nextInt(plantedEvery) == 0 ? samples : filler;
        text.append(pool.get(random.nextInt(pool.size()))).append('\n');
      }
      items.add(text.toString());
    }
    return items;
  }
}
