package dev.wct.engine.connect;

import io.temporal.client.WorkflowClient;
import java.util.Optional;

/**
 * Where {@code wct run} submits its workflow: an embedded Temporal with an in-process worker, or a
 * cluster whose workers run the producers. Closing it releases the connection (and stops the
 * embedded service), never the runs on a cluster.
 */
public interface TemporalConnection extends AutoCloseable {
  /** The client to start and follow runs with. */
  WorkflowClient client();

  /** The task queue the workers of this Temporal poll. */
  String taskQueue();

  /**
   * Whether this process hosts the workers (embedded): its runs then die with it, and record it as
   * their owner.
   */
  default boolean hostsWorkers() {
    return false;
  }

  /** Something the user should know before following a run here, e.g. that no worker polls. */
  default Optional<String> warning() {
    return Optional.empty();
  }

  @Override
  void close();
}
