package dev.wct.cli.options;

import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where a Temporal cluster is and which of its queues the wct workers poll: the options of the
 * commands that talk to a cluster rather than the embedded service.
 */
public final class TemporalOptions {
  public static final String DEFAULT_NAMESPACE = "default";

  @Option(
      names = "--temporal",
      paramLabel = "HOST:PORT",
      converter = HostAndPort.Converter.class,
      description =
          "Submit the run to this Temporal frontend, whose workers run the producers (default:"
              + " an embedded Temporal with a worker in this process).")
  private HostAndPort address;

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      description = "Temporal namespace, with --temporal (default: default).")
  private String namespace;

  @Option(
      names = "--task-queue",
      paramLabel = "QUEUE",
      description = "Task queue the cluster's workers poll, with --temporal (default: wct).")
  private String taskQueue;

  /** The cluster's frontend, unless the embedded service is meant. */
  public Optional<HostAndPort> address() {
    return Optional.ofNullable(address);
  }

  /** Whether {@code --namespace} or {@code --task-queue} was given. */
  public boolean routingGiven() {
    return namespace != null || taskQueue != null;
  }

  public String namespace() {
    return namespace != null ? namespace : DEFAULT_NAMESPACE;
  }

  public String taskQueue(String defaultQueue) {
    return taskQueue != null ? taskQueue : defaultQueue;
  }
}
