package dev.wct.engine.connect;

import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * A Temporal frontend reached over gRPC. Its workers run the producers; this process only starts,
 * follows and cancels runs.
 */
public final class RemoteConnection implements TemporalConnection {
  /** How long the up-front checks wait, so that a wrong address fails fast instead of retrying. */
  static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);

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
   * Connects to the frontend {@code settings} name and checks that it answers and knows their
   * namespace.
   *
   * @throws WctException USER for an unknown namespace or unreadable TLS files, EXTERNAL when the
   *     frontend cannot be reached
   */
  public static RemoteConnection connect(ConnectionSettings settings) {
    Objects.requireNonNull(settings, "settings");
    String target = settings.address();
    WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(stubsOptions(settings));
    try {
      check(service, target, settings.namespace());
    } catch (RuntimeException e) {
      service.shutdownNow();
      throw e;
    }
    WorkflowClient client =
        WorkflowClient.newInstance(
            service, WorkflowClientOptions.newBuilder().setNamespace(settings.namespace()).build());
    return new RemoteConnection(
        service, client, target, settings.namespace(), settings.taskQueue());
  }

  /**
   * The gRPC options for {@code settings}: the target, TLS (a client certificate, a CA to trust, a
   * server name) and the API key as a bearer token.
   */
  static WorkflowServiceStubsOptions stubsOptions(ConnectionSettings settings) {
    WorkflowServiceStubsOptions.Builder options =
        WorkflowServiceStubsOptions.newBuilder().setTarget(settings.address());
    if (settings.usesTls()) {
      options.setSslContext(sslContext(settings));
      if (settings.tlsServerName() != null) {
        String name = settings.tlsServerName();
        options.setChannelInitializer(channel -> channel.overrideAuthority(name));
      }
    }
    if (settings.apiKey() != null) {
      String apiKey = settings.apiKey();
      options.addApiKey(() -> apiKey);
    }
    return options.build();
  }

  private static SslContext sslContext(ConnectionSettings settings) {
    try {
      SimpleSslContextBuilder ssl;
      if (settings.tlsCertPath() != null) {
        try (InputStream cert = open(settings.tlsCertPath(), "--tls-cert-path");
            InputStream key = open(settings.tlsKeyPath(), "--tls-key-path")) {
          ssl = SimpleSslContextBuilder.forPKCS8(cert, key);
        }
      } else {
        ssl = SimpleSslContextBuilder.noKeyOrCertChain();
      }
      if (settings.tlsCaPath() != null) {
        ssl.setTrustManager(trusting(settings.tlsCaPath()));
      }
      return ssl.build();
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw WctException.user("TLS settings: " + firstLine(String.valueOf(e.getMessage())));
    }
  }

  private static InputStream open(Path file, String option) {
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      throw WctException.user(option + ": cannot read " + file + ": " + e.getMessage());
    }
  }

  /** A trust manager that trusts the certificates in the PEM file {@code ca}. */
  private static TrustManager trusting(Path ca) throws GeneralSecurityException, IOException {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    try (InputStream in = open(ca, "--tls-ca-path")) {
      int i = 0;
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trusted.setCertificateEntry("ca-" + i++, certificate);
      }
      if (i == 0) {
        throw WctException.user("--tls-ca-path: no certificate in " + ca);
      }
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trusted);
    return factory.getTrustManagers()[0];
  }

  /**
   * Where the workflow of run {@code runId} stands on this cluster: its execution status, or empty
   * when the cluster has no such workflow.
   *
   * @throws WctException EXTERNAL when the cluster does not answer
   */
  public Optional<WorkflowExecutionStatus> describeRun(String workflowId) {
    try {
      return Optional.of(
          stub(service)
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(namespace)
                      .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                      .build())
              .getWorkflowExecutionInfo()
              .getStatus());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw new WctException(
          ErrorKind.EXTERNAL,
          "cannot describe workflow " + workflowId + " at " + target + ": " + cause(e),
          e);
    }
  }

  /** Where this connection goes, for messages: {@code HOST:PORT, namespace NS}. */
  public String describe() {
    return target + ", namespace " + namespace;
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
                  + "; the run waits until one does");
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
