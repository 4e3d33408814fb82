package dev.wct.bench.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.plan.Producer;
import org.junit.jupiter.api.Test;

class BenchPlansTest {
  @Test
  void parallelPlanHasOneLevelOfIndependentSourcesAllAllowedAtOnce() {
    ExecutionPlan plan = BenchPlans.parallel(500);

    assertThat(plan.artifacts()).hasSize(500).allSatisfy(a -> assertThat(a.inputs()).isEmpty());
    assertThat(plan.artifacts())
        .allSatisfy(a -> assertThat(a.producer()).isInstanceOf(Producer.Source.class));
    assertThat(plan.levels()).hasSize(1);
    assertThat(plan.settings().maxConcurrency()).isEqualTo(500);
  }

  @Test
  void chainPlanReadsEachArtifactFromThePreviousOne() {
    ExecutionPlan plan = BenchPlans.chain(4);

    assertThat(plan.artifacts()).extracting(PlannedArtifact::inputs).hasSize(4);
    assertThat(plan.artifacts().get(0).inputs()).isEmpty();
    assertThat(plan.artifacts().get(3).inputs()).containsExactly(plan.artifacts().get(2).id());
    assertThat(plan.levels()).hasSize(4);
    assertThat(plan.criticalPath())
        .containsExactlyElementsOf(plan.artifacts().stream().map(PlannedArtifact::id).toList());
  }

  @Test
  void concurrencyNeverExceedsWhatARealServerAccepts() {
    assertThat(BenchPlans.parallel(3_000).settings().maxConcurrency()).isEqualTo(2_000);
  }
}
