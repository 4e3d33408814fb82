package dev.wct.core.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.plan.Producer;
import dev.wct.core.testing.TestComponents;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flattening child runbooks, and every way a child runbook reference can be wrong. */
class ChildRunbookTest {
  private static final String PII_CHILD =
      """
      name: pii scan
      description: finds personal data and classifies it
      inputs:
        data: {input_schema: standard_input}
      outputs:
        findings: {artifact: pii}
        classified: {artifact: gdpr}
      artifacts:
        pii: {inputs: data, process: {type: test_personal_data}}
        gdpr: {inputs: pii, process: {type: test_classifier}, output: true}
      """;

  @TempDir Path dir;
  private PlannerFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new PlannerFixture(dir);
    fixture.write("children/pii.yaml", PII_CHILD);
  }

  private static String parent(String childRunbook) {
    return """
        name: parent
        description: uses a child
        artifacts:
          src: {source: {type: test_source, properties: {path: x}}}
          scan:
            inputs: src
            child_runbook: %s
        """
        .formatted(childRunbook);
  }

  @Test
  void childArtifactsArePrefixedAndTheParentPassesTheChildOutputOn() {
    ExecutionPlan plan =
        fixture.plan(
            parent("{path: children/pii.yaml, input_mapping: {data: src}, output: classified}"));

    assertThat(plan.artifacts())
        .extracting(PlannedArtifact::id)
        .containsExactly("src", "scan.pii", "scan.gdpr", "scan");
    PlannedArtifact pii = plan.artifact("scan.pii").orElseThrow();
    assertThat(pii.inputs()).containsExactly("src");
    assertThat(pii.producer()).isEqualTo(new Producer.Process("test_personal_data", null));
    PlannedArtifact scan = plan.artifact("scan").orElseThrow();
    assertThat(scan.producer()).isEqualTo(new Producer.PassThrough());
    assertThat(scan.inputs()).containsExactly("scan.gdpr");
    assertThat(scan.outputSchema()).isEqualTo(TestComponents.GDPR_PERSONAL_DATA);
    assertThat(plan.artifact("scan.gdpr").orElseThrow().output()).isTrue();
  }

  @Test
  void outputMappingCreatesAliasesThatParentArtifactsCanUse() {
    ExecutionPlan plan =
        fixture.plan(
            """
            name: parent
            description: aliases
            artifacts:
              src: {source: {type: test_source, properties: {path: x}}}
              scan:
                inputs: src
                child_runbook:
                  path: children/pii.yaml
                  input_mapping: {data: src}
                  output_mapping: {findings: raw_findings, classified: gdpr_view}
              report: {inputs: gdpr_view, output: true}
            """);

    assertThat(plan.artifact("raw_findings").orElseThrow().inputs()).containsExactly("scan.pii");
    assertThat(plan.artifact("gdpr_view").orElseThrow().inputs()).containsExactly("scan.gdpr");
    assertThat(plan.artifact("report").orElseThrow().outputSchema())
        .isEqualTo(TestComponents.GDPR_PERSONAL_DATA);
    assertThat(plan.artifact("scan").orElseThrow().inputs()).containsExactly("scan.pii");
  }

  @Test
  void childrenNestAndFindFilesThroughTemplatePaths() {
    fixture.write(
        "shared/outer.yaml",
        """
        name: outer
        description: wraps the pii child
        inputs: {raw: {input_schema: standard_input}}
        outputs: {result: {artifact: inner}}
        artifacts:
          inner:
            inputs: raw
            child_runbook: {path: pii.yaml, input_mapping: {data: raw}, output: findings}
        """);
    fixture.write("shared/pii.yaml", PII_CHILD);

    ExecutionPlan plan =
        fixture.plan(
            """
            name: parent
            description: nested
            config: {template_paths: [shared]}
            artifacts:
              src: {source: {type: test_source, properties: {path: x}}}
              wrapped:
                inputs: src
                child_runbook: {path: outer.yaml, input_mapping: {raw: src}, output: result}
            """);

    assertThat(plan.artifacts())
        .extracting(PlannedArtifact::id)
        .contains("wrapped.inner.pii", "wrapped.inner", "wrapped");
    assertThat(plan.criticalPath())
        .containsExactly("src", "wrapped.inner.pii", "wrapped.inner", "wrapped");
  }

  @Test
  void absoluteAndClimbingPathsAreRefused() {
    assertThat(
            fixture.problems(
                parent("{path: /etc/pii.yaml, input_mapping: {data: src}, output: findings}")))
        .containsExactly(
            "runbook.yaml:7:27: artifacts.scan.child_runbook.path: unsafe child runbook path"
                + " '/etc/pii.yaml': absolute paths and '..' are refused; use"
                + " config.template_paths for shared folders");
    assertThat(
            fixture.problems(
                parent(
                    "{path: children/../children/pii.yaml, input_mapping: {data: src}, output:"
                        + " findings}")))
        .singleElement()
        .asString()
        .contains("unsafe child runbook path 'children/../children/pii.yaml'");
  }

  @Test
  void missingChildFileNamesWhereItLooked() {
    assertThat(
            fixture.problems(
                parent("{path: nothere.yaml, input_mapping: {data: src}, output: findings}")))
        .containsExactly(
            "runbook.yaml:7:27: artifacts.scan.child_runbook.path: child runbook 'nothere.yaml'"
                + " not found (looked in: nothere.yaml)");
  }

  @Test
  void circularChildReferencesAreRefused() {
    fixture.write(
        "a.yaml",
        """
        name: a
        description: uses b
        inputs: {in: {input_schema: standard_input}}
        outputs: {out: {artifact: x}}
        artifacts:
          x: {inputs: in, child_runbook: {path: b.yaml, input_mapping: {in: in}, output: out}}
        """);
    fixture.write(
        "b.yaml",
        """
        name: b
        description: uses a
        inputs: {in: {input_schema: standard_input}}
        outputs: {out: {artifact: y}}
        artifacts:
          y: {inputs: in, child_runbook: {path: a.yaml, input_mapping: {in: in}, output: out}}
        """);

    List<String> problems =
        fixture.problems(parent("{path: a.yaml, input_mapping: {in: src}, output: out}"));

    assertThat(problems)
        .containsExactly(
            "b.yaml:6:41: artifacts.y.child_runbook.path: circular child runbook reference:"
                + " runbook.yaml -> a.yaml -> b.yaml -> a.yaml");
  }

  @Test
  void nestingDeeperThanMaxChildDepthIsRefused() {
    fixture.write(
        "level1.yaml",
        """
        name: l1
        description: nests pii
        inputs: {in: {input_schema: standard_input}}
        outputs: {out: {artifact: x}}
        artifacts:
          x: {inputs: in, child_runbook: {path: children/pii.yaml, input_mapping: {data: in}, output: findings}}
        """);

    List<String> problems =
        fixture.problems(
            """
            name: parent
            description: too deep
            config: {max_child_depth: 1}
            artifacts:
              src: {source: {type: test_source, properties: {path: x}}}
              scan: {inputs: src, child_runbook: {path: level1.yaml, input_mapping: {in: src}, output: out}}
            """);

    assertThat(problems)
        .singleElement()
        .asString()
        .isEqualTo(
            "level1.yaml:6:41: artifacts.x.child_runbook.path: child runbooks nest deeper than"
                + " max_child_depth (1): runbook.yaml -> level1.yaml -> children/pii.yaml");
  }

  @Test
  void mappingErrorsAreReportedInTheParent() {
    List<String> problems =
        fixture.problems(
            parent("{path: children/pii.yaml, input_mapping: {date: src}, output: classifed}"));

    assertThat(problems)
        .containsExactly(
            "runbook.yaml:7:20: artifacts.scan.child_runbook: required input 'data' of child"
                + " runbook children/pii.yaml is not mapped in input_mapping",
            "runbook.yaml:7:68: artifacts.scan.child_runbook.input_mapping.date: child runbook"
                + " children/pii.yaml has no input 'date' (did you mean 'data'?)",
            "runbook.yaml:7:82: artifacts.scan.child_runbook.output: child runbook"
                + " children/pii.yaml has no output 'classifed' (did you mean 'classified'?)");
  }

  @Test
  void mappedArtifactMustHaveTheChildInputSchema() {
    List<String> problems =
        fixture.problems(
            """
            name: parent
            description: mismatch
            artifacts:
              src: {source: {type: test_source, properties: {path: x}}}
              pii: {inputs: src, process: {type: test_personal_data}}
              scan:
                inputs: pii
                child_runbook: {path: children/pii.yaml, input_mapping: {data: pii}, output: findings}
            """);

    assertThat(problems)
        .containsExactly(
            "runbook.yaml:8:68: artifacts.scan.child_runbook.input_mapping.data: schema mismatch:"
                + " 'pii' produces personal_data_indicator/1.0.0 but the child input expects"
                + " standard_input/1.0.0");
  }

  @Test
  void childRunbookMayNotContainSources() {
    fixture.write(
        "with_source.yaml",
        """
        name: bad child
        description: reads a source itself
        inputs: {data: {input_schema: standard_input}}
        outputs: {out: {artifact: own}}
        artifacts:
          own: {source: {type: test_source, properties: {path: secret}}}
        """);

    assertThat(
            fixture.problems(
                parent("{path: with_source.yaml, input_mapping: {data: src}, output: out}")))
        .containsExactly(
            "with_source.yaml:6:17: artifacts.own.source: a child runbook cannot contain source"
                + " artifacts: map a parent artifact to one of its inputs instead");
  }

  @Test
  void problemsInsideAChildNameTheChildFile() {
    fixture.write(
        "broken.yaml",
        """
        name: broken
        description: typo inside
        inputs: {data: {input_schema: standard_input}}
        outputs: {out: {artifact: pii}}
        artifacts:
          pii: {inputs: dat, process: {type: test_personal_data}}
        """);

    assertThat(
            fixture.problems(
                parent("{path: broken.yaml, input_mapping: {data: src}, output: out}")))
        .containsExactly(
            "broken.yaml:6:17: artifacts.pii.inputs: unknown artifact 'dat' (did you mean"
                + " 'data'?)");
  }

  @Test
  void childArtifactLeftWithoutInputsByAnUnmappedOptionalInputIsAProblem() {
    fixture.write(
        "optional.yaml",
        """
        name: optional input
        description: code is optional
        inputs:
          data: {input_schema: standard_input}
          code: {input_schema: source_code, optional: true}
        outputs: {out: {artifact: both}}
        artifacts:
          from_data: {inputs: data, process: {type: test_personal_data}}
          from_code: {inputs: code, process: {type: test_personal_data}}
          both: {inputs: [from_data, from_code]}
        """);

    List<String> problems =
        fixture.problems(parent("{path: optional.yaml, input_mapping: {data: src}, output: out}"));

    assertThat(problems)
        .containsExactly(
            "optional.yaml:9:23: artifacts.from_code.inputs: no inputs left: the optional inputs"
                + " [code] are not mapped by the parent runbook");
  }

  @Test
  void optionalInputMayBeLeftUnmappedWhenOtherInputsRemain() {
    fixture.write(
        "optional.yaml",
        """
        name: optional input
        description: extra is optional
        inputs:
          data: {input_schema: standard_input}
          extra: {input_schema: standard_input, optional: true}
        outputs: {out: {artifact: pii}}
        artifacts:
          pii: {inputs: [data, extra], process: {type: test_personal_data}}
        """);

    ExecutionPlan plan =
        fixture.plan(parent("{path: optional.yaml, input_mapping: {data: src}, output: out}"));

    assertThat(plan.artifact("scan.pii").orElseThrow().inputs()).containsExactly("src");
  }
}
