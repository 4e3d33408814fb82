package dev.wct.core.planner;

import static dev.wct.core.planner.PlannerFixture.runbook;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.plan.Partitioning;
import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.testing.TestComponents;
import dev.wct.spi.Analyser;
import dev.wct.spi.ComponentCatalog;
import dev.wct.spi.ProducerContext;
import dev.wct.spi.message.ContentReader;
import dev.wct.spi.message.ContentWriter;
import dev.wct.spi.message.SchemaRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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
  void aSourceCutByRowsIsPartitionedButItsAnalysersReadItWholeUnlessTheyMergeColumns() {
    String yaml =
        runbook(
            """
              table:
                source: {type: test_source, properties: {path: x}}
                partition: {by: rows, max_items: 250000}
              pii: {inputs: table, process: {type: test_personal_data}}
              rows:
                source: {type: test_source, properties: {path: y}}
                partition: {by: rows}
            """);
    ExecutionPlan plan = fixture.plan(yaml);

    assertThat(artifact(plan, "table").partition()).isEqualTo(Partitioning.byRows(250_000));
    assertThat(artifact(plan, "rows").partition()).isEqualTo(Partitioning.byRows(0));
    // a column cut over partitions would split its findings: an analyser that cannot merge them
    // waits for the whole
    assertThat(artifact(plan, "pii").partition()).isNull();

    ComponentCatalog merging =
        ComponentCatalog.of(
            List.of(new TestComponents.TestSource()), List.of(new MergingColumns()));
    ExecutionPlan merged = new Planner(merging).plan(fixture.write("merging.yaml", yaml));
    // one that merges a column's findings at the seal runs per range like per group of files
    assertThat(artifact(merged, "pii").partition()).isEqualTo(Partitioning.perPartitionOf("table"));
  }

  /** test_personal_data, declaring that its seal merges a column's findings across partitions. */
  private static final class MergingColumns implements Analyser {
    private final Analyser delegate = new TestComponents.TestPersonalData();

    @Override
    public boolean perItem() {
      return true;
    }

    @Override
    public boolean mergesSplitPlaces() {
      return true;
    }

    @Override
    public String type() {
      return delegate.type();
    }

    @Override
    public String description() {
      return delegate.description();
    }

    @Override
    public JsonNode propertiesSchema() {
      return delegate.propertiesSchema();
    }

    @Override
    public List<Set<SchemaRef>> acceptedInputs() {
      return delegate.acceptedInputs();
    }

    @Override
    public List<SchemaRef> outputSchemas() {
      return delegate.outputSchemas();
    }

    @Override
    public void analyse(
        ProducerContext context, JsonNode properties, List<ContentReader> inputs, ContentWriter out)
        throws Exception {
      delegate.analyse(context, properties, inputs, out);
    }
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
