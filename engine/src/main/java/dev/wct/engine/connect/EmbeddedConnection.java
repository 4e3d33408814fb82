package dev.wct.engine.connect;

import dev.wct.engine.EmbeddedTemporal;
import dev.wct.activities.worker.ProducerEnvironment;
import dev.wct.activities.worker.WctWorkers;
import io.temporal.client.WorkflowClient;
import java.util.Objects;

/** Temporal's test server in this process, in real time, with a wct worker beside it. */
final class EmbeddedConnection implements TemporalConnection {
  private final EmbeddedTemporal temporal;

  private EmbeddedConnection(EmbeddedTemporal temporal) {
    this.temporal = temporal;
  }

  /** Starts the server and a worker running producers with {@code producers}. */
  static EmbeddedConnection start(ProducerEnvironment producers) {
    return new EmbeddedConnection(EmbeddedTemporal.start(Objects.requireNonNull(producers)));
  }

  @Override
  public WorkflowClient client() {
    return temporal.client();
  }

  @Override
  public String taskQueue() {
    return WctWorkers.TASK_QUEUE;
  }

  @Override
  public void close() {
    temporal.close();
  }
}
