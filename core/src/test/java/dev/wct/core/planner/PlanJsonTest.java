package dev.wct.core.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.spi.json.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanJsonTest {
  @TempDir Path dir;

  @Test
  void planSurvivesAJsonRoundTripWithEveryProducerKindAndPlaceholders() throws Exception {
    PlannerFixture fixture = new PlannerFixture(dir);
    fixture.write(
        "child.yaml",
        """
        name: child
        description: c
        inputs: {data: {input_schema: standard_input}}
        outputs: {found: {artifact: pii}}
        artifacts:
          pii: {inputs: data, process: {type: test_personal_data, properties: {ruleset: r}}}
        """);
    ExecutionPlan plan =
        fixture.plan(
            """
            name: round trip
            description: all kinds
            contact: dpo@example.com
            framework: GDPR
            config: {timeout: 90, retry: {max_attempts: 2, maximum_interval: 2m}}
            artifacts:
              db:
                source:
                  type: test_source
                  properties: {path: "${DB:-x}", secret: "${PW}", items: 3, tags: [a, "$${b}"]}
                timeout: 500ms
              old: {reuse: {from_run: r1, artifact: db}, optional: true}
              both: {inputs: [db, old], output: true}
              scanned:
                inputs: both
                child_runbook: {path: child.yaml, input_mapping: {data: both}, output: found}
            """);
    assertThat(plan.artifacts())
        .extracting(a -> a.producer().getClass().getSimpleName())
        .contains("Source", "Reuse", "PassThrough", "Process");

    String json = Json.mapper().writeValueAsString(plan);
    ExecutionPlan read = Json.mapper().readValue(json, ExecutionPlan.class);

    assertThat(read).isEqualTo(plan);
    assertThat(json).contains("${PW}").contains("$${b}");
  }

  @Test
  void keepSourcesAndRetentionReachThePlanAndAreLeftOutOfItsJsonWhenUnset() throws Exception {
    PlannerFixture fixture = new PlannerFixture(dir);
    String artifacts =
        """
        artifacts:
          db: {source: {type: test_source, properties: {path: x}}}
        """;
    ExecutionPlan kept =
        fixture.plan(
            "name: n\ndescription: d\nconfig: {keep_sources: true, retention: 90d}\n" + artifacts);
    ExecutionPlan plain = fixture.plan("name: n\ndescription: d\n" + artifacts);

    assertThat(kept.settings().keepSources()).isTrue();
    assertThat(kept.settings().retention()).isEqualTo(java.time.Duration.ofDays(90));
    assertThat(Json.mapper().readValue(Json.mapper().writeValueAsString(kept), ExecutionPlan.class))
        .isEqualTo(kept);
    assertThat(plain.settings().keepSources()).isFalse();
    assertThat(plain.settings().retention()).isNull();
    assertThat(Json.mapper().writeValueAsString(plain.settings()))
        .doesNotContain("keepSources")
        .doesNotContain("retention");
    assertThat(kept.contentHash()).isNotEqualTo(plain.contentHash());
  }
}
