package dev.wct.core.planner;

import static dev.wct.core.planner.PlannerFixture.runbook;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.plan.Producer;
import dev.wct.core.plan.RetrySettings;
import dev.wct.core.testing.TestComponents;
import dev.wct.spi.message.SchemaRef;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every class of planning problem, and what a valid plan resolves. */
class PlannerChecksTest {
  @TempDir Path dir;
  private PlannerFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new PlannerFixture(dir);
  }

  @Test
  void unknownReferenceSuggestsTheClosestArtifact() {
    assertThat(
            fixture.problems(
                runbook(
                    """
                      db: {source: {type: test_source, properties: {path: x}}}
                      pii: {inputs: [dbx], process: {type: test_personal_data}}
                    """)))
        .containsExactly(
            "runbook.yaml:5:18: artifacts.pii.inputs[0]: unknown artifact 'dbx' (did you mean"
                + " 'db'?)");
  }

  @Test
  void unknownComponentTypesListTheKnownOnes() {
    assertThat(
            fixture.problems(
                runbook(
                    """
                      db: {source: {type: mysql}}
                      pii: {inputs: db, process: {type: test_personal_dat}}
                    """)))
        .containsExactly(
            "runbook.yaml:4:23: artifacts.db.source.type: unknown connector type 'mysql'; known:"
                + " test_source",
            "runbook.yaml:5:37: artifacts.pii.process.type: unknown analyser type"
                + " 'test_personal_dat' (did you mean 'test_personal_data'?); known: test_classifier,"
                + " test_personal_data, test_source_code");
  }

  @Test
  void propertiesTheComponentSchemaRejectsArePlacedAtTheOffendingProperty() {
    assertThat(
            fixture.problems(
                runbook(
                    """
                      missing_path:
                        source:
                          type: test_source
                      wrong_types:
                        source:
                          type: test_source
                          properties:
                            path: x
                            items: many
                            tags: [ok, 3]
                      typo:
                        source:
                          type: test_source
                          properties: {path: x, itmes: 2}
                    """)))
        .containsExactly(
            "runbook.yaml:5:5: artifacts.missing_path.source.properties: required property 'path'"
                + " not found",
            "runbook.yaml:12:16: artifacts.wrong_types.source.properties.items: string found,"
                + " integer expected",
            "runbook.yaml:13:20: artifacts.wrong_types.source.properties.tags[1]: integer found,"
                + " string expected",
            "runbook.yaml:17:36: artifacts.typo.source.properties.itmes: unknown property 'itmes'"
                + " (did you mean 'items'?)");
  }

  @Test
  void aValueThatIsNeitherAllowedNorAPlaceholderGetsOneProblemNotTwo() {
    assertThat(
            fixture.problems(
                runbook(
                    """
                      src: {source: {type: test_source, properties: {path: x}}}
                      pii:
                        inputs: src
                        process:
                          type: test_personal_data
                          properties: {evidence_context_size: huge}
                      pii_from_env:
                        inputs: src
                        process:
                          type: test_personal_data
                          properties: {evidence_context_size: "${CONTEXT_SIZE}"}
                    """)))
        .containsExactly(
            "runbook.yaml:9:43: artifacts.pii.process.properties.evidence_context_size: does not"
                + " have a value in the enumeration [\"small\", \"medium\", \"large\"]");
  }

  @Test
  void analyserMustAcceptEvenASingleInput() {
    assertThat(
            fixture.problems(
                runbook(
                    """
                      src: {source: {type: test_source, properties: {path: x}}}
                      gdpr: {inputs: src, process: {type: test_classifier}}
                    """)))
        .containsExactly(
            "runbook.yaml:5:18: artifacts.gdpr.inputs: analyser 'test_classifier' does not accept"
                + " 'src' (standard_input/1.0.0); it accepts [personal_data_indicator/1.0.0]");
  }

  @Test
  void passThroughFanInNeedsOneSchema() {
    assertThat(
            fixture.problems(
                runbook(
                    """
                      src: {source: {type: test_source, properties: {path: x}}}
                      code: {inputs: src, process: {type: test_source_code}}
                      both: {inputs: [src, code]}
                    """)))
        .containsExactly(
            "runbook.yaml:6:18: artifacts.both.inputs: pass-through fan-in of different schemas:"
                + " 'src' (standard_input/1.0.0), 'code' (source_code/1.0.0); add a 'process' step"
                + " or split the artifact");
  }

  @Test
  void passThroughOfOneSchemaConcatenatesAndKeepsTheSchema() {
    ExecutionPlan plan =
        fixture.plan(
            runbook(
                """
                  a: {source: {type: test_source, properties: {path: a}}}
                  b: {source: {type: test_source, properties: {path: b}}}
                  all: {inputs: [a, b], output: true}
                """));

    PlannedArtifact all = plan.artifact("all").orElseThrow();
    assertThat(all.producer()).isEqualTo(new Producer.PassThrough());
    assertThat(all.outputSchema()).isEqualTo(TestComponents.STANDARD_INPUT);
    assertThat(all.output()).isTrue();
  }

  @Test
  void outputSchemaOverrideMustBeOneTheComponentProduces() {
    ExecutionPlan plan =
        fixture.plan(
            runbook(
                """
                  src: {source: {type: test_source, properties: {path: x}}}
                  subjects:
                    inputs: src
                    process: {type: test_personal_data}
                    output_schema: data_subject_indicator
                """));
    assertThat(plan.artifact("subjects").orElseThrow().outputSchema())
        .isEqualTo(TestComponents.DATA_SUBJECT);

    assertThat(
            fixture.problems(
                runbook(
                    """
                      src: {source: {type: test_source, properties: {path: x}}}
                      pii:
                        inputs: src
                        process: {type: test_personal_data}
                        output_schema: personal_data_indicator/2.0.0
                    """)))
        .containsExactly(
            "runbook.yaml:8:20: artifacts.pii.output_schema: 'test_personal_data' cannot produce"
                + " personal_data_indicator/2.0.0; it produces personal_data_indicator/1.0.0,"
                + " data_subject_indicator/1.0.0");
  }

  @Test
  void reuseNeedsAKnownSchema() {
    ExecutionPlan plan =
        fixture.plan(
            runbook(
                """
                  src: {source: {type: test_source, properties: {path: x}}}
                  old_src: {reuse: {from_run: r1, artifact: src}}
                  old_pii:
                    reuse: {from_run: r1, artifact: pii}
                    output_schema: personal_data_indicator
                  pii: {inputs: old_pii}
                """));
    assertThat(plan.artifact("old_src").orElseThrow().outputSchema())
        .isEqualTo(TestComponents.STANDARD_INPUT);
    assertThat(plan.artifact("old_src").orElseThrow().producer())
        .isEqualTo(new Producer.Reuse("r1", "src"));
    assertThat(plan.artifact("pii").orElseThrow().outputSchema())
        .isEqualTo(TestComponents.PERSONAL_DATA);

    assertThat(
            fixture.problems(
                runbook(
                    """
                      old: {reuse: {from_run: r1, artifact: gone}}
                    """)))
        .containsExactly(
            "runbook.yaml:4:16: artifacts.old.reuse: add 'output_schema': the schema of 'gone'"
                + " from run 'r1' cannot be known at plan time");
  }

  @Test
  void retryOverridesMergeOverTheRunDefaultOverTheBuiltInDefault() {
    ExecutionPlan plan =
        fixture.plan(
            """
            name: n
            description: d
            config:
              timeout: 1h
              retry: {max_attempts: 4, initial_interval: 5s}
            artifacts:
              plain: {source: {type: test_source, properties: {path: x}}}
              tuned:
                source: {type: test_source, properties: {path: x}}
                retry: {max_attempts: 7, backoff_coefficient: 3}
                timeout: 10m
            """);

    RetrySettings run = new RetrySettings(4, Duration.ofSeconds(5), 2.0, Duration.ofMinutes(1));
    assertThat(plan.settings().retry()).isEqualTo(run);
    assertThat(plan.settings().timeout()).isEqualTo(Duration.ofHours(1));
    assertThat(plan.artifact("plain").orElseThrow().retry()).isEqualTo(run);
    assertThat(plan.artifact("plain").orElseThrow().timeout()).isEqualTo(Duration.ofHours(1));
    assertThat(plan.artifact("tuned").orElseThrow().retry())
        .isEqualTo(new RetrySettings(7, Duration.ofSeconds(5), 3.0, Duration.ofMinutes(1)));
    assertThat(plan.artifact("tuned").orElseThrow().timeout()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void maxConcurrencyAboveTheServerLimitIsAProblem() {
    assertThat(
            fixture.problems(
                """
                name: n
                description: d
                config: {max_concurrency: 2001}
                artifacts:
                  a: {source: {type: test_source, properties: {path: x}}}
                """))
        .containsExactly(
            "runbook.yaml:3:27: config.max_concurrency: max_concurrency must be at most 2000, the"
                + " most pending activities a Temporal workflow may have, got 2001");
  }

  @Test
  void placeholdersStayUnresolvedInThePlan() {
    ExecutionPlan plan =
        fixture.plan(
            runbook(
                """
                  db:
                    source:
                      type: test_source
                      properties: {path: "${DB_PATH:-/tmp}", secret: "${DB_PASSWORD}"}
                """));

    Producer.Source source = (Producer.Source) plan.artifact("db").orElseThrow().producer();
    assertThat(source.properties().get("secret").asText()).isEqualTo("${DB_PASSWORD}");
    assertThat(source.properties().get("path").asText()).isEqualTo("${DB_PATH:-/tmp}");
  }

  @Test
  void everyProblemOfEveryKindIsReportedTogetherInFileOrder() {
    assertThat(
            fixture.problems(
                """
                name: n
                description: d
                config: {timeout: never}
                artifacts:
                  db: {source: {type: test_source, properties: {paht: x}}}
                  pii: {inputs: [dbb], process: {type: test_personal_data}}
                  loop: {inputs: loop}
                """))
        .containsExactly(
            "runbook.yaml:3:19: config.timeout: expected a positive duration such as 30, 30s, 10m,"
                + " 2h or 500ms, got 'never'",
            "runbook.yaml:5:48: artifacts.db.source.properties: required property 'path' not"
                + " found",
            "runbook.yaml:5:55: artifacts.db.source.properties.paht: unknown property 'paht' (did"
                + " you mean 'path'?)",
            "runbook.yaml:6:18: artifacts.pii.inputs[0]: unknown artifact 'dbb' (did you mean"
                + " 'db'?)",
            "runbook.yaml:7:18: artifacts.loop.inputs: cycle: loop -> loop");
  }

  @Test
  void aRunbookDeclaringInputsIsAChildAndCannotBePlannedAlone() {
    assertThat(
            fixture.problems(
                """
                name: n
                description: d
                inputs:
                  data: {input_schema: standard_input}
                artifacts:
                  pii: {inputs: data, process: {type: test_personal_data}}
                """))
        .containsExactly(
            "runbook.yaml:3:1: inputs: declares inputs, so it is a child runbook: plan the runbook"
                + " that uses it",
            "runbook.yaml:6:17: artifacts.pii.inputs: unknown artifact 'data'");
  }

  @Test
  void contentHashIdentifiesThePlan() {
    String text =
        runbook(
            """
              a: {source: {type: test_source, properties: {path: x}}}
            """);
    ExecutionPlan first = fixture.plan(text);
    ExecutionPlan again = fixture.plan(text);
    ExecutionPlan changed = fixture.plan(text.replace("path: x", "path: y"));

    assertThat(first.contentHash()).matches("[0-9a-f]{64}").isEqualTo(again.contentHash());
    assertThat(changed.contentHash()).isNotEqualTo(first.contentHash());
    ExecutionPlan unsigned =
        new ExecutionPlan(
            first.runbook(),
            first.settings(),
            first.artifacts(),
            first.levels(),
            first.criticalPath(),
            null);
    assertThat(first.contentHash()).isEqualTo(Planner.sha256(Planner.json(unsigned)));
  }

  @Test
  void outputSchemaOfEveryArtifactIsResolved() {
    ExecutionPlan plan =
        fixture.plan(
            runbook(
                """
                  src: {source: {type: test_source, properties: {path: x}}}
                  pii: {inputs: src, process: {type: test_personal_data}}
                  gdpr: {inputs: pii, process: {type: test_classifier}}
                """));

    assertThat(plan.artifacts())
        .extracting(PlannedArtifact::outputSchema)
        .extracting(SchemaRef::name)
        .containsExactly("standard_input", "personal_data_indicator", "gdpr_personal_data");
  }
}
