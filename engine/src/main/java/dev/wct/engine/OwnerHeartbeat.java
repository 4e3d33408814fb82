package dev.wct.engine;

import dev.wct.store.runs.RunLiveness;
import dev.wct.store.runs.RunOwner;
import dev.wct.store.runs.RunRecords;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says, every {@link RunOwner#HEARTBEAT_EVERY}, that this process still hosts an embedded run (its
 * {@code owner.json} record), so that readers can tell a run whose process died ({@link
 * RunLiveness}). A daemon thread: it dies with the process, which is the point.
 */
final class OwnerHeartbeat implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OwnerHeartbeat.class);

  private final String runId;
  private final RunRecords records;
  private final Clock clock;
  private final RunOwner owner;
  private final ScheduledExecutorService beats;

  private OwnerHeartbeat(String runId, RunRecords records, Clock clock) {
    this.runId = runId;
    this.records = records;
    this.clock = clock;
    this.owner = RunLiveness.thisProcess(clock.instant());
    this.beats =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "wct-run-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Records this process as the run's owner now, and again every few seconds. */
  static OwnerHeartbeat start(String runId, RunRecords records, Clock clock) {
    OwnerHeartbeat heartbeat = new OwnerHeartbeat(runId, records, clock);
    records.saveOwner(runId, heartbeat.owner);
    long every = RunOwner.HEARTBEAT_EVERY.toMillis();
    heartbeat.beats.scheduleWithFixedDelay(heartbeat::beat, every, every, TimeUnit.MILLISECONDS);
    return heartbeat;
  }

  private void beat() {
    try {
      records.saveOwner(runId, owner.beatingAt(clock.instant()));
    } catch (RuntimeException e) {
      // A missed beat only ages the record; a dead process is what readers look for.
      log.warn("run {}: heartbeat not recorded: {}", runId, e.getMessage());
    }
  }

  @Override
  public void close() {
    beats.shutdownNow();
  }
}
