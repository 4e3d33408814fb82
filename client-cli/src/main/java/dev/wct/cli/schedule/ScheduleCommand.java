package dev.wct.cli.schedule;

import dev.wct.cli.options.TemporalOptions;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code wct schedule}: runbooks on Temporal Schedules. */
@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    description = {
      "Run runbooks on a schedule, on a Temporal server's Schedules (the dev server of 'wct"
          + " server', or a cluster), with the cluster's workers.",
      "Each fire is a run like 'wct run --address' starts: workflow ID wct-sched-NAME-<fire"
          + " time>, run ID <fire time>-NAME, searchable by WctSchedule in the Temporal UI."
    },
    subcommands = {ScheduleCreateCommand.class, ScheduleUpdateCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {
      "  wct schedule create nightly crm.yaml --cron '0 2 * * *' --address 127.0.0.1:7233",
      "  wct schedule describe nightly --address 127.0.0.1:7233",
      "  wct schedule backfill nightly --start 2026-11-01 --end 2026-11-08 --address"
          + " 127.0.0.1:7233"
    })
public final class ScheduleCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "wct schedule: missing command");
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the schedules.")
  int list(@Mixin TemporalOptions temporal) {
    try (ScheduleConnection connection = ScheduleConnection.open(temporal)) {
      ScheduleText.list(connection.schedules.list(), out());
    }
    return 0;
  }

  @Command(
      name = "describe",
      mixinStandardHelpOptions = true,
      description = "Show a schedule: its plan, timing, next fires and recent runs with status.")
  int describe(
      @Parameters(paramLabel = "NAME", description = "The schedule's name.") String name,
      @Mixin TemporalOptions temporal) {
    try (ScheduleConnection connection = ScheduleConnection.open(temporal)) {
      ScheduleText.describe(connection.schedules.describe(name), out());
    }
    return 0;
  }

  @Command(
      name = "pause",
      mixinStandardHelpOptions = true,
      description = "Pause a schedule: no fires until it is unpaused.")
  int pause(
      @Parameters(paramLabel = "NAME", description = "The schedule's name.") String name,
      @Option(names = "--note", paramLabel = "TEXT", description = "Why.") String note,
      @Mixin TemporalOptions temporal) {
    try (ScheduleConnection connection = ScheduleConnection.open(temporal)) {
      connection.schedules.pause(name, note);
    }
    return done("Schedule " + name + " paused" + (note == null ? "" : ": " + note));
  }

  @Command(name = "unpause", mixinStandardHelpOptions = true, description = "Unpause a schedule.")
  int unpause(
      @Parameters(paramLabel = "NAME", description = "The schedule's name.") String name,
      @Option(names = "--note", paramLabel = "TEXT", description = "Why.") String note,
      @Mixin TemporalOptions temporal) {
    try (ScheduleConnection connection = ScheduleConnection.open(temporal)) {
      connection.schedules.unpause(name, note);
    }
    return done("Schedule " + name + " unpaused" + (note == null ? "" : ": " + note));
  }

  @Command(
      name = "trigger",
      mixinStandardHelpOptions = true,
      description = "Fire a schedule now, under its overlap policy.")
  int trigger(
      @Parameters(paramLabel = "NAME", description = "The schedule's name.") String name,
      @Mixin TemporalOptions temporal) {
    try (ScheduleConnection connection = ScheduleConnection.open(temporal)) {
      connection.schedules.trigger(name);
    }
    return done(
        "Schedule " + name + " triggered; wct schedule describe " + name + " shows its run");
  }

  @Command(
      name = "backfill",
      mixinStandardHelpOptions = true,
      description =
          "Run the fires a schedule would have had between --start and --end, e.g. after an"
              + " outage.")
  int backfill(
      @Parameters(paramLabel = "NAME", description = "The schedule's name.") String name,
      @Option(
              names = "--start",
              required = true,
              paramLabel = "TIME",
              converter = TimeConverter.class,
              description = "From this time: 2026-11-01T02:00:00Z, or a date (UTC midnight).")
          Instant start,
      @Option(
              names = "--end",
              required = true,
              paramLabel = "TIME",
              converter = TimeConverter.class,
              description = "Until this time (exclusive).")
          Instant end,
      @Mixin TemporalOptions temporal) {
    try (ScheduleConnection connection = ScheduleConnection.open(temporal)) {
      connection.schedules.backfill(name, start, end);
    }
    return done("Schedule " + name + " backfilled from " + start + " to " + end);
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete a schedule; the runs it started stay.")
  int delete(
      @Parameters(paramLabel = "NAME", description = "The schedule's name.") String name,
      @Mixin TemporalOptions temporal) {
    try (ScheduleConnection connection = ScheduleConnection.open(temporal)) {
      connection.schedules.delete(name);
    }
    return done("Schedule " + name + " deleted; its runs stay");
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private int done(String line) {
    PrintWriter out = out();
    out.println(line);
    out.flush();
    return 0;
  }

  /** An instant, or a date meaning its midnight UTC. */
  static final class TimeConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException notAnInstant) {
        try {
          return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
          throw new TypeConversionException(
              "expected a time such as 2026-11-01T02:00:00Z or a date such as 2026-11-01, got '"
                  + value
                  + "'");
        }
      }
    }
  }
}
