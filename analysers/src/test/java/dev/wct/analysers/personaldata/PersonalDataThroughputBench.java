package dev.wct.analysers.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.analysers.ruleset.KnownDetectors;
import dev.wct.analysers.ruleset.Rule;
import dev.wct.analysers.ruleset.Ruleset;
import dev.wct.analysers.ruleset.RulesetLoader;
import dev.wct.analysers.testing.Inputs;
import dev.wct.analysers.text.Tokens;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.ContentWriter;
import dev.wct.spi.message.SchemaRef;
import dev.wct.testkit.RecordingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throughput of {@code personal_data} on one thread over a generated 100 MB corpus, side by side
 * with ripgrep searching the same keyword and value patterns over the same files with one thread.
 * Runs only with {@code -Pbench}; writes {@code target/bench/personal_data.md}. CPU times and the
 * ratio are medians of {@code wct.bench.rounds} (3) interleaved rounds after one whole warm-up pass
 * of the analyser.
 */
@Tag("bench")
class PersonalDataThroughputBench {
  private static final long CORPUS_BYTES = Long.getLong("wct.bench.bytes", 100L * 1024 * 1024);
  private static final int FILE_BYTES = 1024 * 1024;

  @TempDir Path dir;

  @Test
  void personalDataThroughputAgainstRipgrep() throws Exception {
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            "| corpus | tool | threads | CPU time (median) | throughput per core | matches |%n"
                + "|---|---|---|---|---|---|%n"));
    for (int plantedEvery : new int[] {10, 100}) {
      report.append(measure(plantedEvery));
    }
    System.out.println(report);
    Path out = Path.of("target", "bench");
    Files.createDirectories(out);
    Files.writeString(out.resolve("personal_data.md"), report);
    // The same patterns for bench/jdk-sources.sh, which runs rg beside a whole `wct run`.
    Files.write(out.resolve("rg-patterns.txt"), ripgrepPatterns());
  }

  private String measure(int plantedEvery) throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus-" + plantedEvery));
    long bytes = writeCorpus(corpus, plantedEvery);
    List<Path> files = files(corpus);

    // Warm-up: one whole pass, so that the measured rounds see the JIT's final code rather than
    // its compiling (a first pass ran at 0.6-0.7 of the later ones). A worker pays that once per
    // process; bench/jdk-sources.sh measures a whole cold process, JIT included.
    long warmUpStart = System.nanoTime();
    analyse(files);
    double warmUpSeconds = (System.nanoTime() - warmUpStart) / 1e9;

    Path patterns = dir.resolve("patterns.txt");
    Files.write(patterns, ripgrepPatterns());
    String rg =
        "rg -j1 --no-ignore --count-matches --no-filename -f "
            + patterns
            + " "
            + corpus
            + " > "
            + dir.resolve("rg.out");
    runRipgrep(rg); // warm the page cache the same way
    // Interleaved rounds, alternating which goes first: the machine is shared, so each round's
    // ratio is taken side by side and the median of the rounds is reported.
    int rounds = Integer.getInteger("wct.bench.rounds", 3);
    List<Double> analyserSeconds = new ArrayList<>();
    List<Double> rgSecondsList = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    long[] result = null;
    for (int round = 0; round < rounds; round++) {
      double rgRound;
      if (round % 2 == 0) {
        result = analyse(files);
        rgRound = runRipgrep(rg);
      } else {
        rgRound = runRipgrep(rg);
        result = analyse(files);
      }
      analyserSeconds.add(result[0] / 1e9);
      rgSecondsList.add(rgRound);
      ratios.add(rgRound / (result[0] / 1e9));
    }
    double seconds = median(analyserSeconds);
    double mbPerSecond = bytes / 1e6 / seconds;
    double rgSeconds = median(rgSecondsList);
    long rgMatches =
        Files.readAllLines(dir.resolve("rg.out")).stream()
            .filter(line -> !line.isBlank())
            .mapToLong(Long::parseLong)
            .sum();
    double rgMbPerSecond = bytes / 1e6 / rgSeconds;
    double ratio = median(ratios);
    assertThat(result[1]).as("the corpus has personal data to find").isPositive();
    String name =
        String.format(
            Locale.ROOT,
            "%.1f MB, %d files, 1 piece in %d with values",
            bytes / 1e6,
            files.size(),
            plantedEvery);
    return String.format(
        Locale.ROOT,
        "| %s | personal_data analyser | 1 | %.2f s | %.1f MB/s | %d matches in %d categories |%n"
            + "| %s | ripgrep | 1 | %.2f s | %.1f MB/s | %d matching lines |%n"
            + "| %s | ratio analyser / ripgrep, median of %d interleaved rounds (all: %s) | | | %.2f"
            + " | |%n"
            + "| %s | the analyser's warm-up pass, wall (not in the ratio) | 1 | %.2f s | %.1f MB/s"
            + " | |%n",
        name,
        seconds,
        mbPerSecond,
        result[1],
        result[2],
        name,
        rgSeconds,
        rgMbPerSecond,
        rgMatches,
        name,
        rounds,
        ratios.stream()
            .map(r -> String.format(Locale.ROOT, "%.2f", r))
            .collect(Collectors.joining(" ")),
        ratio,
        name,
        warmUpSeconds,
        bytes / 1e6 / warmUpSeconds);
  }

  /**
   * Analyses the files as one input; returns {CPU nanos of this thread, matches, categories}. CPU
   * time, not wall time: the machine is shared, and per-core throughput is what is asked.
   */
  private static long[] analyse(List<Path> files) {
    Iterator<Path> paths = files.iterator();
    Iterator<JsonNode> items =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return paths.hasNext();
          }

          @Override
          public JsonNode next() {
            Path path = paths.next();
            try {
              return Inputs.file(path.getFileName().toString(), Files.readString(path));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        };
    long[] matches = new long[2];
    ContentWriter out =
        new ContentWriter() {
          private long count;

          @Override
          public void field(String name, JsonNode value) {
            if (name.equals("summary")) {
              matches[0] = value.path("total_matches").asLong();
              matches[1] = value.path("total_findings").asLong();
            }
          }

          @Override
          public void item(JsonNode item) {
            count++;
          }

          @Override
          public long itemCount() {
            return count;
          }
        };
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    new PersonalDataAnalyser()
        .analyse(
            new RecordingContext(Path.of("."), "run-1", "pii"),
            Json.mapper().createObjectNode(),
            List.of(Inputs.reader(SchemaRef.of("standard_input"), items)),
            out);
    return new long[] {threads.getCurrentThreadCpuTime() - start, matches[0], matches[1]};
  }

  /**
   * Writes ~1 MB files of prose, code and log lines. One piece in {@code plantedEvery} is a sample
   * with planted personal values and look-alike negatives; the rest is text and code without them,
   * closer to a real code base or document store than a wall of identifiers.
   */
  private static long writeCorpus(Path corpus, int plantedEvery) throws IOException {
    LabelledCorpus generator = new LabelledCorpus(42);
    List<String> samples = new ArrayList<>();
    for (LabelledCorpus.Sample sample : generator.samples(3000)) {
      samples.add(sample.text());
    }
    net.datafaker.Faker faker = new net.datafaker.Faker(new Random(42));
    List<String> filler = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      filler.add(
          switch (i % 4) {
            case 0 -> faker.lorem().paragraph(4);
            case 1 ->
                "function "
                    + faker.lorem().word()
                    + "Handler(req, res) {\n  const items = await db.query('SELECT id, title FROM "
                    + faker.lorem().word()
                    + " WHERE id = ?', [req.params.id]);\n  return res.json({ count: items.length, page: "
                    + i
                    + " });\n}";
            case 2 ->
                "def "
                    + faker.lorem().word()
                    + "_total(rows):\n    return sum(row['amount'] for row in rows if row['status'] == '"
                    + faker.lorem().word()
                    + "')";
            default ->
                "2024-05-0"
                    + (1 + i % 9)
                    + "T10:"
                    + (10 + i % 50)
                    + ":00Z INFO request "
                    + faker.lorem().word()
                    + " completed in "
                    + (i % 900)
                    + " ms status=200 build="
                    + generator.negative();
          });
    }
    Random random = new Random(42);
    long written = 0;
    int file = 0;
    while (written < CORPUS_BYTES) {
      StringBuilder text = new StringBuilder(FILE_BYTES + 4096);
      while (text.length() < FILE_BYTES) {
        List<String> pool = random.nextInt(plantedEvery) == 0 ? samples : filler;
        text.append(pool.get(random.nextInt(pool.size()))).append('\n');
      }
      byte[] data = text.toString().getBytes(StandardCharsets.UTF_8);
      Files.write(corpus.resolve(String.format("file-%04d.txt", file++)), data);
      written += data.length;
    }
    return written;
  }

  private static List<Path> files(Path corpus) throws IOException {
    try (Stream<Path> stream = Files.list(corpus)) {
      return stream.sorted().collect(Collectors.toList());
    }
  }

  /** The shipped keywords (case-insensitive, separators between words) and value shapes. */
  private static List<String> ripgrepPatterns() {
    Ruleset ruleset =
        RulesetLoader.load(
            PersonalDataAnalyser.DEFAULT_RULESET,
            Path.of("."),
            "personal_data_indicator",
            KnownDetectors.NAMES);
    List<String> patterns = new ArrayList<>();
    for (Rule rule : ruleset.rules()) {
      for (String keyword : rule.keywords()) {
        String words = String.join("[_\\-\\s.]*", Tokens.words(keyword));
        patterns.add("(?i)(?:^|[^a-z0-9])" + words + "(?:[^a-z0-9]|$)");
      }
    }
    patterns.add("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,24}");
    patterns.add("\\b(?:\\d[ -]?){12,18}\\d\\b");
    patterns.add("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b");
    patterns.add("\\b\\d{3}[- ]\\d{2}[- ]\\d{4}\\b");
    patterns.add("\\b[A-Z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]\\b");
    patterns.add("\\b(?:\\d{1,3}\\.){3}\\d{1,3}\\b");
    patterns.add(
        "\\b(?:[0-9a-fA-F]{1,4}:){2,7}[0-9a-fA-F]{1,4}\\b|\\b[0-9a-fA-F]{1,4}::[0-9a-fA-F:]+");
    patterns.add("\\+?\\(?\\d{1,4}\\)?[ .-]?\\d{2,4}[ .-]?\\d{3,4}[ .-]?\\d{0,4}");
    patterns.add("(?i)(?:dob|date of birth|born)\\W{0,20}\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}");
    return patterns;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Runs rg under bash's {@code time}; returns its user + system CPU seconds. */
  private static double runRipgrep(String command) throws Exception {
    Process process =
        new ProcessBuilder("bash", "-c", "TIMEFORMAT='%U %S'; time (" + command + ")").start();
    String timing =
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    int exit = process.waitFor();
    assertThat(exit).as("rg exit code (0 = matches found): %s", timing).isZero();
    String[] last = timing.lines().reduce((a, b) -> b).orElse("0 0").split(" ");
    return Double.parseDouble(last[0]) + Double.parseDouble(last[1]);
  }
}
