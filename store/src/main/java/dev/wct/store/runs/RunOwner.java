package dev.wct.store.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The process that hosts an embedded run (its workflow and producers live and die with it), and
 * when it last said it was alive: the run record {@code owner.json}, rewritten every few seconds.
 * Runs on a Temporal cluster have none: the cluster carries them on.
 *
 * @param pid the owner's process id
 * @param host the owner's host name
 * @param processStartedAt when the owner process started, to tell a reused pid apart; null if the
 *     system does not say
 * @param heartbeatAt when the owner last wrote this record
 */
public record RunOwner(String host, long pid, Instant processStartedAt, Instant heartbeatAt) {
  /** How often a live owner rewrites its record. */
  public static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(5);

  /**
   * An owner silent for longer than this is taken for dead, on any host: twelve missed beats, so
   * that a paused or overloaded machine is not declared dead.
   */
  public static final Duration DEAD_AFTER = HEARTBEAT_EVERY.multipliedBy(12);

  public RunOwner {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(heartbeatAt, "heartbeatAt");
  }

  public RunOwner beatingAt(Instant now) {
    return new RunOwner(host, pid, processStartedAt, now);
  }
}
