package dev.wct.cli.remote;

import dev.wct.cli.options.TemporalOptions;
import dev.wct.engine.connect.RemoteConnection;
import dev.wct.spi.error.WctException;
import dev.wct.workflows.run.RunbookWorkflow;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wct cancel}: asks Temporal to cancel a run's workflow, which cancels its producers in
 * flight and records every artifact it did not finish; waits a little to say whether it ended.
 */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    description = {
      "Cancel a run on a Temporal cluster: producers in flight are cancelled, the artifacts it"
          + " did not produce are recorded, and the run ends as cancelled.",
      "Exit code: 0 cancelled or cancellation requested, 1 Temporal unreachable, 2 unknown or"
          + " already ended run, or usage."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  wct cancel 20261201-093000-ab12cd --address temporal.example.com:7233"})
public final class CancelCommand implements Callable<Integer> {
  /** How long to wait for the workflow to close before saying it is still winding down. */
  static final Duration WAIT = Duration.ofSeconds(10);

  private static final long POLL_MILLIS = 200;

  @Spec private CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "RUN_ID",
      converter = RunIdParameter.class,
      description = "The run, as wct submit or wct run printed it.")
  private String runId;

  @Mixin private TemporalOptions temporal;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    String workflowId = RunbookWorkflow.workflowId(runId);
    try (RemoteConnection connection = RemoteConnection.connect(temporal.settings())) {
      Optional<WorkflowExecutionStatus> state = connection.describeRun(workflowId);
      if (state.isEmpty()) {
        throw WctException.user("no run " + runId + " at Temporal " + connection.describe());
      }
      if (state.get() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        throw WctException.user(
            "run " + runId + " is over (workflow " + word(state.get()) + "): nothing to cancel");
      }
      connection.client().newUntypedWorkflowStub(workflowId).cancel();
      out.println("Cancellation of run " + runId + " requested");
      out.flush();
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        Thread.sleep(POLL_MILLIS);
        WorkflowExecutionStatus now = connection.describeRun(workflowId).orElseThrow();
        if (now != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
          out.println("Run " + runId + " ended: workflow " + word(now));
          return 0;
        }
      }
      out.println(
          "Run "
              + runId
              + " is still winding down its producers; "
              + System.getProperty("wct.command", "wct")
              + " status "
              + runId
              + temporal.givenArguments()
              + " shows when it has ended");
      return 0;
    }
  }

  /** {@code WORKFLOW_EXECUTION_STATUS_CANCELED} as {@code canceled}. */
  static String word(WorkflowExecutionStatus state) {
    return state.name().substring("WORKFLOW_EXECUTION_STATUS_".length()).toLowerCase(Locale.ROOT);
  }
}
