package dev.wct.core.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wct.core.testing.Runbooks;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.message.SchemaRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookParserTest {
  @TempDir Path dir;

  private static List<String> problems(String yaml) {
    return RunbookParser.read("r.yaml", yaml).problems().stream().map(Problem::toString).toList();
  }

  @Test
  void readsEveryKeyOfACompleteRunbook() {
    Runbook runbook = RunbookParser.parse(Runbooks.fixture("complete.yaml"));

    assertThat(runbook.name()).isEqualTo("Customer database and web app scan");
    assertThat(runbook.contact()).isEqualTo("DPO <dpo@example.com>");
    assertThat(runbook.framework()).isEqualTo("GDPR");
    RunbookConfig config = runbook.config();
    assertThat(config.timeout()).isEqualTo(Duration.ofHours(1));
    assertThat(config.maxConcurrency()).isEqualTo(8);
    assertThat(config.retry())
        .isEqualTo(new RetrySpec(3, Duration.ofSeconds(2), 2.0, Duration.ofMinutes(1)));
    assertThat(config.templatePaths()).containsExactly("templates");
    assertThat(config.maxChildDepth()).isEqualTo(2);
    assertThat(runbook.artifacts().keySet())
        .containsExactly("crm_db", "web_files", "personal_data", "gdpr_personal_data", "last_week");

    ArtifactSpec crm = runbook.artifacts().get("crm_db");
    assertThat(crm.name()).isEqualTo("CRM database sample");
    assertThat(crm.source().type()).isEqualTo("test_source");
    assertThat(crm.source().properties().get("path").asText())
        .isEqualTo("${CRM_DB_HOST:-localhost}");
    assertThat(crm.source().properties().get("secret").asText()).isEqualTo("${CRM_DB_PASSWORD}");
    assertThat(crm.source().properties().get("items").isInt()).isTrue();

    ArtifactSpec pii = runbook.artifacts().get("personal_data");
    assertThat(pii.inputs()).containsExactly("crm_db", "web_files");
    assertThat(pii.timeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(pii.retry()).isEqualTo(new RetrySpec(5, null, null, null));

    ArtifactSpec gdpr = runbook.artifacts().get("gdpr_personal_data");
    assertThat(gdpr.inputs()).containsExactly("personal_data");
    assertThat(gdpr.output()).isTrue();
    assertThat(gdpr.optional()).isTrue();
    assertThat(gdpr.contact()).isEqualTo("Legal");

    ArtifactSpec reused = runbook.artifacts().get("last_week");
    assertThat(reused.reuse()).isEqualTo(new ReuseSpec("run-2026-11-15", "personal_data"));
    assertThat(reused.outputSchema()).isEqualTo(SchemaRef.of("personal_data_indicator"));
  }

  @Test
  void appliesDefaultsWhenThereIsNoConfig() {
    Runbook runbook =
        RunbookParser.read(
                "r.yaml", "name: n\ndescription: d\nartifacts:\n  a: {source: {type: x}}\n")
            .orThrow();

    assertThat(runbook.config()).isEqualTo(RunbookConfig.DEFAULT);
    assertThat(runbook.config().timeout()).isEqualTo(Duration.ofSeconds(300));
    assertThat(runbook.config().maxConcurrency()).isEqualTo(10);
    assertThat(runbook.config().maxChildDepth()).isEqualTo(3);
  }

  @Test
  void acceptsDurationsAsSecondsOrWithUnits() {
    Runbook runbook =
        RunbookParser.read(
                "r.yaml",
                """
                name: n
                description: d
                config: {timeout: 2h, retry: {initial_interval: 500ms, maximum_interval: 90}}
                artifacts:
                  a: {source: {type: x}, timeout: 1.5}
                  b: {source: {type: x}, timeout: "30s"}
                """)
            .orThrow();

    assertThat(runbook.config().timeout()).isEqualTo(Duration.ofHours(2));
    assertThat(runbook.config().retry().initialInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(runbook.config().retry().maximumInterval()).isEqualTo(Duration.ofSeconds(90));
    assertThat(runbook.artifacts().get("a").timeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(runbook.artifacts().get("b").timeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void readsKeepSourcesAndRetentionAndDefaultsToDeletingSourcesWithNoRetention() {
    Runbook set =
        RunbookParser.read(
                "r.yaml",
                """
                name: n
                description: d
                config: {keep_sources: true, retention: 90d}
                artifacts:
                  a: {source: {type: x}}
                """)
            .orThrow();
    Runbook unset =
        RunbookParser.read("r.yaml", "name: n\ndescription: d\nartifacts: {a: {source: {type: x}}}")
            .orThrow();

    assertThat(set.config().keepSources()).isTrue();
    assertThat(set.config().retention()).isEqualTo(Duration.ofDays(90));
    assertThat(unset.config().keepSources()).isFalse();
    assertThat(unset.config().retention()).isNull();
  }

  @Test
  void badKeepSourcesAndRetentionAreProblemsNamingThePlace() {
    assertThat(
            problems(
                """
                name: n
                description: d
                config: {keep_sources: sometimes, retention: forever}
                artifacts:
                  a: {source: {type: x}}
                """))
        .containsExactly(
            "r.yaml:3:24: config.keep_sources: expected true or false, got the string 'sometimes'",
            "r.yaml:3:46: config.retention: expected a positive duration such as 30, 30s, 10m, 2h"
                + " or 500ms, got 'forever'");
  }

  @Test
  void missingFileIsAProblemNamingTheFile() {
    Path missing = dir.resolve("runbook.yaml");

    assertThatThrownBy(() -> RunbookParser.parse(missing))
        .isInstanceOfSatisfying(
            RunbookException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
        .hasMessage(missing + ": file not found");
  }

  @Test
  void malformedYamlIsAProblemWithItsLineAndColumn() {
    assertThat(problems("name: n\ndescription: d\nartifacts:\n  a: [unclosed\n"))
        .singleElement()
        .asString()
        .startsWith("r.yaml:5:1: invalid YAML: ");
    assertThat(problems("name: n\n  bad: indentation\n"))
        .singleElement()
        .asString()
        .startsWith("r.yaml:2:6: invalid YAML: mapping values are not allowed here");
  }

  @Test
  void aFileThatIsNotOneMappingIsOneProblem() {
    assertThat(problems("- a\n- b\n"))
        .containsExactly(
            "r.yaml:1:1: a runbook is a mapping with name, description and artifacts, got a list");
    assertThat(problems("a: 1\n---\nb: 2\n"))
        .containsExactly(
            "r.yaml:2:1: invalid YAML: expected a single document in the stream, but found another"
                + " document");
  }

  @Test
  void emptyFileIsAProblem() {
    assertThat(problems("")).containsExactly("r.yaml: the runbook is empty");
  }

  @Test
  void unknownKeysAnywhereAreProblemsWithAHint() {
    assertThat(
            problems(
                """
                name: n
                description: d
                confg: {}
                config:
                  retry: {max_attempt: 2}
                artifacts:
                  a:
                    source: {type: x, propertes: {}}
                    outptu: true
                  b:
                    inputs: a
                    banana: 1
                """))
        .containsExactly(
            "r.yaml:3:1: confg: unknown key 'confg' (did you mean 'config'?)",
            "r.yaml:5:11: config.retry.max_attempt: unknown key 'max_attempt' (did you mean"
                + " 'max_attempts'?)",
            "r.yaml:8:23: artifacts.a.source.propertes: unknown key 'propertes' (did you mean"
                + " 'properties'?)",
            "r.yaml:9:5: artifacts.a.outptu: unknown key 'outptu' (did you mean 'output'?)",
            "r.yaml:12:5: artifacts.b.banana: unknown key 'banana' (expected one of: name,"
                + " description, contact, source, inputs, process, reuse, child_runbook, output,"
                + " optional, output_schema, timeout, retry, partition)");
  }

  @Test
  void suppressionsNameAFileRelativeToTheRunbook() {
    Runbook runbook =
        RunbookParser.read(
                "r.yaml",
                """
                name: n
                description: d
                config: {suppressions: "file:accepted/suppressions.yaml"}
                artifacts:
                  a: {source: {type: x}}
                """)
            .orThrow();

    assertThat(runbook.config().suppressions()).isEqualTo("accepted/suppressions.yaml");
    assertThat(RunbookConfig.DEFAULT.suppressions()).isNull();
  }

  @Test
  void suppressionsThatAreNotAFileAreAProblem() {
    assertThat(
            problems(
                """
                name: n
                description: d
                config:
                  suppressions: suppressions.yaml
                artifacts:
                  a: {source: {type: x}}
                """))
        .containsExactly(
            "r.yaml:4:17: config.suppressions: expected 'file:PATH' (a YAML file of accepted"
                + " findings, relative to the runbook), got 'suppressions.yaml'");
  }

  @Test
  void wrongTypesAreProblems() {
    assertThat(
            problems(
                """
                name: 42
                description: d
                config:
                  timeout: soon
                  max_concurrency: ten
                  template_paths: templates
                artifacts:
                  a:
                    source: x
                  b:
                    inputs: {a: 1}
                    output: maybe
                    retry: {max_attempts: 0, backoff_coefficient: 0.5}
                """))
        .containsExactly(
            "r.yaml:1:7: name: expected a string, got the number 42",
            "r.yaml:4:12: config.timeout: expected a positive duration such as 30, 30s, 10m, 2h or"
                + " 500ms, got 'soon'",
            "r.yaml:5:20: config.max_concurrency: expected a whole number, got the string 'ten'",
            "r.yaml:6:19: config.template_paths: expected a list, got the string 'templates'",
            "r.yaml:9:13: artifacts.a.source: expected a mapping, got the string 'x'",
            "r.yaml:11:13: artifacts.b.inputs: expected a list, got a mapping",
            "r.yaml:12:13: artifacts.b.output: expected true or false, got the string 'maybe'",
            "r.yaml:13:27: artifacts.b.retry.max_attempts: expected a whole number of at least 1,"
                + " got 0",
            "r.yaml:13:51: artifacts.b.retry.backoff_coefficient: expected a number of at least"
                + " 1.0, got 0.5");
  }

  @Test
  void badIdsAndProducerCombinationsAreProblems() {
    assertThat(
            problems(
                """
                name: n
                description: d
                artifacts:
                  Bad_Id:
                    source: {type: x}
                  none:
                    name: nothing
                  both:
                    source: {type: x}
                    inputs: none
                  orphan_process:
                    reuse: {from_run: r1, artifact: x}
                    process: {type: y}
                  child:
                    child_runbook: {path: c.yaml, output: o}
                    reuse: {from_run: r1, artifact: x}
                  child_process:
                    inputs: none
                    process: {type: y}
                    child_runbook: {path: c.yaml, output: o}
                """))
        .containsExactly(
            "r.yaml:4:3: artifacts.Bad_Id: invalid artifact id 'Bad_Id': use lower-case letters,"
                + " digits, '_', '.' and '-', starting with a letter or digit",
            "r.yaml:7:5: artifacts.none: needs exactly one of 'source', 'inputs' or 'reuse', found"
                + " none",
            "r.yaml:9:5: artifacts.both: needs exactly one of 'source', 'inputs' or 'reuse', found"
                + " source and inputs",
            "r.yaml:13:14: artifacts.orphan_process.process: 'process' needs 'inputs' to process",
            "r.yaml:15:20: artifacts.child.child_runbook: 'child_runbook' needs 'inputs'",
            "r.yaml:19:14: artifacts.child_process.process: 'child_runbook' and 'process' exclude"
                + " each other");
  }

  @Test
  void placeholderSyntaxIsCheckedAtParseTimeAndPlaceholdersAreKept() {
    ParseResult result =
        RunbookParser.read(
            "r.yaml",
            """
            name: n
            description: d
            artifacts:
              a:
                source:
                  type: x
                  properties:
                    host: "${DB_HOST"
                    nested: {list: ["ok ${A}", "${9}"]}
            """);

    assertThat(result.problems().stream().map(Problem::toString))
        .containsExactly(
            "r.yaml:8:15: artifacts.a.source.properties.host: unterminated '${' (write '$${' for a"
                + " literal '${')",
            "r.yaml:9:36: artifacts.a.source.properties.nested.list[1]: invalid environment"
                + " variable name '9' in '${9}'");
    assertThat(
            result
                .runbook()
                .artifacts()
                .get("a")
                .source()
                .properties()
                .at("/nested/list/0")
                .asText())
        .isEqualTo("ok ${A}");
  }

  @Test
  void missingRequiredKeysAndDuplicatesAreProblems() {
    assertThat(
            problems(
                """
                description: d
                description: e
                artifacts: {}
                """))
        .containsExactly(
            "r.yaml:1:1: missing required key 'name'",
            "r.yaml:2:1: description: duplicate key 'description'",
            "r.yaml:3:12: artifacts: declares no artifacts");
  }

  @Test
  void childRunbookDeclarationsAreRead() {
    Runbook child =
        RunbookParser.read(
                "c.yaml",
                """
                name: child
                description: analyses its input
                inputs:
                  data:
                    input_schema: standard_input
                    description: what to analyse
                  extra: {input_schema: source_code/1.0.0, optional: true, default: none}
                outputs:
                  findings: {artifact: pii, description: the findings}
                artifacts:
                  pii:
                    inputs: data
                    process: {type: test_personal_data}
                """)
            .orThrow();

    assertThat(child.inputs().get("data"))
        .isEqualTo(new ChildInput(SchemaRef.of("standard_input"), false, null, "what to analyse"));
    assertThat(child.inputs().get("extra").optional()).isTrue();
    assertThat(child.outputs()).containsEntry("findings", "pii");
  }

  @Test
  void everyProblemOfTheFileIsReportedInOnePassInFileOrder() {
    List<String> found =
        problems(
            """
            name: n
            description: d
            config: {max_concurrency: 0}
            artifacts:
              a: {source: {type: x}, timeout: -1}
              b: {inputs: [a, a]}
              c: {inputs: a, output_schema: "Bad Schema"}
            """);

    assertThat(found)
        .containsExactly(
            "r.yaml:3:27: config.max_concurrency: expected a whole number of at least 1, got 0",
            "r.yaml:5:35: artifacts.a.timeout: expected a positive duration such as 30, 30s, 10m,"
                + " 2h or 500ms, got '-1'",
            "r.yaml:6:19: artifacts.b.inputs[1]: 'a' is listed twice",
            "r.yaml:7:33: artifacts.c.output_schema: invalid schema name 'Bad Schema' (expected"
                + " name or name/1.0.0)");
  }
}
