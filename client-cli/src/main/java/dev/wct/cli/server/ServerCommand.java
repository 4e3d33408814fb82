package dev.wct.cli.server;

import dev.wct.engine.server.DevServer;
import dev.wct.engine.server.JavaTestServer;
import dev.wct.engine.server.LocalTemporal;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wct server}: a Temporal server on this machine for workers and command lines on it — the
 * real dev server when the Temporal CLI is installed, else Temporal's Java test server.
 */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = {
      "Serve Temporal on 127.0.0.1 for the wct workers and command lines of this machine, until"
          + " Ctrl-C.",
      "With the Temporal CLI (on PATH, or built by scripts/temporal-cli) it runs the real dev"
          + " server: kept in a SQLite file, with Schedules, wct's search attributes and the Web"
          + " UI. Without it, Temporal's Java test server: no UI, no Schedules, nothing kept."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  wct server",
      "  wct server --port 7233 --ui-port 8233 --db /var/lib/wct/temporal.db",
      "  wct run scan.yaml --address 127.0.0.1:7233   (with a worker from worker/ running)"
    })
public final class ServerCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "7233", description = "gRPC port.")
  private int port;

  @Option(
      names = "--ui-port",
      paramLabel = "PORT",
      defaultValue = "8233",
      description = "Web UI port (the dev server only).")
  private int uiPort;

  @Option(
      names = "--db",
      paramLabel = "FILE",
      defaultValue = ".wct/temporal.db",
      description =
          "SQLite file that keeps runs and schedules across restarts (default: ${DEFAULT-VALUE}).")
  private Path database;

  @Option(
      names = "--java-test-server",
      description = "Serve Temporal's Java test server even when the Temporal CLI is installed.")
  private boolean javaTestServer;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Optional<Path> binary = javaTestServer ? Optional.empty() : DevServer.findBinary();
    LocalTemporal server =
        binary.isPresent()
            ? DevServer.start(binary.get(), port, uiPort, database)
            : JavaTestServer.start(port);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "wct-server-stop"));
    out.println(server.description());
    out.println(
        "Workers: WCT_TEMPORAL_TARGET="
            + server.address()
            + "; runs: --address "
            + server.address());
    out.flush();
    server.awaitTermination();
    return 0;
  }
}
