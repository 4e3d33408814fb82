package dev.wct.worker;

import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts polling once Temporal and the store answer, waiting for them with backoff (a worker
 * started with Temporal, as by {@code docker compose up}, must not give up while Temporal sets
 * itself up), and stops gracefully: no new tasks, running producers finish within the grace period,
 * and what still runs after it is interrupted and handed back to Temporal, which retries it on
 * another worker.
 */
class WorkerLifecycle implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(WorkerLifecycle.class);
  private static final Duration FORCED_STOP = Duration.ofSeconds(10);

  private final WorkerFactory factory;
  private final WorkerProperties properties;
  private final List<Dependency> dependencies;
  private volatile boolean running;
  private volatile boolean polling;
  private volatile int attempts;
  private volatile String waitingFor = "";
  private Thread starter;

  WorkerLifecycle(
      WorkerFactory factory, WorkerProperties properties, List<Dependency> dependencies) {
    this.factory = factory;
    this.properties = properties;
    this.dependencies = dependencies;
  }

  @Override
  public synchronized void start() {
    running = true;
    starter = new Thread(this::startWhenReachable, "wct-worker-start");
    starter.setDaemon(true);
    starter.start();
  }

  private void startWhenReachable() {
    WorkerProperties.Worker settings = properties.worker();
    Duration delay = settings.startupRetryInitial();
    while (running) {
      attempts++;
      String problem = problem();
      if (problem == null) {
        try {
          factory.start();
          polling = true;
          log.info(
              "worker started: temporal={} namespace={} taskQueue={} store={} attempt={}",
              properties.temporal().target(),
              properties.temporal().namespace(),
              properties.temporal().taskQueue(),
              properties.store().location(),
              attempts);
          return;
        } catch (RuntimeException e) {
          problem = "temporal: " + e.getMessage();
        }
      }
      waitingFor = problem;
      log.warn(
          "worker waiting: attempt={} retryIn={}s cause={}", attempts, delay.toSeconds(), problem);
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      delay = min(delay.multipliedBy(2), settings.startupRetryMax());
    }
  }

  /** Something the worker needs before it polls, with a check that throws while it is not there. */
  record Dependency(String name, Check check) {}

  @FunctionalInterface
  interface Check {
    void run() throws Exception;
  }

  /** What keeps the worker from starting, or null when every dependency answers. */
  private String problem() {
    for (Dependency dependency : dependencies) {
      try {
        dependency.check().run();
      } catch (Exception e) {
        return dependency.name() + ": " + e;
      }
    }
    return null;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Whether the worker polls its task queue: false while it waits for Temporal or the store. */
  boolean polling() {
    return polling;
  }

  /** How many times it tried to start, and why the last try failed (empty once polling). */
  int attempts() {
    return attempts;
  }

  String waitingFor() {
    return polling ? "" : waitingFor;
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (starter != null) {
      starter.interrupt();
    }
    if (!polling) {
      return;
    }
    polling = false;
    Duration grace = properties.worker().shutdownGrace();
    log.info("worker stopping: no new tasks, running producers get up to {} s", grace.toSeconds());
    factory.shutdown();
    factory.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    if (factory.isTerminated()) {
      log.info("worker stopped: every running producer finished");
      return;
    }
    log.warn(
        "worker stopping: grace period of {} s over, interrupting the producers still running;"
            + " Temporal retries them on another worker",
        grace.toSeconds());
    factory.shutdownNow();
    factory.awaitTermination(FORCED_STOP.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
