package dev.wct.core.planner;

import static dev.wct.core.planner.PlannerFixture.runbook;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.plan.Partitioning;
import dev.wct.core.plan.PlannedArtifact;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runbook's {@code partition} settings, as planned and as refused. */
class PartitionPlanningTest {
  @TempDir Path dir;
  private PlannerFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new PlannerFixture(dir);
  }

  private static PlannedArtifact artifact(ExecutionPlan plan, String id) {
    return plan.artifacts().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aPartitionedSourceCarriesItsLimitsAndItsItemByItemAnalyserRunsPerPartition() {
    ExecutionPlan plan =
        fixture.plan(
            runbook(
                """
                  files:
                    source: {type: test_source, properties: {path: x}}
                    partition: {max_bytes: 64MiB, max_items: 500}
                  pii: {inputs: files, process: {type: test_personal_data}}
                  gdpr: {inputs: pii, process: {type: test_classifier}}
                  code: {inputs: files, process: {type: test_source_code}}
                """));

    assertThat(artifact(plan, "files").partition())
        .isEqualTo(Partitioning.bySize(64L * 1024 * 1024, 500));
    assertThat(artifact(plan, "pii").partition()).isEqualTo(Partitioning.perPartitionOf("files"));
    // a classifier needs the whole input; test_source_code does not declare itself item by item
    assertThat(artifact(plan, "gdpr").partition()).isNull();
    assertThat(artifact(plan, "code").partition()).isNull();
  }

  @Test
  void aSourceCutByRowsIsPartitionedButItsAnalysersReadItWhole() {
    ExecutionPlan plan =
        fixture.plan(
            runbook(
                """
                  table:
                    source: {type: test_source, properties: {path: x}}
                    partition: {by: rows, max_items: 250000}
                  pii: {inputs: table, process: {type: test_personal_data}}
                  rows:
                    source: {type: test_source, properties: {path: y}}
                    partition: {by: rows}
                """));

    assertThat(artifact(plan, "table").partition()).isEqualTo(Partitioning.byRows(250_000));
    assertThat(artifact(plan, "rows").partition()).isEqualTo(Partitioning.byRows(0));
    // a column cut over partitions would split its findings: the analyser waits for the whole
    assertThat(artifact(plan, "pii").partition()).isNull();
  }

  @Test
  void withoutPartitionNothingIsPartitioned() {
    ExecutionPlan plan =
        fixture.plan(
            runbook(
                """
                  files: {source: {type: test_source, properties: {path: x}}}
                  pii: {inputs: files, process: {type: test_personal_data}}
                """));

    assertThat(plan.artifacts()).allSatisfy(a -> assertThat(a.partition()).isNull());
  }

  @Test
  void impossiblePartitionsAreOneLineEachAtTheirPlace() {
    assertThat(
            fixture.problems(
                runbook(
                    """
                      a:
                        source: {type: test_source, properties: {path: x}}
                        partition: {by: table}
                      b:
                        source: {type: test_source, properties: {path: x}}
                        partition: {by: column}
                      c:
                        source: {type: test_source, properties: {path: x}}
                        partition: {max_bytes: lots}
                      d:
                        source: {type: test_source, properties: {path: x}}
                        partition: {}
                      e:
                        inputs: a
                        process: {type: test_personal_data}
                        partition: {max_items: 2}
                      f:
                        source: {type: test_source, properties: {path: x}}
                        partition: {by: rows, max_bytes: 1MiB}
                    """)))
        .containsExactly(
            "runbook.yaml:6:16: artifacts.a.partition: connector 'test_source' cannot partition by"
                + " table; connectors that can: none installed",
            "runbook.yaml:9:21: artifacts.b.partition.by: expected 'table' or 'rows', got"
                + " 'column'",
            "runbook.yaml:12:28: artifacts.c.partition.max_bytes: expected a positive size such as"
                + " 1048576, 512KiB, 64MiB or 1GiB, got 'lots'",
            "runbook.yaml:15:16: artifacts.d.partition: needs 'max_bytes', 'max_items', 'by:"
                + " table' or 'by: rows' (e.g. {max_bytes: 64MiB})",
            "runbook.yaml:19:16: artifacts.e.partition: only a 'source' artifact can be"
                + " partitioned",
            "runbook.yaml:22:38: artifacts.f.partition.max_bytes: 'by: rows' cuts by rows, not by"
                + " size: drop max_bytes");
  }
}
