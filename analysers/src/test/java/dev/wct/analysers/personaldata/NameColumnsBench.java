package dev.wct.analysers.personaldata;

import dev.wct.analysers.common.EvidenceSettings;
import dev.wct.analysers.common.Findings;
import dev.wct.analysers.common.TextItem;
import dev.wct.analysers.ruleset.KnownDetectors;
import dev.wct.analysers.ruleset.Ruleset;
import dev.wct.analysers.ruleset.RulesetLoader;
import dev.wct.analysers.text.KeywordIndex;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The cost of the name-column rule inside {@link PersonalDataAnalyser#scan}: generated guests (Java
 * Faker names, e-mail addresses, room numbers) as database cells of a {@code guests} table (column
 * {@code customer}) and as a 1 MiB CSV file with a {@code name} column, each scanned with the
 * default ruleset as compiled and with the same compiled ruleset without {@link NameColumns},
 * interleaved in one JVM. Prints the names found and the CPU-time ratio with/without the rule over
 * the last half of the rounds. Runs only with {@code -Pbench}.
 */
@Tag("bench")
class NameColumnsBench {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  @Test
  void withAndWithoutTheNameColumnRule() {
    Ruleset ruleset =
        RulesetLoader.load(
            PersonalDataAnalyser.DEFAULT_RULESET,
            Path.of("."),
            "personal_data_indicator",
            KnownDetectors.NAMES);
    PersonalDataAnalyser.Compiled with = PersonalDataAnalyser.compile(ruleset, "US");
    PersonalDataAnalyser.Compiled without =
        new PersonalDataAnalyser.Compiled(
            with.keywords(),
            with.values(),
            with.valueCategories(),
            with.columnKeywords(),
            with.personWords(),
            with.personCategories(),
            with.keywordPass(),
            with.phoneColumns(),
            NameColumns.of(
                ruleset,
                KeywordIndex.<String>builder().build(),
                with.columnKeywords(),
                with.personCategories()),
            with.documentColumns());
    net.datafaker.Faker faker = new net.datafaker.Faker(new Random(42));
    List<TextItem> cells = new ArrayList<>();
    StringBuilder csv = new StringBuilder("name,email,room\n");
    long cellBytes = 0;
    while (csv.length() < 1024 * 1024) {
      String name = faker.name().firstName() + " " + faker.name().lastName();
      String email = faker.internet().emailAddress();
      String room = String.valueOf(100 + cells.size() % 400);
      csv.append(name).append(',').append(email).append(',').append(room).append('\n');
      for (String[] cell :
          List.of(
              new String[] {"customer", name},
              new String[] {"email", email},
              new String[] {"room", room})) {
        String text = cell[0] + ": " + cell[1];
        cellBytes += text.length();
        cells.add(new TextItem(text, null, "guests", cell[0], "main", "hotel"));
      }
    }
    TextItem file = new TextItem(csv.toString(), "guests.csv", null, null, null, null);
    int rounds = Integer.getInteger("wct.bench.rounds", 10);
    long[][] nanos = new long[2][2]; // [cells|csv][with|without]
    long[][] names = new long[2][2];
    for (int round = 0; round < rounds; round++) {
      for (int variant = 0; variant < 2; variant++) {
        PersonalDataAnalyser.Compiled compiled = variant == 0 ? with : without;
        for (int input = 0; input < 2; input++) {
          Findings findings =
              new Findings(
                  "personal_data",
                  EvidenceSettings.DEFAULTS,
                  new Redactor(EvidenceSettings.DEFAULTS, "US"));
          long start = CPU.getCurrentThreadCpuTime();
          for (TextItem item : input == 0 ? cells : List.of(file)) {
            findings.startItem(item, 0);
            PersonalDataAnalyser.scan(compiled, item, findings);
          }
          long spent = CPU.getCurrentThreadCpuTime() - start;
          if (round >= rounds / 2) {
            nanos[input][variant] += spent;
          }
          names[input][variant] =
              findings.findings().stream()
                  .filter(finding -> finding.name().equals("name"))
                  .mapToLong(Findings.Finding::matches)
                  .sum();
        }
      }
    }
    int measured = rounds - rounds / 2;
    System.out.printf(
        "cells: %d (%d bytes), names with/without the rule %d/%d, CPU with/without %.3f"
            + " (%.1f vs %.1f MB/s)%n",
        cells.size(),
        cellBytes,
        names[0][0],
        names[0][1],
        (double) nanos[0][0] / nanos[0][1],
        cellBytes * measured / 1e3 / (nanos[0][0] / 1e6),
        cellBytes * measured / 1e3 / (nanos[0][1] / 1e6));
    System.out.printf(
        "csv: %d bytes, names with/without the rule %d/%d, CPU with/without %.3f"
            + " (%.1f vs %.1f MB/s)%n",
        csv.length(),
        names[1][0],
        names[1][1],
        (double) nanos[1][0] / nanos[1][1],
        csv.length() * measured / 1e3 / (nanos[1][0] / 1e6),
        csv.length() * measured / 1e3 / (nanos[1][1] / 1e6));
  }
}
