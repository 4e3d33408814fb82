package dev.wct.worker;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** In the readiness group: up only once the worker polls its task queue. */
final class WorkerHealthIndicator extends AbstractHealthIndicator {
  private final WorkerLifecycle lifecycle;

  WorkerHealthIndicator(WorkerLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    if (lifecycle.polling()) {
      builder.up().withDetail("startAttempts", lifecycle.attempts());
    } else {
      builder
          .down()
          .withDetail("startAttempts", lifecycle.attempts())
          .withDetail("waitingFor", lifecycle.waitingFor());
    }
  }
}
