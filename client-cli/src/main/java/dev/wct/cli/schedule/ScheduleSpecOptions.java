package dev.wct.cli.schedule;

import dev.wct.cli.options.Age;
import dev.wct.engine.schedule.Overlap;
import java.time.Duration;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/** When a schedule fires and how: the options {@code create} and {@code update} share. */
final class ScheduleSpecOptions {
  @Option(
      names = "--cron",
      paramLabel = "EXPR",
      description = "Fire on this cron expression, e.g. '0 2 * * *' (02:00 every day).")
  String cron;

  @Option(
      names = "--every",
      paramLabel = "DURATION",
      converter = Age.class,
      description = "Fire at this interval, e.g. 6h or 1d.")
  Duration every;

  @Option(
      names = "--timezone",
      paramLabel = "TZ",
      description = "Time zone of --cron, e.g. Europe/Paris (default: UTC).")
  String timezone;

  @Option(
      names = "--overlap",
      paramLabel = "POLICY",
      description =
          "When a fire comes while the previous run still runs: skip (default), buffer-one,"
              + " buffer-all, cancel-other, allow-all.")
  String overlap;

  @Option(
      names = "--jitter",
      paramLabel = "D",
      converter = Age.class,
      description = "Delay each fire by a random time of up to D, e.g. 10m.")
  Duration jitter;

  @Option(
      names = "--catchup-window",
      paramLabel = "D",
      converter = Age.class,
      description = "How late a fire missed during an outage may still start (server default: 1y).")
  Duration catchupWindow;

  @Option(names = "--note", paramLabel = "TEXT", description = "A note kept with the schedule.")
  String note;

  Overlap overlap() {
    return overlap == null ? null : Overlap.parse(overlap);
  }

  String timezone() {
    if (timezone != null) {
      try {
        ZoneId.of(timezone);
      } catch (java.time.DateTimeException e) {
        throw dev.wct.spi.error.WctException.user(
            "--timezone: unknown time zone '" + timezone + "' (e.g. UTC, Europe/Paris)");
      }
    }
    return timezone;
  }
}
