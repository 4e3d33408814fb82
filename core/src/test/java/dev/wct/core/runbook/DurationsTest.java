package dev.wct.core.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void parsesEveryUnitAndPlainSeconds() {
    assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
    assertThat(Durations.parse("30s")).contains(Duration.ofSeconds(30));
    assertThat(Durations.parse("10m")).contains(Duration.ofMinutes(10));
    assertThat(Durations.parse("2h")).contains(Duration.ofHours(2));
    assertThat(Durations.parse("1d")).contains(Duration.ofDays(1));
    assertThat(Durations.parse("1.5s")).contains(Duration.ofMillis(1500));
    assertThat(Durations.parse("90")).contains(Duration.ofSeconds(90));
  }

  @Test
  void rejectsUnknownUnitsAndWords() {
    assertThat(Durations.parse("10 minutes")).isEmpty();
    assertThat(Durations.parse("soon")).isEmpty();
    assertThat(Durations.parse("5w")).isEmpty();
  }

  @Test
  void formatsShortly() {
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(Durations.format(Duration.ofHours(1))).isEqualTo("1h");
    assertThat(Durations.format(Duration.ofMillis(250))).isEqualTo("250ms");
  }
}
