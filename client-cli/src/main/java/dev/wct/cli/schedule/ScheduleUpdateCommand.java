package dev.wct.cli.schedule;

import dev.wct.cli.context.CliContext;
import dev.wct.cli.options.TemporalOptions;
import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.planner.Planner;
import dev.wct.engine.schedule.ScheduleDefinition;
import dev.wct.engine.schedule.ScheduleView;
import dev.wct.spi.error.WctException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wct schedule update}: plans the runbook again and changes what the options say. */
@Command(
    name = "update",
    mixinStandardHelpOptions = true,
    description = {
      "Plan the schedule's runbook again (or RUNBOOK) and change what the options give; the"
          + " rest stays as it was. The next fires run the new plan."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  wct schedule update nightly --address 127.0.0.1:7233",
      "  wct schedule update nightly crm-v2.yaml --cron '0 3 * * *' --address 127.0.0.1:7233"
    })
public final class ScheduleUpdateCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  private final CliContext context;

  @Parameters(index = "0", paramLabel = "NAME", description = "The schedule's name.")
  private String name;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "RUNBOOK",
      description = "The runbook to plan (default: the one the schedule was planned from).")
  private Path runbook;

  @Mixin private ScheduleSpecOptions when;

  @Option(
      names = "--paused",
      negatable = true,
      description = "Pause it (--paused) or unpause it (--no-paused); default: as it is.")
  private Boolean paused;

  @Mixin private TemporalOptions temporal;

  ScheduleUpdateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ScheduleDefinition.name(name);
    try (ScheduleConnection connection = ScheduleConnection.open(temporal)) {
      ScheduleView current = connection.schedules.describe(name);
      Path file = runbook != null ? runbook : currentRunbook(current);
      ExecutionPlan plan = new Planner(context.catalog()).plan(file);
      boolean newTiming = when.cron != null || when.every != null;
      ScheduleDefinition definition =
          new ScheduleDefinition(
              name,
              file.toAbsolutePath().normalize().toString(),
              plan,
              newTiming ? when.cron : current.cron(),
              newTiming ? when.every : current.every(),
              when.timezone != null
                  ? when.timezone()
                  : newTiming && when.cron == null ? null : current.timezone(),
              when.overlap() != null ? when.overlap() : current.overlap(),
              when.jitter != null ? when.jitter : current.jitter(),
              when.catchupWindow != null ? when.catchupWindow : current.catchupWindow(),
              false,
              when.note);
      connection.schedules.update(definition, paused);
      ScheduleText.updated(
          current, connection.schedules.describe(name), spec.commandLine().getOut());
    }
    return 0;
  }

  private Path currentRunbook(ScheduleView current) {
    if (current.runbookPath() == null) {
      throw WctException.user(
          "schedule '" + name + "' names no runbook file; give RUNBOOK to plan");
    }
    return Path.of(current.runbookPath());
  }
}
