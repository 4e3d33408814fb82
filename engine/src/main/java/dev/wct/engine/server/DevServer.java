package dev.wct.engine.server;

import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real Temporal server: {@code temporal server start-dev} of the Temporal CLI, with SQLite
 * persistence, Schedules, visibility queries on wct's search attributes and the Web UI.
 */
public final class DevServer implements LocalTemporal {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final String address;
  private final String description;

  private DevServer(Process process, String address, String description) {
    this.process = process;
    this.address = address;
    this.description = description;
  }

  /**
   * The Temporal CLI: {@code temporal} on the PATH, else the one {@code scripts/temporal-cli} built
   * into {@code $WCT_TOOLS} (default {@code ~/.cache/wct/tools}).
   */
  public static Optional<Path> findBinary() {
    String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
    for (String folder : path.split(java.io.File.pathSeparator)) {
      if (!folder.isBlank() && Files.isExecutable(Path.of(folder, "temporal"))) {
        return Optional.of(Path.of(folder, "temporal"));
      }
    }
    String tools = System.getenv("WCT_TOOLS");
    Path cache =
        tools != null && !tools.isBlank()
            ? Path.of(tools)
            : Path.of(System.getProperty("user.home"), ".cache", "wct", "tools");
    Path versions = cache.resolve("temporal");
    if (!Files.isDirectory(versions)) {
      return Optional.empty();
    }
    try (Stream<Path> found = Files.list(versions)) {
      return found
          .map(version -> version.resolve("temporal"))
          .filter(Files::isExecutable)
          .sorted()
          .reduce((older, newer) -> newer);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Starts {@code binary} as a dev server on 127.0.0.1 and waits until its frontend accepts
   * connections.
   *
   * @param database the SQLite file that keeps workflows, schedules and history across restarts
   * @throws WctException EXTERNAL when it exits or does not answer within a minute
   */
  public static DevServer start(Path binary, int port, int uiPort, Path database) {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            binary.toString(),
            "server",
            "start-dev",
            "--ip",
            "127.0.0.1",
            "--port",
            Integer.toString(port),
            "--ui-port",
            Integer.toString(uiPort),
            "--db-filename",
            database.toAbsolutePath().toString(),
            "--log-level",
            "warn"));
    for (Map.Entry<String, String> attribute : SearchAttributes.WCT.entrySet()) {
      command.add("--search-attribute");
      command.add(attribute.getKey() + "=" + attribute.getValue());
    }
    Process process;
    try {
      Path parent = database.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      process = new ProcessBuilder(command).inheritIO().start();
    } catch (IOException e) {
      throw new WctException(
          ErrorKind.EXTERNAL, "cannot start the Temporal dev server " + binary + ": " + e, e);
    }
    String address = "127.0.0.1:" + port;
    awaitPort(process, port);
    return new DevServer(
        process,
        address,
        "Temporal dev server on "
            + address
            + ", Web UI http://127.0.0.1:"
            + uiPort
            + ", database "
            + database
            + " (search attributes "
            + String.join(", ", SearchAttributes.WCT.keySet())
            + ")");
  }

  private static void awaitPort(Process process, int port) {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new WctException(
            ErrorKind.EXTERNAL,
            "the Temporal dev server exited with code "
                + process.exitValue()
                + " before it answered on 127.0.0.1:"
                + port
                + " (is the port taken?)");
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        sleep();
      }
    }
    process.destroy();
    throw new WctException(
        ErrorKind.EXTERNAL,
        "the Temporal dev server did not answer on 127.0.0.1:" + port + " within a minute");
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WctException(ErrorKind.EXTERNAL, "interrupted while the server started", e);
    }
  }

  @Override
  public String address() {
    return address;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public void awaitTermination() throws InterruptedException {
    process.waitFor();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
