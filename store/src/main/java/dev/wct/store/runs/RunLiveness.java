package dev.wct.store.runs;

import dev.wct.core.run.RunStatus;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells a live embedded run from one whose process died: a run whose record says running is {@link
 * RunStatus#INTERRUPTED} when its {@link RunOwner} process is gone (same host: the pid is not
 * there, or is another process started at another time) or has not beaten for {@link
 * RunOwner#DEAD_AFTER}. Runs without an owner record (on a Temporal cluster) are left as they are.
 */
public final class RunLiveness {
  private final RunRecords records;
  private final Clock clock;

  public RunLiveness(RunRecords records, Clock clock) {
    this.records = Objects.requireNonNull(records, "records");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public RunLiveness(RunRecords records) {
    this(records, Clock.systemUTC());
  }

  /**
   * The record as readers should show it: {@code interrupted} instead of a dead {@code running}.
   */
  public RunRecord shown(RunRecord run) {
    if (run.status() != RunStatus.RUNNING) {
      return run;
    }
    Optional<RunOwner> owner = records.owner(run.runId());
    return owner.isPresent() && isDead(owner.get()) ? run.withStatus(RunStatus.INTERRUPTED) : run;
  }

  boolean isDead(RunOwner owner) {
    if (owner.heartbeatAt().plus(RunOwner.DEAD_AFTER).isBefore(clock.instant())) {
      return true;
    }
    if (!owner.host().equals(thisHost())) {
      return false;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(owner.pid());
    if (process.isEmpty() || !process.get().isAlive()) {
      return true;
    }
    Optional<Instant> started = process.get().info().startInstant();
    return owner.processStartedAt() != null
        && started.isPresent()
        && !sameSecond(started.get(), owner.processStartedAt());
  }

  /** This process as the owner of a run, beating now. */
  public static RunOwner thisProcess(Instant now) {
    ProcessHandle self = ProcessHandle.current();
    return new RunOwner(thisHost(), self.pid(), self.info().startInstant().orElse(null), now);
  }

  private static boolean sameSecond(Instant a, Instant b) {
    return a.truncatedTo(ChronoUnit.SECONDS).equals(b.truncatedTo(ChronoUnit.SECONDS));
  }

  static String thisHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return Objects.requireNonNullElse(System.getenv("HOSTNAME"), "localhost");
    }
  }
}
