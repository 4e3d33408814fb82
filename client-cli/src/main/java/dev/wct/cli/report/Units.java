package dev.wct.cli.report;

import java.time.Duration;
import java.util.Locale;

/** Human-readable sizes and durations, as every wct command prints them. */
public final class Units {
  private static final String[] BYTE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

  private Units() {}

  /** {@code 512 B}, {@code 1.2 KiB}, {@code 3.4 MiB}. */
  public static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, BYTE_UNITS[unit]);
  }

  /** {@code 350ms}, {@code 1.2s}, {@code 2m 05s}, {@code 1h 02m}. */
  public static String duration(long millis) {
    if (millis < 1000) {
      return millis + "ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
    Duration d = Duration.ofMillis(millis);
    if (millis < 3_600_000) {
      return String.format(Locale.ROOT, "%dm %02ds", d.toMinutes(), d.toSecondsPart());
    }
    return String.format(Locale.ROOT, "%dh %02dm", d.toHours(), d.toMinutesPart());
  }

  /** Like {@link #duration(long)}, or {@code -} when unknown. */
  public static String duration(Long millis) {
    return millis == null ? "-" : duration(millis.longValue());
  }
}
