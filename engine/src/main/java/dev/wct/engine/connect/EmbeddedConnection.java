package dev.wct.engine.connect;

import dev.wct.activities.worker.ProducerEnvironment;
import dev.wct.activities.worker.WctWorkers;
import dev.wct.engine.EmbeddedTemporal;
import io.temporal.client.WorkflowClient;
import java.util.Objects;

/** Temporal's test server in this process, in real time, with a wct worker beside it. */
public final class EmbeddedConnection implements TemporalConnection {
  private final EmbeddedTemporal temporal;

  private EmbeddedConnection(EmbeddedTemporal temporal) {
    this.temporal = temporal;
  }

  /** Starts the server and a worker running producers with {@code producers}. */
  public static EmbeddedConnection start(ProducerEnvironment producers) {
    return new EmbeddedConnection(EmbeddedTemporal.start(Objects.requireNonNull(producers)));
  }

  @Override
  public WorkflowClient client() {
    return temporal.client();
  }

  @Override
  public boolean hostsWorkers() {
    return true;
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
