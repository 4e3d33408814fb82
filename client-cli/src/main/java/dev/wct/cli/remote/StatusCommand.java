package dev.wct.cli.remote;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.cli.options.JsonOption;
import dev.wct.cli.options.StoreOptions;
import dev.wct.cli.options.TemporalOptions;
import dev.wct.cli.report.ArtifactTable;
import dev.wct.cli.report.RunJson;
import dev.wct.cli.run.RunExit;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.run.RunStatus;
import dev.wct.engine.RunHandle;
import dev.wct.engine.connect.RemoteConnection;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.spi.json.Json;
import dev.wct.store.ArtifactStore;
import dev.wct.store.runs.RunRecord;
import dev.wct.store.runs.RunRecords;
import dev.wct.workflows.partition.PartitionsDone;
import dev.wct.workflows.run.RunProgress;
import dev.wct.workflows.run.RunResult;
import dev.wct.workflows.run.RunbookWorkflow;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wct status}: one look at a run. An open workflow answers its {@code status} query; a
 * closed one is read from the store's run records, else from Temporal's description of it; a run
 * Temporal does not know (or an unreachable Temporal) from the store alone.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show where a run stands, once: from its workflow while it runs, else from the store's"
          + " run records or Temporal's record of the closed workflow.",
      "Exit code: as wct run: 0 completed or completed_with_errors, 1 failed, timed out or"
          + " cancelled, 3 completed_with_warnings, 4 still running; 2 unknown run or usage."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  wct status 20261201-093000-ab12cd --address temporal.example.com:7233",
      "  wct status 20261201-093000-ab12cd --profile prod --json"
    })
