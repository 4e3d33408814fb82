package dev.wct.bench.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.bench.plans.SkewedDag.Node;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SkewedDagTest {
  private static final List<Integer> SHAPE = SkewedDag.DEFAULT_LEVEL_SIZES;

  @Test
  void sameSeedGivesTheSameDagAndAnotherSeedAnotherOne() {
    assertThat(SkewedDag.generate(7, SHAPE)).isEqualTo(SkewedDag.generate(7, SHAPE));
    assertThat(SkewedDag.generate(7, SHAPE).nodes())
        .isNotEqualTo(SkewedDag.generate(8, SHAPE).nodes());
  }

  @Test
  void everyArtifactSitsOneLevelBelowItsDeepestInput() {
    SkewedDag dag = SkewedDag.generate(42, SHAPE);
    Map<String, Integer> level = new HashMap<>();
    for (Node node : dag.nodes()) {
      int deepestInput = node.inputs().stream().mapToInt(level::get).max().orElse(-1);
      assertThat(deepestInput).as(node.id()).isEqualTo(node.level() - 1);
      level.put(node.id(), node.level());
    }
    assertThat(dag.nodes()).hasSize(SHAPE.stream().mapToInt(Integer::intValue).sum());
  }

  @Test
  void sleepsStayWithinTheirRange() {
    assertThat(SkewedDag.generate(42, SHAPE).nodes())
        .allSatisfy(
            node ->
                assertThat(node.sleepMillis())
                    .isBetween(SkewedDag.MIN_SLEEP_MILLIS, SkewedDag.MAX_SLEEP_MILLIS));
  }

  @Test
  void branchesAreUnevenSomeArtifactsFeedManyOthers() {
    SkewedDag dag = SkewedDag.generate(42, SHAPE);
    Map<String, Integer> dependents = new HashMap<>();
    dag.nodes().forEach(n -> n.inputs().forEach(i -> dependents.merge(i, 1, Integer::sum)));

    int most = dependents.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    long leaves = dag.nodes().stream().filter(n -> !dependents.containsKey(n.id())).count();
    assertThat(most).isGreaterThanOrEqualTo(5);
    assertThat(leaves).isGreaterThan(SHAPE.get(SHAPE.size() - 1));
  }

  @Test
  void planRunsEveryArtifactAtOnceAndKeepsTheLevels() {
    SkewedDag dag = SkewedDag.generate(42, SHAPE);
    var plan = BenchPlans.of(dag);

    assertThat(plan.settings().maxConcurrency()).isEqualTo(dag.nodes().size());
    assertThat(plan.levels().stream().map(List::size).toList()).isEqualTo(SHAPE);
  }
}
