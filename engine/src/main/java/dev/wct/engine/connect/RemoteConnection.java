package dev.wct.engine.connect;

import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A Temporal frontend reached over gRPC. Its workers run the producers; this process only starts,
 * follows and cancels runs.
 */
final class RemoteConnection implements TemporalConnection {
  /** How long the up-front checks wait, so that a wrong address fails fast instead of retrying. */
  static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);

  private static final Pattern HOST_AND_PORT =
      Pattern.compile("[^\\s:/]+:\\d{1,5}|\\[[^\\]\\s]+]:\\d{1,5}");

  private final WorkflowServiceStubs service;
  private final WorkflowClient client;
  private final String target;
  private final String namespace;
  private final String taskQueue;

  private RemoteConnection(
      WorkflowServiceStubs service,
      WorkflowClient client,
      String target,
      String namespace,
      String taskQueue) {
    this.service = service;
    this.client = client;
    this.target = target;
    this.namespace = namespace;
    this.taskQueue = taskQueue;
  }

  /**
   * Connects to the frontend at {@code target} and checks that it answers and knows {@code
   * namespace}.
   *
   * @throws WctException USER for a malformed target or an unknown namespace, EXTERNAL when the
   *     frontend cannot be reached
   */
  static RemoteConnection connect(String target, String namespace, String taskQueue) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(taskQueue, "taskQueue");
    if (!HOST_AND_PORT.matcher(target).matches()) {
      throw WctException.user("--temporal: expected HOST:PORT, got '" + target + "'");
    }
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    try {
      check(service, target, namespace);
    } catch (RuntimeException e) {
      service.shutdownNow();
      throw e;
    }
    WorkflowClient client =
        WorkflowClient.newInstance(
            service, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
    return new RemoteConnection(service, client, target, namespace, taskQueue);
  }

  private static void check(WorkflowServiceStubs service, String target, String namespace) {
    try {
      stub(service).getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
    } catch (StatusRuntimeException e) {
      throw new WctException(
          ErrorKind.EXTERNAL, "cannot reach Temporal at " + target + ": " + cause(e), e);
    }
    try {
      stub(service)
          .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace(namespace).build());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        throw WctException.user(
            "--namespace: Temporal at " + target + " has no namespace '" + namespace + "'");
      }
      if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
        throw new WctException(
            ErrorKind.EXTERNAL,
            "cannot use namespace '" + namespace + "' at " + target + ": " + cause(e),
            e);
      }
    }
  }

  private static WorkflowServiceBlockingStub stub(WorkflowServiceStubs service) {
    return service
        .blockingStub()
        .withDeadlineAfter(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * The most telling words gRPC has: the root cause (e.g. "Connection refused"), else the status.
   */
  private static String cause(StatusRuntimeException e) {
    if (e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
      return "no answer within " + CHECK_TIMEOUT.toSeconds() + " s";
    }
    if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
      // e.g. an HTTP proxy or web server answering on that port
      return "not a Temporal frontend (" + e.getStatus().getDescription() + ")";
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e && root.getMessage() != null) {
      return firstLine(root.getMessage());
    }
    String description = e.getStatus().getDescription();
    return e.getStatus().getCode() + (description == null ? "" : " " + firstLine(description));
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /**
   * A run on a queue no worker polls waits silently, so say so. Empty when workers poll it, or when
   * the server cannot tell (the Java test server has no DescribeTaskQueue).
   */
  @Override
  public Optional<String> warning() {
    try {
      int pollers =
          stub(service)
              .describeTaskQueue(
                  DescribeTaskQueueRequest.newBuilder()
                      .setNamespace(namespace)
                      .setTaskQueue(TaskQueue.newBuilder().setName(taskQueue).build())
                      .setTaskQueueType(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW)
                      .build())
              .getPollersCount();
      return pollers > 0
          ? Optional.empty()
          : Optional.of(
              "no worker polls task queue '"
                  + taskQueue
                  + "' in namespace '"
                  + namespace
                  + "' at "
                  + target
                  + "; the run waits until one does (Ctrl-C cancels it)");
    } catch (StatusRuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public WorkflowClient client() {
    return client;
  }

  @Override
  public String taskQueue() {
    return taskQueue;
  }

  @Override
  public void close() {
    service.shutdown();
    service.awaitTermination(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }
}
