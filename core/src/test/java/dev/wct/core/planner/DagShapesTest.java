package dev.wct.core.planner;

import static dev.wct.core.planner.PlannerFixture.runbook;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.plan.PlannedArtifact;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Order, levels and critical path for the usual DAG shapes, and cycles. */
class DagShapesTest {
  @TempDir Path dir;
  private PlannerFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new PlannerFixture(dir);
  }

  private static List<String> ids(ExecutionPlan plan) {
    return plan.artifacts().stream().map(PlannedArtifact::id).toList();
  }

  @Test
  void chainIsOrderedByDependencyWithOneArtifactPerLevel() {
    ExecutionPlan plan =
        fixture.plan(
            runbook(
                """
                  c: {inputs: b, process: {type: test_classifier}}
                  b: {inputs: a, process: {type: test_personal_data}}
                  a: {source: {type: test_source, properties: {path: x}}}
                """));

    assertThat(ids(plan)).containsExactly("a", "b", "c");
    assertThat(plan.levels()).containsExactly(List.of("a"), List.of("b"), List.of("c"));
    assertThat(plan.criticalPath()).containsExactly("a", "b", "c");
  }

  @Test
  void independentArtifactsShareALevelInIdOrder() {
    ExecutionPlan plan =
        fixture.plan(
            runbook(
                """
                  zeta: {source: {type: test_source, properties: {path: z}}}
                  alpha: {source: {type: test_source, properties: {path: a}}}
                  mid: {source: {type: test_source, properties: {path: m}}}
                """));

    assertThat(ids(plan)).containsExactly("alpha", "mid", "zeta");
    assertThat(plan.levels()).containsExactly(List.of("alpha", "mid", "zeta"));
    assertThat(plan.criticalPath()).containsExactly("alpha");
  }

  @Test
  void fanInWaitsForEveryInputAndKeepsInputOrder() {
    ExecutionPlan plan =
        fixture.plan(
            runbook(
                """
                  web: {source: {type: test_source, properties: {path: w}}}
                  db: {source: {type: test_source, properties: {path: d}}}
                  pii: {inputs: [web, db], process: {type: test_personal_data}}
                """));

    PlannedArtifact pii = plan.artifact("pii").orElseThrow();
    assertThat(pii.inputs()).containsExactly("web", "db");
    assertThat(pii.inputSchemas())
        .extracting(Object::toString)
        .containsExactly("standard_input/1.0.0", "standard_input/1.0.0");
    assertThat(plan.levels()).containsExactly(List.of("db", "web"), List.of("pii"));
    assertThat(plan.criticalPath()).containsExactly("db", "pii");
  }

  @Test
  void fanOutPutsDependentsOnTheSameLevelAndTheLongestBranchIsCritical() {
    ExecutionPlan plan =
        fixture.plan(
            runbook(
                """
                  src: {source: {type: test_source, properties: {path: s}}}
                  code: {inputs: src, process: {type: test_source_code}}
                  pii: {inputs: src, process: {type: test_personal_data}}
                  code_pii: {inputs: code, process: {type: test_personal_data}}
                """));

    assertThat(plan.levels())
        .containsExactly(List.of("src"), List.of("code", "pii"), List.of("code_pii"));
    assertThat(plan.criticalPath()).containsExactly("src", "code", "code_pii");
    assertThat(ids(plan)).containsExactly("src", "code", "code_pii", "pii");
  }

  @Test
  void selfCycleIsReportedAsAPath() {
    assertThat(
            fixture.problems(
                runbook(
                    """
                      a:
                        inputs: a
                    """)))
        .containsExactly("runbook.yaml:5:13: artifacts.a.inputs: cycle: a -> a");
  }

  @Test
  void indirectCycleIsReportedOnceInDataFlowOrderFromItsSmallestId() {
    assertThat(
            fixture.problems(
                runbook(
                    """
                      src: {source: {type: test_source, properties: {path: s}}}
                      b: {inputs: [src, a]}
                      c: {inputs: b}
                      a: {inputs: c}
                      after: {inputs: a}
                    """)))
        .containsExactly("runbook.yaml:7:15: artifacts.a.inputs: cycle: a -> b -> c -> a");
  }

  @Test
  void separateCyclesAreEachReported() {
    assertThat(
            fixture.problems(
                runbook(
                    """
                      a: {inputs: b}
                      b: {inputs: a}
                      x: {inputs: x}
                    """)))
        .containsExactly(
            "runbook.yaml:4:15: artifacts.a.inputs: cycle: a -> b -> a",
            "runbook.yaml:6:15: artifacts.x.inputs: cycle: x -> x");
  }
}
