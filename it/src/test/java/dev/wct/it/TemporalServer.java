package dev.wct.it;

import dev.wct.engine.server.DevServer;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The real Temporal dev server on a free port with its SQLite file, so that it can be stopped and
 * started again on the same port and database, as an operator restarts a server.
 */
final class TemporalServer implements AutoCloseable {
  private final Path binary;
  private final int port = Ports.free();
  private final int uiPort = Ports.free();
  private final Path database;
  private DevServer server;

  private TemporalServer(Path binary, Path database) {
    this.binary = binary;
    this.database = database;
  }

  /** The Temporal CLI, if this machine has it ({@code scripts/temporal-cli} builds it). */
  static Optional<Path> binary() {
    return DevServer.findBinary();
  }

  static TemporalServer start(Path binary, Path database) {
    TemporalServer server = new TemporalServer(binary, database);
    server.start();
    return server;
  }

  /** A server not started yet, for tests that start workers before it. */
  static TemporalServer notStarted(Path binary, Path database) {
    return new TemporalServer(binary, database);
  }

  void start() {
    server = DevServer.start(binary, port, uiPort, database);
  }

  void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  String address() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() {
    stop();
  }
}
