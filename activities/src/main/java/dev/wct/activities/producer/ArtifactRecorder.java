package dev.wct.activities.producer;

import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactRef;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.run.CoverageSummary;
import dev.wct.store.runs.RunRecords;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the record of the artifact a producer activity is working on.
 *
 * <p>A first attempt's RUNNING record is written only once the attempt has run for {@link
 * #RUNNING_RECORD_DELAY}: most producer steps end sooner, and their SUCCEEDED or FAILED record
 * replaces the RUNNING one anyway, so writing it would cost every short step a file (or object)
 * creation and a rename for a record nobody could have read. Live progress takes the state from the
 * workflow, not from this record. A retry's RUNNING record is written at once: it replaces the
 * record of the attempt before, which names that attempt and its error.
 */
final class ArtifactRecorder {
  /** How long a first attempt runs before its RUNNING record is written. */
  static final Duration RUNNING_RECORD_DELAY = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(ArtifactRecorder.class);

  private static final ScheduledThreadPoolExecutor DEFERRED = deferredWrites();

  private final RunRecords records;
  private final String runId;
  private final String artifactId;
  private final String producer;
  private final int attempt;
  private final long startedAt;
  private final ArtifactOutcome previous;
  private final Duration runningDelay;

  /** Guards {@link #finished}: a deferred RUNNING write never lands after the attempt's end. */
  private final Object lock = new Object();

  private boolean finished;
  private ScheduledFuture<?> deferredRunning;

  ArtifactRecorder(
      RunRecords records, String runId, String artifactId, String producer, int attempt) {
    this(records, runId, artifactId, producer, attempt, RUNNING_RECORD_DELAY);
  }

  ArtifactRecorder(
      RunRecords records,
      String runId,
      String artifactId,
      String producer,
      int attempt,
      Duration runningDelay) {
    this.records = records;
    this.runId = runId;
    this.artifactId = artifactId;
    this.producer = producer;
    this.attempt = attempt;
    this.runningDelay = runningDelay;
    this.previous = attempt > 1 ? records.artifact(runId, artifactId).orElse(null) : null;
    this.startedAt =
        previous != null && previous.startedAtMillis() != null
            ? previous.startedAtMillis()
            : System.currentTimeMillis();
  }

  String runId() {
    return runId;
  }

  /**
   * Running this attempt; a retry keeps showing the error of the attempt before. Written now for a
   * retry, after {@link #RUNNING_RECORD_DELAY} for a first attempt that has not ended by then.
   */
  void running() {
    ArtifactOutcome running = ArtifactOutcome.running(artifactId, producer, attempt, startedAt);
    ArtifactOutcome record =
        previous != null && previous.state() == ArtifactState.RUNNING
            ? running.withLastError(previous.error(), previous.errorKind())
            : running;
    if (previous != null || runningDelay.isZero()) {
      records.saveArtifact(runId, record);
      return;
    }
    synchronized (lock) {
      deferredRunning =
          DEFERRED.schedule(
              () -> writeUnlessFinished(record), runningDelay.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Writes the deferred RUNNING record unless the attempt has ended, or the artifact's record
   * already says it finished: the run may have ended meanwhile (cancelled, timed out) and recorded
   * the artifact as skipped or failed while this attempt had not noticed yet. A record written at
   * the attempt's start could not have come after that one; neither may the deferred one.
   */
  private void writeUnlessFinished(ArtifactOutcome running) {
    synchronized (lock) {
      if (finished) {
        return;
      }
      try {
        if (records
            .artifact(runId, artifactId)
            .map(record -> record.state().finished())
            .orElse(false)) {
          return;
        }
        records.saveArtifact(runId, running);
      } catch (RuntimeException e) {
        // progress only: the attempt's final record does not depend on it
        LOG.warn("could not save the running record of {}: {}", artifactId, e.getMessage());
      }
    }
  }

  /**
   * The attempt has ended (or is about to record its end): a RUNNING record not yet written never
   * will be, and one being written is complete before this returns.
   */
  void ended() {
    synchronized (lock) {
      finished = true;
      if (deferredRunning != null) {
        deferredRunning.cancel(false);
      }
    }
  }

  /** A failed attempt that will be retried: still running, with the last error. */
  void retrying(String error, String errorKind) {
    ended();
    records.saveArtifact(
        runId,
        ArtifactOutcome.running(artifactId, producer, attempt, startedAt)
            .withLastError(error, errorKind));
  }

  void failed(String error, String errorKind) {
    ended();
    records.saveArtifact(
        runId,
        ArtifactOutcome.failed(
            artifactId,
            producer,
            error,
            errorKind,
            attempt,
            startedAt,
            System.currentTimeMillis()));
  }

  void succeeded(ArtifactRef output, CoverageSummary coverage, List<String> warnings) {
    records.saveArtifact(runId, succeededOutcome(output, coverage, warnings));
  }

  /** The record of this attempt's success, for a caller that saves it with the artifact. */
  ArtifactOutcome succeededOutcome(
      ArtifactRef output, CoverageSummary coverage, List<String> warnings) {
    ended();
    return ArtifactOutcome.succeeded(
        artifactId,
        producer,
        output,
        attempt,
        startedAt,
        System.currentTimeMillis(),
        coverage,
        warnings);
  }

  private static ScheduledThreadPoolExecutor deferredWrites() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            2,
            task -> {
              Thread thread = new Thread(task, "wct-running-records");
              thread.setDaemon(true);
              return thread;
            });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }
}
