package dev.wct.analysers.personaldata;

import dev.wct.analysers.ruleset.KnownDetectors;
import dev.wct.analysers.ruleset.Rule;
import dev.wct.analysers.ruleset.RulesetLoader;
import dev.wct.analysers.text.KeywordIndex;
import dev.wct.analysers.text.Tokens;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What binding {@code document_number} costs: CPU time of the analyser's keyword pass and value
 * scan over a 4 MB text with ruleset 1.3.0 and 1.4.0, interleaved in one JVM. Runs only with {@code
 * -Pbench}.
 */
@Tag("bench")
class DocumentNumberRulesetBench {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  @Test
  void keywordPassAndValueScanWithAndWithoutDocumentNumbers() {
    LabelledCorpus generator = new LabelledCorpus(42);
    net.datafaker.Faker faker = new net.datafaker.Faker(new Random(42));
    StringBuilder sb = new StringBuilder();
    int n = 0;
    while (sb.length() < 4_000_000) {
      sb.append(n++ % 10 == 0 ? generator.samples(1).get(0).text() : faker.lorem().paragraph(4))
          .append('\n');
    }
    String text = sb.toString();
    Tokens tokens = Tokens.of(text);
    List<PersonalDataAnalyser.Compiled> versions = new ArrayList<>();
    for (String version : List.of("1.3.0", "1.4.0")) {
      versions.add(
          PersonalDataAnalyser.compile(
              RulesetLoader.load(
                  "local/personal_data_indicator/" + version,
                  Path.of("."),
                  "personal_data_indicator",
                  KnownDetectors.NAMES),
              "US"));
    }
    long[] total = new long[2];
    for (int round = 0; round < 14; round++) {
      for (int v = 0; v < 2; v++) {
        PersonalDataAnalyser.Compiled compiled = versions.get(v);
        long t = CPU.getCurrentThreadCpuTime();
        List<KeywordIndex.Recorded<?>> cues = compiled.values().cueRecorders();
        List<KeywordIndex.Hit<?>> hits = new ArrayList<>();
        int[] count = {0};
        hits.add((KeywordIndex.Hit<Rule>) (rule, keyword, start, end) -> count[0]++);
        hits.addAll(cues);
        compiled.keywordPass().find(tokens, hits);
        count[0] += compiled.values().scan(text, tokens, cues).size();
        long cpu = CPU.getCurrentThreadCpuTime() - t;
        if (round >= 4) {
          total[v] += cpu;
        }
        System.out.printf(
            "round %d ruleset %s: %.1f MB/s, %d matches%n",
            round, v == 0 ? "1.3.0" : "1.4.0", text.length() / 1e3 / (cpu / 1e6), count[0]);
      }
    }
    System.out.printf(
        "CPU time 1.4.0 / 1.3.0 over rounds 4-13: %.3f%n", (double) total[1] / total[0]);
  }
}
