package dev.wct.cli.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wct.core.planner.Planner;
import dev.wct.core.runbook.Problem;
import dev.wct.core.runbook.RunbookException;
import dev.wct.spi.ComponentCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planner over the shipped components' generated schemas. */
class PlannedPropertiesTest {
  @TempDir Path dir;

  private final Planner planner = new Planner(ComponentCatalog.discover());

  private Path write(String artifacts) throws Exception {
    return Files.writeString(
        dir.resolve("runbook.yaml"), "name: t\ndescription: t\nartifacts:\n" + artifacts);
  }

  private List<String> problems(String artifacts) throws Exception {
    Path runbook = write(artifacts);
    List<String> shown = new ArrayList<>();
    assertThatThrownBy(() -> planner.plan(runbook))
        .isInstanceOfSatisfying(
            RunbookException.class,
            e -> e.problems().stream().map(Problem::toString).forEach(shown::add));
    return shown.stream().map(p -> p.replace(dir + "/", "")).toList();
  }

  @Test
  void aRulesetPlaceholderIsAcceptedByAnalysersAndClassifiersAlike() throws Exception {
    planner.plan(
        write(
            """
              src: {source: {type: filesystem, properties: {path: ., max_files: "${MAX}"}}}
              pii:
                inputs: src
                process: {type: personal_data, properties: {ruleset: "${PII_RULESET}"}}
              gdpr:
                inputs: pii
                process: {type: gdpr_personal_data_classifier, properties: {ruleset: "${GDPR}"}}
            """));
  }

  @Test
  void aPlaceholderWhoseDefaultHoldsAnotherPlansForTypedProperties() throws Exception {
    assertThat(
            planner
                .plan(
                    write(
                        """
                          db:
                            source:
                              type: mysql
                              properties:
                                host: "${DB_HOST:-${FALLBACK_HOST}}"
                                user: app
                                port: "${DB_PORT:-${DEFAULT_PORT}}"
                        """))
                .artifacts())
        .hasSize(1);
  }

  @Test
  void aWrongValueIsOneProblemEvenWhereAPlaceholderWouldDo() throws Exception {
    assertThat(
            problems(
                """
                  src: {source: {type: filesystem, properties: {path: ., errors: ignore}}}
                  pii:
                    inputs: src
                    process:
                      type: personal_data
                      properties: {pattern_matching: {evidence_context_size: huge}}
                """))
        .containsExactly(
            "runbook.yaml:4:66: artifacts.src.source.properties.errors: does not have a value in"
                + " the enumeration [\"strict\", \"replace\", \"skip\"]",
            "runbook.yaml:9:62: artifacts.pii.process.properties.pattern_matching"
                + ".evidence_context_size: does not have a value in the enumeration [\"small\","
                + " \"medium\", \"large\", \"full\"]");
  }
}
