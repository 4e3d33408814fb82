package dev.wct.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker started before Temporal, as {@code docker compose up} may start it, waits with backoff
 * instead of exiting, says so once per attempt, and becomes ready when Temporal is up.
 */
@Tag("integration")
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class WorkerStartupTest {
  @TempDir Path workDir;

  @Test
  void aWorkerStartedBeforeTemporalWaitsAndBecomesReadyOnceTemporalIsUp() throws Exception {
    assumeTrue(
        TemporalServer.binary().isPresent(), "no Temporal CLI (scripts/temporal-cli builds it)");
    Jars.worker();
    try (S3Server s3 = S3Server.start();
        TemporalServer temporal =
            TemporalServer.notStarted(
                TemporalServer.binary().get(), workDir.resolve("temporal.db"))) {
      Map<String, String> environment =
          new HashMap<>(WorkerProcess.environment(temporal.address(), s3));
      environment.put("WCT_STARTUP_RETRY_MAX", "2s");
      try (WorkerProcess worker =
          WorkerProcess.start(
              "early-worker", ComponentFolder.create(workDir), workDir, environment)) {
        awaitLog(worker, "attempt=3", Duration.ofSeconds(180));
        HttpResponse<String> readiness = worker.get("/actuator/health/readiness");
        System.out.println(
            "  Temporal down: readiness " + readiness.statusCode() + ", the worker keeps trying");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"waitingFor\":\"temporal: ");
        assertThat(worker.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(worker.isAlive()).isTrue();

        temporal.start();
        System.out.println("  started Temporal on " + temporal.address());
        worker.awaitReady(Duration.ofSeconds(120));
        String log = worker.log();
        long waits = log.lines().filter(line -> line.contains("worker waiting: attempt=")).count();
        System.out.println(
            "  ready once Temporal answered, after " + waits + " one-line waiting messages");
        assertThat(waits).isGreaterThanOrEqualTo(3);
        assertThat(log).contains("worker started: temporal=" + temporal.address());
      }
    }
  }

  private static void awaitLog(WorkerProcess worker, String text, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (worker.log().contains(text)) {
        return;
      }
      assertThat(worker.isAlive()).as("the worker is still running").isTrue();
      Thread.sleep(250);
    }
    throw new AssertionError("no '" + text + "' in the worker's log within " + timeout);
  }
}
