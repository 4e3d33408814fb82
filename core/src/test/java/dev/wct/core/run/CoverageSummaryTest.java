package dev.wct.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.spi.coverage.SkipReason;
import org.junit.jupiter.api.Test;

class CoverageSummaryTest {
  @Test
  void gapsAreCountedPerReasonAndExclusionsAreNoGap() {
    CoverageCollector files = new CoverageCollector();
    files.objectsAre("files");
    for (int i = 0; i < 117; i++) {
      files.scanned("f" + i);
    }
    files.skipped("a.png", SkipReason.BINARY);
    files.skipped("b.png", SkipReason.BINARY);
    files.skipped("dump.sql", SkipReason.TOO_LARGE);
    files.skipped("vendor", SkipReason.EXCLUDED);

    CoverageSummary summary = files.summary();

    assertThat(summary.scanned()).isEqualTo(117);
    assertThat(summary.skipped()).isEqualTo(4);
    assertThat(summary.gaps()).isEqualTo(3);
    assertThat(summary.skippedByReason())
        .containsEntry("BINARY", 2L)
        .containsEntry("TOO_LARGE", 1L)
        .containsEntry("EXCLUDED", 1L);
    assertThat(summary.warnings("files", true))
        .containsExactly("files: 3 of 120 files skipped (2 binary, 1 too large)");
  }

  @Test
  void aSourceThatReadNothingIsAWarningNamingWhy() {
    CoverageCollector empty = new CoverageCollector();
    empty.objectsAre("tables");
    assertThat(empty.summary().warnings("crm_db", true)).containsExactly("crm_db: read 0 tables");

    CoverageCollector excluded = new CoverageCollector();
    excluded.objectsAre("tables");
    excluded.skipped("main.users", SkipReason.EXCLUDED);
    assertThat(excluded.summary().warnings("crm_db", true))
        .containsExactly("crm_db: read 0 tables (1 skipped: 1 excluded)");
  }

  @Test
  void aSourceWhoseTablesAreAllEmptyReadZeroRows() {
    CoverageCollector db = new CoverageCollector();
    db.objectsAre("tables");
    db.sampled("main.users", 0, 0L);
    db.sampled("main.orders", 0, 0L);
    db.skipped("main.audit", SkipReason.NO_PERMISSION);

    assertThat(db.summary().warnings("crm_db", true))
        .containsExactly(
            "crm_db: read 0 rows (2 tables sampled, all empty)",
            "crm_db: 1 of 3 tables skipped (1 no permission)");
  }

  @Test
  void anAnalyserThatSawNothingAndSkippedNothingHasNoWarning() {
    CoverageCollector analyser = new CoverageCollector();
    analyser.objectsAre("files");
    assertThat(analyser.summary().warnings("code", false)).isEmpty();
  }

  @Test
  void sampledTablesCountTheirRowsAndAreNoGap() {
    CoverageCollector db = new CoverageCollector();
    db.sampled("main.users", 10, 1200L);
    db.sampled("main.empty", 0, 0L);
    db.skipped("main.secret", SkipReason.NO_PERMISSION);

    CoverageSummary summary = db.summary();
    assertThat(summary.sampled()).isEqualTo(2);
    assertThat(summary.rowsRead()).isEqualTo(10);
    assertThat(summary.warnings("db", true))
        .containsExactly("db: 1 of 3 objects skipped (1 no permission)");
  }

  @Test
  void recordingAnObjectAgainReplacesItAndTheRecordListsEachOnce() {
    CoverageCollector collector = new CoverageCollector();
    collector.scanned("a");
    collector.skipped("a", SkipReason.UNREADABLE);

    ArtifactCoverage record = collector.record("files", 2, java.util.List.of());
    assertThat(record.objects())
        .containsExactly(ObjectCoverage.skipped("a", SkipReason.UNREADABLE));
    assertThat(record.summary().scanned()).isZero();
    assertThat(record.objectsNotListed()).isZero();
  }

  @Test
  void partitionsMergeIntoTheCoverageOfTheWholeIncludingObjectsBeyondTheListingLimit() {
    CoverageCollector first = new CoverageCollector();
    first.objectsAre("files");
    first.scanned("a.txt");
    first.skipped("c.png", SkipReason.BINARY);
    CoverageCollector second = new CoverageCollector();
    second.objectsAre("files");
    for (int i = 0; i < CoverageCollector.MAX_LISTED_OBJECTS + 2; i++) {
      second.scanned("f" + i);
    }
    second.skipped("big.log", SkipReason.TOO_LARGE); // beyond the limit: only counted

    CoverageCollector whole = new CoverageCollector();
    whole.add(first.record("files~p000000", 1, java.util.List.of()));
    whole.add(second.record("files~p000001", 1, java.util.List.of()));
    CoverageSummary summary = whole.summary();

    assertThat(summary.objectKind()).isEqualTo("files");
    assertThat(summary.scanned()).isEqualTo(CoverageCollector.MAX_LISTED_OBJECTS + 3L);
    assertThat(summary.skippedByReason())
        .containsEntry("BINARY", 1L)
        .containsEntry("TOO_LARGE", 1L);
    assertThat(whole.objects()).hasSize(CoverageCollector.MAX_LISTED_OBJECTS);
  }

  @Test
  void rowRangesOfOneTableMergeIntoOneTableWithTheRowsOfAll() {
    CoverageCollector whole = new CoverageCollector();
    long[] ranges = {250_000, 250_000, 1_234};
    for (int i = 0; i < ranges.length; i++) {
      CoverageCollector range = new CoverageCollector();
      range.objectsAre("tables");
      range.sampled("main.events", ranges[i], 501_234L);
      whole.add(range.record("db~p00000" + i, 1, java.util.List.of()));
    }

    assertThat(whole.objects())
        .containsExactly(ObjectCoverage.sampled("main.events", 501_234, 501_234L));
    assertThat(whole.summary().sampled()).isEqualTo(1);
    assertThat(whole.summary().rowsRead()).isEqualTo(501_234);
  }
}
