package dev.wct.cli.history;

import dev.wct.cli.options.StoreOptions;
import dev.wct.cli.report.inventory.StoredRun;
import dev.wct.core.run.RunStatus;
import dev.wct.spi.error.WctException;
import dev.wct.spi.text.Suggestions;
import dev.wct.store.ArtifactStore;
import dev.wct.store.StoreNames;
import dev.wct.store.runs.RunLiveness;
import dev.wct.store.runs.RunRecord;
import dev.wct.store.runs.RunRecords;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wct runs delete}: removes whole runs, artifacts and records, from the store. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = {
      "Delete runs from the artifact store: every artifact and every record of each run.",
      "Running runs are never deleted. Nothing is deleted unless every RUN_ID can be."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  wct runs delete 20261122-153012-ab12cd",
      "  wct runs delete 20261122-153012-ab12cd 20261123-080000-cd34ef --store s3://wct-artifacts"
    })
public final class RunsDeleteCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private StoreOptions store;

  @Parameters(arity = "1..*", paramLabel = "RUN_ID", description = "The runs to delete.")
  private List<String> runIds;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (ArtifactStore artifacts = store.open()) {
      RunRecords records = new RunRecords(artifacts);
      List<String> stored = artifacts.listRuns();
      List<String> unique = List.copyOf(new LinkedHashSet<>(runIds));
      for (String runId : unique) {
        StoredRun.checkName(() -> StoreNames.runId(runId));
        Optional<RunRecord> run = records.run(runId).map(new RunLiveness(records)::shown);
        if (run.isEmpty() && !stored.contains(runId)) {
          throw WctException.user(
              "no run '"
                  + runId
                  + "' in store "
                  + store.displayName()
                  + Suggestions.hint(runId, stored)
                  + "; nothing was deleted");
        }
        if (run.isPresent() && run.get().status() == RunStatus.RUNNING) {
          throw WctException.user(refuseRunning(runId));
        }
      }
      for (String runId : unique) {
        artifacts.deleteRun(runId);
        out.println("Deleted run " + runId);
      }
      out.flush();
    }
    return 0;
  }

  static String refuseRunning(String runId) {
    return "run "
        + runId
        + " is still running and is not deleted: cancel it or wait until it ends;"
        + " nothing was deleted";
  }
}
