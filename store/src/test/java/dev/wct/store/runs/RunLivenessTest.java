package dev.wct.store.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.core.run.RunStatus;
import dev.wct.store.memory.InMemoryArtifactStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RunLivenessTest {
  private static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");

  private final RunRecords records = new RunRecords(new InMemoryArtifactStore());
  private final RunLiveness liveness = new RunLiveness(records, Clock.fixed(NOW, ZoneOffset.UTC));
  private final RunRecord running =
      new RunRecord(
          "r1", "wct-run-r1", "scan", "scan.yaml", "h", 1, NOW, null, RunStatus.RUNNING, null);

  private RunStatus shownWith(RunOwner owner) {
    records.saveOwner("r1", owner);
    return liveness.shown(running).status();
  }

  @Test
  void aRunOwnedByALiveProcessThatBeatsIsRunning() {
    assertThat(shownWith(RunLiveness.thisProcess(NOW.minusSeconds(5))))
        .isEqualTo(RunStatus.RUNNING);
  }

  @Test
  void aRunWhoseOwnerStoppedBeatingIsInterruptedWhateverTheHost() {
    RunOwner elsewhere =
        new RunOwner("another-host", 1, null, NOW.minus(RunOwner.DEAD_AFTER).minusSeconds(1));
    assertThat(shownWith(elsewhere)).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(shownWith(RunLiveness.thisProcess(NOW.minus(RunOwner.DEAD_AFTER).minusSeconds(1))))
        .isEqualTo(RunStatus.INTERRUPTED);
  }

  @Test
  void aRunOnThisHostWhoseProcessIsGoneOrAnotherIsInterruptedAtOnce() {
    RunOwner self = RunLiveness.thisProcess(NOW);
    assertThat(shownWith(new RunOwner(self.host(), Long.MAX_VALUE, null, NOW)))
        .isEqualTo(RunStatus.INTERRUPTED);
    // The same pid, started at another time: the pid was reused.
    assertThat(
            shownWith(
                new RunOwner(
                    self.host(), self.pid(), self.processStartedAt().minusSeconds(60), NOW)))
        .isEqualTo(RunStatus.INTERRUPTED);
  }

  @Test
  void aRunOnAnotherHostThatStillBeatsIsRunning() {
    assertThat(shownWith(new RunOwner("another-host", 1, null, NOW))).isEqualTo(RunStatus.RUNNING);
  }

  @Test
  void runsWithoutAnOwnerAndFinishedRunsAreShownAsRecorded() {
    assertThat(liveness.shown(running).status()).isEqualTo(RunStatus.RUNNING);
    RunRecord failed = running.finished(NOW, RunStatus.FAILED, null);
    records.saveOwner("r1", new RunOwner("gone", 1, null, NOW.minusSeconds(3600)));
    assertThat(liveness.shown(failed)).isEqualTo(failed);
  }
}
