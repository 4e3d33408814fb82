package dev.wct.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitsTest {
  @Test
  void bytesUseBinaryUnitsWithOneDecimal() {
    assertThat(Units.bytes(512)).isEqualTo("512 B");
    assertThat(Units.bytes(1229)).isEqualTo("1.2 KiB");
    assertThat(Units.bytes(5L * 1024 * 1024)).isEqualTo("5.0 MiB");
  }

  @Test
  void durationsGrowFromMillisecondsToHours() {
    assertThat(Units.duration(350)).isEqualTo("350ms");
    assertThat(Units.duration(1234)).isEqualTo("1.2s");
    assertThat(Units.duration(125_000)).isEqualTo("2m 05s");
    assertThat(Units.duration(3_720_000)).isEqualTo("1h 02m");
    assertThat(Units.duration((Long) null)).isEqualTo("-");
  }
}