public final class StatusCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "RUN_ID",
      converter = RunIdParameter.class,
      description = "The run, as wct submit or wct run printed it.")
  private String runId;

  @Mixin private StoreOptions store;

  @Mixin private TemporalOptions temporal;

  @Mixin private JsonOption json;

  @Override
  public Integer call() throws Exception {
    List<String> notes = new ArrayList<>();
    ArtifactStore artifacts = openStore(notes);
    try {
      RunLook look = look(artifacts, notes);
      PrintWriter out = spec.commandLine().getOut();
      if (json.enabled()) {
        printJson(look, out);
      } else {
        printText(look, out);
      }
      out.flush();
      return RunExit.of(look.status());
    } finally {
      if (artifacts != null) {
        artifacts.close();
      }
    }
  }

  private ArtifactStore openStore(List<String> notes) {
    try {
      return store.open();
    } catch (RuntimeException e) {
      notes.add("store " + store.displayName() + " not readable: " + e.getMessage());
      return null;
    }
  }

  private RunLook look(ArtifactStore artifacts, List<String> notes) {
    Optional<RunRecord> record = record(artifacts, notes);
    RemoteConnection connection;
    try {
      connection = RemoteConnection.connect(temporal.settings());
    } catch (WctException unreachable) {
      if (unreachable.kind() == ErrorKind.USER || record.isEmpty()) {
        throw unreachable;
      }
      notes.add(unreachable.getMessage());
      return fromStore(record.get(), artifacts, notes);
    }
    try (connection) {
      String workflowId =
          record
              .map(RunRecord::workflowId)
              .filter(id -> !id.isBlank())
              .orElse(RunbookWorkflow.workflowId(runId));
      Optional<WorkflowExecutionStatus> state = connection.describeRun(workflowId);
      if (state.isEmpty()) {
        if (record.isEmpty()) {
          throw WctException.user(
              "no run "
                  + runId
                  + " at Temporal "
                  + connection.describe()
                  + " nor in store "
                  + store.displayName());
        }
        notes.add("Temporal " + connection.describe() + " has no workflow " + workflowId);
        return fromStore(record.get(), artifacts, notes);
      }
      String runbook = record.map(RunRecord::runbookName).orElse(null);
      if (state.get() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        try {
          RunProgress progress =
              artifacts != null
                  ? RunHandle.attach(connection.client(), artifacts, runId).progress()
                  : connection.client().newWorkflowStub(RunbookWorkflow.class, workflowId).status();
          return new RunLook(
              runId,
              progress.status(),
              runbook,
              "the workflow's status query at " + connection.describe(),
              progress.artifacts(),
              notes,
              progress.partitions());
        } catch (RuntimeException noAnswer) {
          notes.add(
              "the workflow did not answer its status query (is a worker polling task queue '"
                  + connection.taskQueue()
                  + "'?)");
          return record
              .map(r -> fromStore(r, artifacts, notes))
              .orElse(new RunLook(runId, RunStatus.RUNNING, null, "Temporal", List.of(), notes));
        }
      }
      // Read again: the workflow writes its final record just before it closes.
      Optional<RunRecord> closed = record(artifacts, notes);
      if (closed.isPresent() && closed.get().status().finished()) {
        return fromStore(closed.get(), artifacts, notes);
      }
      return fromClosedWorkflow(connection, workflowId, state.get(), runbook, notes);
    }
  }

  private Optional<RunRecord> record(ArtifactStore artifacts, List<String> notes) {
    if (artifacts == null) {
      return Optional.empty();
    }
    try {
      return new RunRecords(artifacts).run(runId);
    } catch (RuntimeException e) {
      notes.add("store " + store.displayName() + " not readable: " + e.getMessage());
      return Optional.empty();
    }
  }

  private RunLook fromStore(RunRecord record, ArtifactStore artifacts, List<String> notes) {
    List<ArtifactOutcome> outcomes = new RunRecords(artifacts).artifacts(runId);
    return new RunLook(
        runId,
        record.status(),
        record.runbookName(),
        "the run records in store " + store.displayName(),
        outcomes,
        notes);
  }

  /** A closed workflow whose run records are not at hand: what Temporal kept of it. */
  private RunLook fromClosedWorkflow(
      RemoteConnection connection,
      String workflowId,
      WorkflowExecutionStatus state,
      String runbook,
      List<String> notes) {
    String source = "Temporal's record of workflow " + workflowId;
    RunStatus status =
        switch (state) {
          case WORKFLOW_EXECUTION_STATUS_FAILED -> RunStatus.FAILED;
          case WORKFLOW_EXECUTION_STATUS_TIMED_OUT -> RunStatus.TIMED_OUT;
          case WORKFLOW_EXECUTION_STATUS_COMPLETED -> null;
          default -> RunStatus.CANCELLED; // cancelled or terminated
        };
    if (status != null) {
      return new RunLook(runId, status, runbook, source, List.of(), notes);
    }
    RunResult result =
        connection.client().newUntypedWorkflowStub(workflowId).getResult(RunResult.class);
    return new RunLook(
        runId,
        result.status(),
        runbook,
        source,
        result.artifactsInRecords() ? List.of() : result.artifacts(),
        notes);
  }

  private static void printText(RunLook look, PrintWriter out) {
    out.println("Run " + look.runId() + (look.runbook() == null ? "" : ": " + look.runbook()));
    out.println("Status: " + look.status().label() + " (from " + look.source() + ")");
    if (!look.artifacts().isEmpty()) {
      StringBuilder counts = new StringBuilder();
      for (Map.Entry<ArtifactState, Integer> count : look.counts().entrySet()) {
        counts.append(counts.length() == 0 ? "" : ", ");
        counts.append(count.getValue()).append(' ').append(RunJson.label(count.getKey()));
      }
      out.println("Artifacts: " + look.artifacts().size() + " (" + counts + ")");
      out.println();
      ArtifactTable table = new ArtifactTable();
      look.artifacts().forEach(table::row);
      table.print(out);
    }
    if (!look.partitions().isEmpty()) {
      StringJoiner line = new StringJoiner(", ", "Partitions: ", "");
      look.partitions().forEach(p -> line.add(p.artifactId() + " " + p.done() + "/" + p.total()));
      out.println(line);
    }
    for (String note : look.notes()) {
      out.println("Note: " + note);
    }
  }

  private static void printJson(RunLook look, PrintWriter out) throws Exception {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("id", look.runId());
    node.put("status", look.status().label());
    if (look.runbook() != null) {
      node.put("runbook", look.runbook());
    }
    node.put("source", look.source());
    ObjectNode summary = node.putObject("summary");
    summary.put("artifacts", look.artifacts().size());
    look.counts().forEach((state, count) -> summary.put(RunJson.label(state), count));
    ArrayNode list = node.putArray("artifacts");
    look.artifacts().forEach(a -> list.add(RunJson.artifact(a)));
    ArrayNode partitions = node.putArray("partitions");
    for (PartitionsDone p : look.partitions()) {
      partitions
          .addObject()
          .put("artifact", p.artifactId())
          .put("done", p.done())
          .put("total", p.total());
    }
    ArrayNode notes = node.putArray("notes");
    look.notes().forEach(notes::add);
    out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node));
  }
}
