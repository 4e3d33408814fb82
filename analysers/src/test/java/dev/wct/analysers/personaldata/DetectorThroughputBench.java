package dev.wct.analysers.personaldata;

import dev.wct.analysers.ruleset.KnownDetectors;
import dev.wct.analysers.ruleset.RulesetLoader;
import dev.wct.analysers.text.Tokens;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("bench")
/**
 * Where the time of {@code personal_data} goes: CPU-time throughput of the tokenizer, the keyword
 * index and each value detector alone over a 4 MB text. Runs only with {@code -Pbench}.
 */
class DetectorThroughputBench {
  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  @Test
  void throughputOfEachStage() {
    LabelledCorpus generator = new LabelledCorpus(42);
    net.datafaker.Faker faker = new net.datafaker.Faker(new Random(42));
    StringBuilder sb = new StringBuilder();
    int n = 0;
    while (sb.length() < 4_000_000) {
      sb.append(n++ % 10 == 0 ? generator.samples(1).get(0).text() : faker.lorem().paragraph(4))
          .append('\n');
    }
    String text = sb.toString();
    var ruleset =
        RulesetLoader.load(
            PersonalDataAnalyser.DEFAULT_RULESET,
            Path.of("."),
            "personal_data_indicator",
            KnownDetectors.NAMES);
    var compiled = PersonalDataAnalyser.compile(ruleset, "US");
    Map<String, ValueDetector> detectors = ValueScanner.detectors("US");
    for (int round = 0; round < 4; round++) {
      long t = CPU.getCurrentThreadCpuTime();
      Tokens tokens = Tokens.of(text);
      long tok = CPU.getCurrentThreadCpuTime() - t;
      t = CPU.getCurrentThreadCpuTime();
      int[] c = {0};
      compiled.keywords().find(tokens, (r, k, s, e) -> c[0]++);
      long kw = CPU.getCurrentThreadCpuTime() - t;
      StringBuilder line =
          new StringBuilder(
              String.format(
                  "tokens %.1f MB/s, keywords %.1f MB/s",
                  text.length() / 1e3 / (tok / 1e6), text.length() / 1e3 / (kw / 1e6)));
      for (var entry : detectors.entrySet()) {
        t = CPU.getCurrentThreadCpuTime();
        entry.getValue().find(text, tokens, (s, e) -> c[0]++);
        long d = CPU.getCurrentThreadCpuTime() - t;
        line.append(String.format(", %s %.1f", entry.getKey(), text.length() / 1e3 / (d / 1e6)));
      }
      System.out.println(line);
    }
  }
}
