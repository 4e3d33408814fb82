package dev.wct.analysers.personaldata;

import dev.wct.analysers.common.EvidenceSettings;
import dev.wct.analysers.common.Findings;
import dev.wct.analysers.common.TextItem;
import dev.wct.analysers.ruleset.KnownDetectors;
import dev.wct.analysers.ruleset.RulesetLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Phone numbers as Python Faker makes them ({@link #FORMATS}) in a 1 MiB CSV column headed {@code
 * phone} and, the same rows, headed {@code sku}: how many of the column's values each finds (the
 * {@code sku} column shows what the text scan finds without the header), and the CPU time of the
 * scan of each, interleaved in one JVM. Runs only with {@code -Pbench}.
 */
@Tag("bench")
class PhoneColumnsBench {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  @Test
  void phoneColumnAgainstSkuColumn() {
    String rows = rows();
    String phone = "name,phone,city\n" + rows;
    String sku = "name,sku,city\n" + rows;
    var compiled =
        PersonalDataAnalyser.compile(
            RulesetLoader.load(
                PersonalDataAnalyser.DEFAULT_RULESET,
                Path.of("."),
                "personal_data_indicator",
                KnownDetectors.NAMES),
            "US");
    long[] nanos = new long[2];
    long[] matched = new long[2];
    long examined = 0;
    int rounds = Integer.getInteger("wct.bench.rounds", 12);
    for (int round = 0; round < rounds; round++) {
      for (int variant = 0; variant < 2; variant++) {
        String text = variant == 0 ? phone : sku;
        Findings findings =
            new Findings(
                "personal_data",
                EvidenceSettings.DEFAULTS,
                new Redactor(EvidenceSettings.DEFAULTS, "US"));
        TextItem item = new TextItem(text, "people.csv", null, null, null, null);
        findings.startItem(item, 0);
        long start = CPU.getCurrentThreadCpuTime();
        PersonalDataAnalyser.scan(compiled, item, findings);
        long spent = CPU.getCurrentThreadCpuTime() - start;
        if (round >= rounds / 2) {
          nanos[variant] += spent;
        }
        String column = variant == 0 ? "phone" : "sku";
        for (Findings.Finding finding : findings.findings()) {
          if (finding.name().equals("phone")
              && column.equals(finding.location().json().path("column").asText())
              && round == 0) {
            matched[variant] = finding.patterns().getOrDefault("phone_number", 0L);
          }
        }
      }
    }
    examined = rows.lines().count();
    System.out.printf(
        "rows %d (%d bytes): phone column %d found, sku column %d found;"
            + " CPU phone/sku %.3f (%.1f vs %.1f MB/s, last %d rounds)%n",
        examined,
        phone.length(),
        matched[0],
        matched[1],
        (double) nanos[0] / nanos[1],
        phone.length() * (rounds - rounds / 2) / 1e3 / (nanos[0] / 1e6),
        sku.length() * (rounds - rounds / 2) / 1e3 / (nanos[1] / 1e6),
        rounds - rounds / 2);
  }

  /**
   * The en_US formats of Python Faker's phone provider (the one users make test CSVs with), each
   * {@code #} a random digit: most of these numbers no numbering plan assigns.
   */
  private static final String[] FORMATS = {
    "###-###-####",
    "(###)###-####",
    "###.###.####",
    "###-###-####x###",
    "(###)###-####x###",
    "###.###.####x###",
    "+1-###-###-####",
    "+1-###-###-####x###",
    "001-###-###-####",
    "001-###-###-####x###",
    "###-###-####x####",
    "(###)###-####x####",
    "###.###.####x####",
    "+1-###-###-####x####",
    "001-###-###-####x####",
    "###-###-####x#####",
    "(###)###-####x#####",
    "###.###.####x#####",
    "+1-###-###-####x#####",
    "001-###-###-####x#####"
  };

  private static String rows() {
    net.datafaker.Faker faker = new net.datafaker.Faker(new Random(42));
    Random random = new Random(42);
    StringBuilder rows = new StringBuilder();
    while (rows.length() < 1024 * 1024) {
      rows.append(faker.name().firstName()).append(',');
      for (char c : FORMATS[random.nextInt(FORMATS.length)].toCharArray()) {
        rows.append(c == '#' ? (char) ('0' + random.nextInt(10)) : c);
      }
      rows.append(',').append(faker.address().city()).append('\n');
    }
    return rows.toString();
  }
}
