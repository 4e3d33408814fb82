package dev.wct.analysers.purpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.wct.analysers.testing.CollectingWriter;
import dev.wct.analysers.testing.Inputs;
import dev.wct.spi.json.Json;
import dev.wct.testkit.RecordingContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processing purposes on a real WordPress form plugin (Contact Form 7), scored per (file, purpose)
 * against {@code purpose/contact-form-7.purposes}, a ground truth written from the plugin's code
 * before any result was seen. The plugin is read from {@code -Dwct.purposeBench.plugin=<folder>} (a
 * checkout of github.com/rocklobster-in/contact-form-7 at the commit the ground truth names);
 * without it the test is skipped. Run: {@code ./mvnw -B -o -q -pl analysers -am test -Pbench
 * -Dtest=FormPluginPurposeBench -Dsurefire.failIfNoSpecifiedTests=false
 * -Dwct.purposeBench.plugin=/tmp/cf7}.
 */
@Tag("bench")
class FormPluginPurposeBench {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void purposesRestOnProcessingNotOnUiWords(@TempDir Path work) throws IOException {
    String folder = System.getProperty("wct.purposeBench.plugin", "");
    assumeTrue(!folder.isBlank() && Files.isDirectory(Path.of(folder)), "no plugin folder given");
    Path root = Path.of(folder);
    Map<String, Set<String>> truth = truth();
    List<ObjectNode> items = new ArrayList<>();
    int binary = 0;
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
        String relative = root.relativize(path).toString().replace('\\', '/');
        if (relative.startsWith(".git/")) {
          continue;
        }
        String text = text(Files.readAllBytes(path));
        if (text == null) {
          binary++;
        } else {
          items.add(Inputs.file(relative, text));
        }
      }
    }
    assertThat(truth.keySet())
        .allSatisfy(
            file ->
                assertThat(items.stream().map(i -> i.path("metadata").path("file_path").asText()))
                    .contains(file));
    Path ablation = work.resolve("keywords-1.0.0-with-evidence.yaml");
    writeEvidenceVariantOf100(ablation);

    Map<String, Score> scores = new LinkedHashMap<>();
    scores.put(
        "1.0.0 (before)", score(items, truth, "local/processing_purpose_indicator/1.0.0", work));
    scores.put(
        "1.0.0 keywords + evidence rule",
        score(items, truth, "file:" + ablation.getFileName(), work));
    scores.put("1.1.0 (after, default)", score(items, truth, null, work));

    System.out.printf(
        "%nForm plugin purposes: %d text files (%d binary left out), %d labelled (file, purpose)"
            + " pairs%n",
        items.size(), binary, truth.values().stream().mapToInt(Set::size).sum());
    System.out.println("| ruleset | findings | tp | fp | fn | precision | recall |");
    System.out.println("|---|---|---|---|---|---|---|");
    scores.forEach(
        (name, score) ->
            System.out.printf(
                "| %s | %d | %d | %d | %d | %.2f | %.2f |%n",
                name,
                score.tp + score.fp,
                score.tp,
                score.fp,
                score.fn,
                score.precision(),
                score.recall()));
    scores.forEach(
        (name, score) -> {
          System.out.println("\nPer purpose, " + name + " (tp/fp/fn):");
          score.perPurpose.forEach(
              (purpose, counts) ->
                  System.out.printf("  %s: %d/%d/%d%n", purpose, counts[0], counts[1], counts[2]));
          System.out.println("  false positives: " + score.falsePositives);
          System.out.println("  misses: " + score.misses);
        });
    // Cost, side by side in one run: rounds alternate between the rulesets after one warm-up each.
    Map<String, long[]> nanos = new LinkedHashMap<>();
    String[] rulesets = {"local/processing_purpose_indicator/1.0.0", null};
    for (int round = 0; round < 6; round++) {
      for (String ruleset : rulesets) {
        long start = System.nanoTime();
        score(items, truth, ruleset, work);
        long elapsed = System.nanoTime() - start;
        if (round > 0) {
          long[] sum = nanos.computeIfAbsent(ruleset == null ? "1.1.0" : "1.0.0", k -> new long[2]);
          sum[0] += elapsed;
          sum[1]++;
        }
      }
    }
    long characters =
        items.stream().mapToLong(item -> item.path("content").asText().length()).sum();
    nanos.forEach(
        (name, sum) ->
            System.out.printf(
                "%ncost %s: %.1f ms per pass over %,d characters (mean of %d rounds)",
                name, sum[0] / 1e6 / sum[1], characters, sum[1]));
    System.out.println();
    Score before = scores.get("1.0.0 (before)");
    Score after = scores.get("1.1.0 (after, default)");
    assertThat(after.precision()).isGreaterThan(before.precision());
  }

  private static Score score(
      List<ObjectNode> items, Map<String, Set<String>> truth, String ruleset, Path work) {
    ObjectNode properties = Json.mapper().createObjectNode();
    if (ruleset != null) {
      properties.put("ruleset", ruleset);
    }
    CollectingWriter out = new CollectingWriter("findings");
    new ProcessingPurposeAnalyser()
        .analyse(
            new RecordingContext(work, "bench", "purposes"),
            properties,
            List.of(Inputs.standardInput(items)),
            out);
    Set<String> found = new TreeSet<>();
    for (JsonNode finding : out.items()) {
      found.add(
          finding.path("location").path("file_path").asText()
              + "\t"
              + finding.path("purpose").asText()
              + "\t"
              + finding.path("confidence").asText()
              + " "
              + signals(finding));
    }
    Score score = new Score();
    Set<String> expected = new TreeSet<>();
    truth.forEach((file, purposes) -> purposes.forEach(p -> expected.add(file + "\t" + p)));
    Set<String> predicted = new TreeSet<>();
    for (String line : found) {
      String[] parts = line.split("\t");
      String key = parts[0] + "\t" + parts[1];
      if (!predicted.add(key)) {
        continue; // a second place (a JSON path) of the same file: scored per file
      }
      if (System.getProperty("wct.purposeBench.verbose") != null && expected.contains(key)) {
        System.out.println("TP " + line);
      }
      int[] counts = score.perPurpose.computeIfAbsent(parts[1], p -> new int[3]);
      if (expected.contains(key)) {
        score.tp++;
        counts[0]++;
      } else {
        score.fp++;
        counts[1]++;
        score.falsePositives.add(parts[0] + " " + parts[1] + " (" + parts[2] + ")");
        if (System.getProperty("wct.purposeBench.verbose") != null) {
          System.out.println("FP " + line);
        }
      }
    }
    for (String key : expected) {
      if (!predicted.contains(key)) {
        String[] parts = key.split("\t");
        score.fn++;
        score.perPurpose.computeIfAbsent(parts[1], p -> new int[3])[2]++;
        score.misses.add(parts[0] + " " + parts[1]);
      }
    }
    return score;
  }

  /** The finding's detectors as {@code kind:rule×matches}, for reading false positives. */
  private static String signals(JsonNode finding) {
    List<String> signals = new ArrayList<>();
    finding
        .path("detectors")
        .forEach(
            d ->
                signals.add(
                    d.path("kind").asText()
                        + ":"
                        + d.path("rule").asText()
                        + "×"
                        + d.path("matches").asText()));
    return String.join(",", signals);
  }

  /** The 1.0.0 keywords, every rule marked {@code evidence: processing}: context alone. */
  private static void writeEvidenceVariantOf100(Path target) throws IOException {
    JsonNode ruleset;
    try (InputStream in =
        FormPluginPurposeBench.class
            .getClassLoader()
            .getResourceAsStream("rulesets/processing_purpose_indicator/1.0.0.yaml")) {
      ruleset = YAML.readTree(in);
    }
    for (JsonNode rule : ruleset.path("rules")) {
      ObjectNode metadata =
          rule.has("metadata")
              ? (ObjectNode) rule.get("metadata")
              : ((ObjectNode) rule).putObject("metadata");
      metadata.put("evidence", "processing");
    }
    YAML.writeValue(target.toFile(), ruleset);
  }

  private static Map<String, Set<String>> truth() throws IOException {
    Map<String, Set<String>> truth = new TreeMap<>();
    try (InputStream in =
        FormPluginPurposeBench.class
            .getClassLoader()
            .getResourceAsStream("purpose/contact-form-7.purposes")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t");
        truth.put(parts[0], new TreeSet<>(List.of(parts[1].split(","))));
      }
    }
    return truth;
  }

  /** The file's text as the filesystem connector reads it, or null when it is binary. */
  private static String text(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return null;
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static final class Score {
    int tp;
    int fp;
    int fn;
    final Map<String, int[]> perPurpose = new TreeMap<>();
    final List<String> falsePositives = new ArrayList<>();
    final List<String> misses = new ArrayList<>();

    double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }
  }
}
