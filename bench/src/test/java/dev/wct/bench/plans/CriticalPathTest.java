package dev.wct.bench.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.bench.plans.SkewedDag.Node;
import java.util.List;
import org.junit.jupiter.api.Test;

class CriticalPathTest {
  /**
   *
   *
   * <pre>
   * a(100) ──► c(50) ──► e(10)
   * b(300) ──► d(20) ──┘
   * </pre>
   */
  private static final SkewedDag DIAMOND =
      new SkewedDag(
          0,
          List.of(
              new Node("a", 0, 100, List.of()),
              new Node("b", 0, 300, List.of()),
              new Node("c", 1, 50, List.of("a")),
              new Node("d", 1, 20, List.of("b")),
              new Node("e", 2, 10, List.of("c", "d"))));

  @Test
  void criticalPathIsTheHeaviestChainNotTheLongestByCount() {
    CriticalPath path = CriticalPath.of(BenchPlans.of(DIAMOND));

    assertThat(path.millis()).isEqualTo(300 + 20 + 10);
    assertThat(path.path()).containsExactly("b", "d", "e");
  }

  @Test
  void levelBarrierBoundAddsTheSlowestArtifactOfEachLevel() {
    CriticalPath path = CriticalPath.of(BenchPlans.of(DIAMOND));

    assertThat(path.levelBarrierMillis()).isEqualTo(300 + 50 + 10);
  }

  @Test
  void noScheduleOfAGeneratedDagBeatsTheCriticalPathOrTheBarrierBeatsIt() {
    CriticalPath path =
        CriticalPath.of(BenchPlans.of(SkewedDag.generate(42, SkewedDag.DEFAULT_LEVEL_SIZES)));

    assertThat(path.millis()).isPositive();
    assertThat(path.levelBarrierMillis()).isGreaterThanOrEqualTo(path.millis());
    assertThat(path.path()).hasSizeLessThanOrEqualTo(SkewedDag.DEFAULT_LEVEL_SIZES.size());
  }
}
