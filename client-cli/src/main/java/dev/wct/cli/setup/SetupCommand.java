package dev.wct.cli.setup;

import dev.wct.cli.options.TemporalOptions;
import dev.wct.engine.connect.ConnectionSettings;
import dev.wct.engine.connect.RemoteConnection;
import dev.wct.engine.server.SearchAttributes;
import dev.wct.spi.error.WctException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code wct setup}: prepares an existing Temporal cluster for wct. */
@Command(
    name = "setup",
    mixinStandardHelpOptions = true,
    description = {
      "Register wct's search attributes (WctRunbook, WctStatus, WctFailedArtifacts,"
          + " WctSchedule) in a namespace of an existing Temporal cluster, so that the Temporal"
          + " UI and 'wct runs --temporal' can filter runs by runbook, status and schedule.",
      "Safe to run again; 'wct server' registers them itself."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  wct setup --address temporal.internal:7233 --namespace compliance"})
public final class SetupCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private TemporalOptions temporal;

  @Override
  public Integer call() {
    if (!temporal.clusterGiven()) {
      throw WctException.user("give the cluster's address with --address HOST:PORT");
    }
    ConnectionSettings settings = temporal.settings();
    List<String> added;
    try (RemoteConnection connection = RemoteConnection.connect(settings)) {
      added =
          SearchAttributes.register(
              connection.client().getWorkflowServiceStubs(), settings.namespace());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        added.isEmpty()
            ? "Namespace '" + settings.namespace() + "' already has wct's search attributes."
            : "Registered in namespace '"
                + settings.namespace()
                + "': "
                + String.join(", ", added)
                + ".");
    out.flush();
    return 0;
  }
}
