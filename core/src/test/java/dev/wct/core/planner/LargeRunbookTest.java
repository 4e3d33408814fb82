package dev.wct.core.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.plan.PlanLimits;
import dev.wct.core.runbook.RunbookException;
import dev.wct.core.testing.Runbooks;
import dev.wct.core.testing.TestComponents;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans stay within what a real Temporal server carries (large ones go through the store, in
 * pages), and planning stays near-linear.
 */
class LargeRunbookTest {
  @TempDir Path dir;

  @Test
  void fiveHundredSourcesWithTenAnalysersEachPlanSmall() {
    StringBuilder yaml = new StringBuilder("name: big\ndescription: 5,500 artifacts\nartifacts:\n");
    for (int s = 0; s < 500; s++) {
      yaml.append("  src_")
          .append(s)
          .append(":\n    source:\n      type: test_source\n      properties: {path: \"/data/")
          .append(s)
          .append("\"}\n");
      for (int a = 0; a < 10; a++) {
        yaml.append("  pii_")
            .append(s)
            .append('_')
            .append(a)
            .append(":\n    inputs: src_")
            .append(s)
            .append("\n    process: {type: test_personal_data}\n");
      }
    }
    Path file = Runbooks.write(dir, "big.yaml", yaml.toString());

    ExecutionPlan plan = new Planner(TestComponents.catalog()).plan(file);

    assertThat(plan.artifacts()).hasSize(5_500);
    assertThat(plan.levels()).hasSize(2);
    int bytes = Planner.json(plan).length;
    // About 200 bytes an artifact: the whole plan would fit in one page.
    assertThat(bytes).isLessThan(PlanLimits.MAX_PAGE_BYTES * 3 / 4);
  }

  @Test
  void aChainOfFiveThousandArtifactsPlansWithoutDeepRecursion() {
    StringBuilder yaml = new StringBuilder("name: chain\ndescription: long\nartifacts:\n");
    yaml.append("  a0:\n    source: {type: test_source, properties: {path: x}}\n");
    for (int i = 1; i < 5_000; i++) {
      yaml.append("  a").append(i).append(":\n    inputs: a").append(i - 1).append('\n');
    }
    Path file = Runbooks.write(dir, "chain.yaml", yaml.toString());

    ExecutionPlan plan = new Planner(TestComponents.catalog()).plan(file);

    assertThat(plan.criticalPath()).hasSize(5_000).startsWith("a0").endsWith("a4999");
    assertThat(plan.levels()).hasSize(5_000);
    assertThat(Planner.json(plan).length).isLessThan(PlanLimits.MAX_PLAN_BYTES);
  }

  @Test
  void aPlanOverTheOldWorkflowInputLimitPlansSinceLargePlansTravelThroughTheStore() {
    // Until plans over 256 KiB went through the store (RunLauncher), 1.5 MiB was the limit.
    Path file = Runbooks.write(dir, "large.yaml", runbookOf(2_000, 1_000));

    ExecutionPlan plan = new Planner(TestComponents.catalog()).plan(file);

    assertThat(plan.artifacts()).hasSize(2_000);
    assertThat(Planner.json(plan).length).isGreaterThan(3 * 512 * 1024);
  }

  @Test
  void aPageOfArtifactsOverWhatAnActivityResultCarriesIsAProblemThatSaysHowToFixIt() {
    Path file = Runbooks.write(dir, "huge.yaml", runbookOf(600, 4_000));

    assertThatThrownBy(() -> new Planner(TestComponents.catalog()).plan(file))
        .isInstanceOf(RunbookException.class)
        .hasMessageMatching(
            ".*huge.yaml:3:1: artifacts: artifacts 1 to \\d+ of the plan are \\d+ bytes, over the"
                + " 1.5 MiB 500 consecutive artifacts may carry through Temporal; make their"
                + " properties smaller");
  }

  @Test
  void aPlanOverWhatARunsHistoryHoldsIsAProblem() {
    int[] small = new int[40_000];
    java.util.Arrays.fill(small, 500);

    assertThat(PlanLimits.planSizeProblem(20_000_000, small))
        .isEqualTo(
            "plan is 20000000 bytes, over the 16 MiB a run's workflow history can hold; split the"
                + " runbook into child runbooks or fewer artifacts");
    assertThat(PlanLimits.planSizeProblem(PlanLimits.MAX_PLAN_BYTES, small)).isNull();
  }

  @Test
  void oneArtifactOverAPageIsAProblemWhereverItIs() {
    int[] sizes = {10, PlanLimits.MAX_PAGE_BYTES + 1, 10};

    assertThat(PlanLimits.planSizeProblem(PlanLimits.MAX_PAGE_BYTES + 100, sizes))
        .startsWith("artifacts 1 to 2 of the plan are " + (PlanLimits.MAX_PAGE_BYTES + 11));
  }

  @Test
  void concurrencyIsRefusedAboveWhatAWorkflowMayHavePendingNotCapped() {
    assertThat(PlanLimits.concurrency("--concurrency", PlanLimits.MAX_CONCURRENCY))
        .isEqualTo(PlanLimits.MAX_CONCURRENCY);
    assertThatThrownBy(() -> PlanLimits.concurrency("--concurrency", 5_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--concurrency must be at most 2000, the most pending activities a Temporal workflow"
                + " may have, got 5000");
    assertThatThrownBy(() -> PlanLimits.concurrency("--concurrency", 0))
        .hasMessage("--concurrency must be at least 1, got 0");
  }

  /** {@code count} sources, each with a path property of {@code fill} characters. */
  private static String runbookOf(int count, int fill) {
    String filler = "x".repeat(fill);
    StringBuilder yaml = new StringBuilder("name: huge\ndescription: big properties\nartifacts:\n");
    for (int i = 0; i < count; i++) {
      yaml.append("  a")
          .append(i)
          .append(":\n    source: {type: test_source, properties: {path: ")
          .append(filler)
          .append("}}\n");
    }
    return yaml.toString();
  }
}
