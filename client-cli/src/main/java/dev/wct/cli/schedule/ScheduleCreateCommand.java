package dev.wct.cli.schedule;

import dev.wct.cli.context.CliContext;
import dev.wct.cli.options.TemporalOptions;
import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.planner.Planner;
import dev.wct.engine.schedule.Overlap;
import dev.wct.engine.schedule.ScheduleDefinition;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wct schedule create}: plans a runbook now and runs that plan on a schedule. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Create a schedule that runs RUNBOOK on the cluster's workers, with --cron or --every.",
      "The runbook is planned and validated now; every fire runs that plan (its hash is shown"
          + " by 'wct schedule describe'); 'wct schedule update' plans it again."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  wct schedule create nightly crm.yaml --cron '0 2 * * *' --timezone Europe/Paris"
          + " --address 127.0.0.1:7233",
      "  wct schedule create hourly files.yaml --every 1h --jitter 5m --address 127.0.0.1:7233"
    })
public final class ScheduleCreateCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  private final CliContext context;

  @Parameters(index = "0", paramLabel = "NAME", description = "The schedule's name.")
  private String name;

  @Parameters(index = "1", paramLabel = "RUNBOOK", description = "The runbook YAML file.")
  private Path runbook;

  @Mixin private ScheduleSpecOptions when;

  @Option(names = "--paused", description = "Create it paused; 'wct schedule unpause' starts it.")
  private boolean paused;

  @Mixin private TemporalOptions temporal;

  ScheduleCreateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ScheduleDefinition.name(name);
    ScheduleDefinition.checkTiming(when.cron, when.every, when.timezone());
    Overlap overlap = when.overlap();
    ExecutionPlan plan = new Planner(context.catalog()).plan(runbook);
    ScheduleDefinition definition =
        new ScheduleDefinition(
            name,
            runbook.toAbsolutePath().normalize().toString(),
            plan,
            when.cron,
            when.every,
            when.timezone(),
            overlap,
            when.jitter,
            when.catchupWindow,
            paused,
            when.note);
    try (ScheduleConnection connection = ScheduleConnection.open(temporal)) {
      connection.schedules.create(definition);
      ScheduleText.created(connection.schedules.describe(name), spec.commandLine().getOut());
    }
    return 0;
  }
}
