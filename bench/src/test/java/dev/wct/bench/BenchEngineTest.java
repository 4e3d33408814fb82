package dev.wct.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.bench.plans.BenchPlans;
import dev.wct.bench.plans.SkewedDag;
import dev.wct.bench.plans.SkewedDag.Node;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactState;
import dev.wct.store.memory.InMemoryArtifactStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's wiring on a real embedded service, with tiny plans. */
class BenchEngineTest {
  @TempDir static Path workDir;
  private static BenchEngine engine;

  @BeforeAll
  static void startEngine() {
    engine = new BenchEngine(new InMemoryArtifactStore(), workDir);
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @Test
  void everyNoOpArtifactOfAChainIsStoredWithOneItem() {
    BenchEngine.WctRun run = engine.runWct(BenchPlans.chain(3));

    assertThat(run.result().artifacts())
        .hasSize(3)
        .allSatisfy(a -> assertThat(a.state()).isEqualTo(ArtifactState.SUCCEEDED))
        .allSatisfy(a -> assertThat(a.output().itemCount()).isEqualTo(1));
  }

  @Test
  void storeTotalsCountEachArtifactSavedOnceInItsRun() {
    BenchEngine.WctRun run = engine.runWct(BenchPlans.parallel(4));

    assertThat(run.storeTotals().get("save").calls()).isEqualTo(4);
    assertThat(run.storeTotals().get("saveRecord").calls()).isGreaterThan(4);
  }

  @Test
  void sleepingArtifactsStartOnlyAfterTheirInputsEnded() {
    SkewedDag dag =
        new SkewedDag(
            0,
            List.of(
                new Node("a", 0, 20, List.of()),
                new Node("b", 0, 1, List.of()),
                new Node("c", 1, 1, List.of("a", "b"))));

    List<ArtifactOutcome> outcomes = engine.runWct(BenchPlans.of(dag)).result().artifacts();

    ArtifactOutcome c = outcomes.get(2);
    assertThat(c.id()).isEqualTo("c");
    assertThat(c.startedAtMillis())
        .isGreaterThanOrEqualTo(outcomes.get(0).endedAtMillis())
        .isGreaterThanOrEqualTo(outcomes.get(1).endedAtMillis());
  }

  @Test
  void eachChainedRawActivityCostsSixHistoryEvents() {
    BenchEngine.RawRun three = engine.runRawFanOut(3, true);
    BenchEngine.RawRun six = engine.runRawFanOut(6, true);

    // activity scheduled, started, completed, then a workflow task scheduled, started, completed
    assertThat(engine.historyEvents(six.workflowId()) - engine.historyEvents(three.workflowId()))
        .isEqualTo(3 * 6);
  }

  @Test
  void levelBarrierRunsEveryLevel() {
    BenchEngine.RawRun run = engine.runLevelBarrier(List.of(List.of(1L, 2L), List.of(1L)));

    assertThat(run.workflowId()).startsWith("bench-barrier-");
    assertThat(engine.historyEvents(run.workflowId())).isGreaterThan(3 * 3);
  }
}
