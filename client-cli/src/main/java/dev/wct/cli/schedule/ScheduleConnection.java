package dev.wct.cli.schedule;

import dev.wct.cli.options.TemporalOptions;
import dev.wct.engine.connect.RemoteConnection;
import dev.wct.engine.schedule.Schedules;
import dev.wct.spi.error.WctException;

/** A connection to the server that keeps the schedules; schedules need a real server. */
final class ScheduleConnection implements AutoCloseable {
  private final RemoteConnection connection;
  final Schedules schedules;

  private ScheduleConnection(RemoteConnection connection) {
    this.connection = connection;
    this.schedules = new Schedules(connection.client(), connection.taskQueue());
  }

  static ScheduleConnection open(TemporalOptions temporal) {
    if (!temporal.clusterGiven()) {
      throw WctException.user(
          "schedules live on a Temporal server: give its address with --address HOST:PORT"
              + " (wct server starts one on this machine)");
    }
    return new ScheduleConnection(RemoteConnection.connect(temporal.settings()));
  }

  @Override
  public void close() {
    connection.close();
  }
}
