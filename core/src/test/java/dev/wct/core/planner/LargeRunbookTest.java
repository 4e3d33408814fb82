package dev.wct.core.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.runbook.RunbookException;
import dev.wct.core.testing.Runbooks;
import dev.wct.core.testing.TestComponents;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plans stay small enough for a workflow input, and planning stays near-linear. */
class LargeRunbookTest {
  @TempDir Path dir;

  @Test
  void fiveHundredSourcesWithTenAnalysersEachPlanWellUnderTheWorkflowInputLimit() {
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
    assertThat(bytes).isLessThan(PlanLimits.MAX_PLAN_BYTES * 3 / 4);
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
  void planOverTheWorkflowInputLimitIsAProblemThatSaysHowToFixIt() {
    String filler = "x".repeat(1_000);
    StringBuilder yaml = new StringBuilder("name: huge\ndescription: big properties\nartifacts:\n");
    for (int i = 0; i < 2_000; i++) {
      yaml.append("  a")
          .append(i)
          .append(":\n    source: {type: test_source, properties: {path: ")
          .append(filler)
          .append("}}\n");
    }
    Path file = Runbooks.write(dir, "huge.yaml", yaml.toString());

    assertThatThrownBy(() -> new Planner(TestComponents.catalog()).plan(file))
        .isInstanceOf(RunbookException.class)
        .hasMessageMatching(
            ".*huge.yaml:3:1: artifacts: plan is \\d+ bytes, over the 1.5 MiB a workflow input"
                + " may carry; split the runbook into child runbooks or fewer artifacts");
  }
}
