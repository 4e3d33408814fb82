package dev.wct.worker;

import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.DescribeNamespaceResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Up when the Temporal frontend answers and knows the worker's namespace: one DescribeNamespace
 * call with a short deadline, so that a readiness probe never hangs on a dead frontend.
 */
final class TemporalHealthIndicator extends AbstractHealthIndicator {
  static final Duration DEADLINE = Duration.ofSeconds(2);

  private final WorkflowServiceStubs stubs;
  private final String namespace;
  private final Duration deadline;

  TemporalHealthIndicator(WorkflowServiceStubs stubs, String namespace, Duration deadline) {
    super("Temporal is not reachable or has no such namespace");
    this.stubs = stubs;
    this.namespace = namespace;
    this.deadline = deadline;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    DescribeNamespaceResponse response = describe();
    builder
        .up()
        .withDetail("namespace", namespace)
        .withDetail("state", response.getNamespaceInfo().getState().name());
  }

  /** The namespace as the frontend describes it; throws when it cannot be reached or has none. */
  DescribeNamespaceResponse describe() {
    return stubs
        .blockingStub()
        .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
        .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace(namespace).build());
  }
}
