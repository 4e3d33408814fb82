package dev.wct.activities.producer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactRef;
import dev.wct.core.run.ArtifactState;
import dev.wct.spi.message.SchemaRef;
import dev.wct.store.ArtifactStore;
import dev.wct.store.memory.InMemoryArtifactStore;
import dev.wct.store.runs.RunRecords;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** When the record of a producer's attempt says RUNNING, and that it never outlives the attempt. */
class ArtifactRecorderTest {
  private final AtomicInteger progressWrites = new AtomicInteger();
  private final RunRecords records = new RunRecords(countingProgressWrites());

  @Test
  void aFirstAttemptThatEndsBeforeTheDelayNeverWritesARunningRecord() throws Exception {
    ArtifactRecorder recorder =
        new ArtifactRecorder(records, "r1", "a", "connector:x", 1, Duration.ofMillis(100));

    recorder.running();
    recorder.succeeded(output("a"), null, null);
    Thread.sleep(300);

    assertThat(progressWrites).hasValue(0);
    assertThat(state("a")).contains(ArtifactState.SUCCEEDED);
  }

  @Test
  void aFirstAttemptStillRunningAfterTheDelayIsRecordedAsRunning() throws Exception {
    ArtifactRecorder recorder =
        new ArtifactRecorder(records, "r1", "a", "connector:x", 1, Duration.ofMillis(50));

    recorder.running();
    assertThat(state("a")).isEmpty();
    Optional<ArtifactState> seen = Optional.empty();
    for (int poll = 0; poll < 200 && seen.isEmpty(); poll++) {
      Thread.sleep(10);
      seen = state("a");
    }
    recorder.failed("broken", "EXTERNAL");

    assertThat(seen).contains(ArtifactState.RUNNING);
    assertThat(state("a")).contains(ArtifactState.FAILED);
  }

  @Test
  void aRunningRecordWrittenWhileTheAttemptEndsNeverReplacesItsFinalRecord() throws Exception {
    for (int i = 0; i < 200; i++) {
      String id = "a" + i;
      ArtifactRecorder recorder =
          new ArtifactRecorder(records, "r1", id, "connector:x", 1, Duration.ofNanos(1 + i * 500));
      recorder.running();
      ArtifactOutcome succeeded = recorder.succeededOutcome(output(id), null, null);
      records.saveArtifact("r1", succeeded);
    }
    Thread.sleep(100);

    for (int i = 0; i < 200; i++) {
      assertThat(state("a" + i)).as("a" + i).contains(ArtifactState.SUCCEEDED);
    }
  }

  @Test
  void aRunningRecordDueAfterTheRunRecordedTheArtifactAsFinishedIsNotWritten() throws Exception {
    ArtifactRecorder recorder =
        new ArtifactRecorder(records, "r1", "a", "connector:x", 1, Duration.ofMillis(100));
    recorder.running();

    // the run was cancelled: its end records the artifact before the attempt notices
    records.saveArtifact("r1", ArtifactOutcome.skipped("a", "connector:x", "cancelled", null, 1L));
    Thread.sleep(300);

    assertThat(progressWrites).hasValue(0);
    assertThat(state("a")).contains(ArtifactState.SKIPPED);
  }

  @Test
  void aRetryIsRecordedAsRunningAtOnceWithItsAttemptAndThePreviousError() {
    new ArtifactRecorder(records, "r1", "a", "connector:x", 1, Duration.ofMinutes(1))
        .retrying("connection refused", "EXTERNAL");

    new ArtifactRecorder(records, "r1", "a", "connector:x", 2, Duration.ofMinutes(1)).running();

    ArtifactOutcome running = records.artifact("r1", "a").orElseThrow();
    assertThat(running.state()).isEqualTo(ArtifactState.RUNNING);
    assertThat(running.attempts()).isEqualTo(2);
    assertThat(running.error()).isEqualTo("connection refused");
  }

  /** An in-memory store that counts the progress records written into it. */
  private ArtifactStore countingProgressWrites() {
    ArtifactStore memory = new InMemoryArtifactStore();
    return (ArtifactStore)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {ArtifactStore.class},
            (proxy, method, args) -> {
              if (method.getName().equals("saveProgressRecord")) {
                progressWrites.incrementAndGet();
              }
              try {
                return method.invoke(memory, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private Optional<ArtifactState> state(String id) {
    return records.artifact("r1", id).map(ArtifactOutcome::state);
  }

  private static ArtifactRef output(String id) {
    return new ArtifactRef(
        "r1",
        id,
        "runs/r1/artifacts/" + id + ".json",
        new SchemaRef("s", "1.0.0"),
        10,
        "0".repeat(64),
        1);
  }
}
