package dev.wct.worker;

import io.temporal.worker.WorkerFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts polling once the context is ready and stops gracefully on shutdown, letting running
 * activities finish for a while so that a rolling restart does not waste their work.
 */
class WorkerLifecycle implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(WorkerLifecycle.class);
  private static final long DRAIN_SECONDS = 30;

  private final WorkerFactory factory;
  private final WorkerProperties properties;
  private volatile boolean running;

  WorkerLifecycle(WorkerFactory factory, WorkerProperties properties) {
    this.factory = factory;
    this.properties = properties;
  }

  @Override
  public void start() {
    factory.start();
    running = true;
    log.info(
        "worker started: temporal={} namespace={} taskQueue={} store={}",
        properties.temporal().target(),
        properties.temporal().namespace(),
        properties.temporal().taskQueue(),
        properties.store().usesS3()
            ? "s3://" + properties.store().s3().bucket()
            : properties.store().dir());
  }

  @Override
  public void stop() {
    log.info("worker stopping: draining running activities for up to {} s", DRAIN_SECONDS);
    factory.shutdown();
    factory.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS);
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
