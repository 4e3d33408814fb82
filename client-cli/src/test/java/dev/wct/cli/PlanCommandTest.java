package dev.wct.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.spi.json.Json;
import dev.wct.core.plan.ExecutionPlan;
import org.junit.jupiter.api.Test;

class PlanCommandTest {
  private final String valid = CliRun.runbook("valid.yaml");

  @Test
  void textShowsLevelsProducersSchemasCriticalPathAndHash() throws Exception {
    CliRun run = CliRun.of("plan", valid);
    ExecutionPlan plan =
        Json.mapper()
            .readValue(CliRun.of("plan", valid, "--format", "json").out(), ExecutionPlan.class);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "Plan: Test scan ("
                + valid
                + ")\n"
                + "Run: timeout 10m, max concurrency 10, retry 3 attempts from 1s x2.0 up to 1m\n"
                + "\n"
                + "Level 0\n"
                + "  items          connector test_source -> standard_input/1.0.0\n"
                + "\n"
                + "Level 1\n"
                + "  code           analyser test_source_code <- items (standard_input/1.0.0) ->"
                + " source_code/1.0.0\n"
                + "  personal_data  analyser test_personal_data <- items (standard_input/1.0.0) ->"
                + " personal_data_indicator/1.0.0\n"
                + "\n"
                + "Level 2\n"
                + "  classified     analyser test_classifier <- personal_data"
                + " (personal_data_indicator/1.0.0) -> gdpr_personal_data/1.0.0  [output, timeout"
                + " 30s]\n"
                + "\n"
                + "Critical path (3): items -> personal_data -> classified\n"
                + "Plan hash: "
                + plan.contentHash()
                + "\n");
  }

  @Test
  void jsonIsTheExecutionPlanWithPlaceholdersKept() throws Exception {
    CliRun run = CliRun.of("plan", valid, "--format", "json");

    ExecutionPlan plan = Json.mapper().readValue(run.out(), ExecutionPlan.class);
    assertThat(run.exitCode()).isZero();
    assertThat(plan.artifacts()).hasSize(4);
    assertThat(plan.contentHash()).hasSize(64);
    assertThat(run.out()).contains("${DATA_PATH:-./data}");
  }

  @Test
  void dotAndMermaidDrawEveryEdgeInDataFlowDirection() {
    CliRun dot = CliRun.of("plan", valid, "--format", "dot");
    CliRun mermaid = CliRun.of("plan", valid, "-f", "mermaid");

    assertThat(dot.exitCode()).isZero();
    assertThat(dot.out())
        .startsWith("digraph \"Test scan\" {\n")
        .contains(
            "  \"items\" -> \"code\";\n",
            "  \"items\" -> \"personal_data\";\n",
            "  \"personal_data\" -> \"classified\";\n",
            "\"classified\" [label=\"classified\\nanalyser test_classifier\\ngdpr_personal_data/1.0.0\","
                + " style=bold];")
        .endsWith("}\n");
    assertThat(mermaid.exitCode()).isZero();
    assertThat(mermaid.out())
        .startsWith(
            "flowchart LR\n  n0[\"items<br/>connector test_source<br/>standard_input/1.0.0\"]\n")
        .contains("  n0 --> n1\n", "  n0 --> n2\n", "  n2 --> n3\n");
  }

  @Test
  void invalidRunbookExitsTwoWithItsProblems() {
    CliRun run = CliRun.of("plan", CliRun.runbook("invalid.yaml"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(3).allMatch(line -> line.contains("invalid.yaml:"));
  }

  @Test
  void unknownFormatIsAUsageError() {
    CliRun run = CliRun.of("plan", valid, "--format", "svg");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Invalid value for option '--format'");
  }
}
