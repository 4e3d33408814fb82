package dev.wct.analysers.personaldata;

import dev.wct.analysers.common.EvidenceSettings;
import dev.wct.analysers.common.Findings;
import dev.wct.analysers.common.TextItem;
import dev.wct.analysers.ruleset.KnownDetectors;
import dev.wct.analysers.ruleset.RulesetLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * CPU-time throughput of the scan loop alone (tokens, keywords, values, findings) over 1 MiB items
 * held in memory, repeated so that the JIT settles; good for profiling one change at a time. Runs
 * only with {@code -Pbench}.
 */
@Tag("bench")
class ScanThroughputBench {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  @Test
  void scanThroughputOverRepeatedRounds() throws Exception {
    String jfr = System.getProperty("wct.bench.jfr");
    try (jdk.jfr.Recording recording =
        new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"))) {
      if (jfr != null) {
        recording.setDestination(Path.of(jfr));
        recording.start();
      }
      rounds();
    }
  }

  private static void rounds() {
    List<String> items = items(Integer.getInteger("wct.bench.planted", 10), 20);
    var compiled =
        PersonalDataAnalyser.compile(
            RulesetLoader.load(
                PersonalDataAnalyser.DEFAULT_RULESET,
                Path.of("."),
                "personal_data_indicator",
                KnownDetectors.NAMES),
            "US");
    long bytes = items.stream().mapToLong(String::length).sum();
    for (int round = 0; round < Integer.getInteger("wct.bench.rounds", 6); round++) {
      Findings findings =
          new Findings(
              "personal_data",
              EvidenceSettings.DEFAULTS,
              new Redactor(EvidenceSettings.DEFAULTS, "US"));
      long start = CPU.getCurrentThreadCpuTime();
      int n = 0;
      for (String text : items) {
        TextItem item = new TextItem(text, "f" + n++ + ".txt", null, null, null, null);
        findings.startItem(item, 0);
        PersonalDataAnalyser.scan(compiled, item, findings);
      }
      long nanos = CPU.getCurrentThreadCpuTime() - start;
      System.out.printf("round %d: %.1f MB/s%n", round, bytes / 1e3 / (nanos / 1e6));
    }
  }

  private static List<String> items(int plantedEvery, int count) {
    LabelledCorpus generator = new LabelledCorpus(42);
    net.datafaker.Faker faker = new net.datafaker.Faker(new Random(42));
    List<String> samples = new ArrayList<>();
    generator.samples(1000).forEach(sample -> samples.add(sample.text()));
    List<String> filler = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      filler.add(
          i % 2 == 0
              ? faker.lorem().paragraph(4)
              : "2024-05-0" + (1 + i % 9) + "T10:00Z INFO done build=" + generator.negative());
    }
    Random random = new Random(42);
    List<String> items = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      StringBuilder text = new StringBuilder();
      while (text.length() < 1024 * 1024) {
        List<String> pool = random.nextInt(plantedEvery) == 0 ? samples : filler;
        text.append(pool.get(random.nextInt(pool.size()))).append('\n');
      }
      items.add(text.toString());
    }
    return items;
  }
}
