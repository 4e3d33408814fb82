package dev.wct.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.cli.history.Cli;
import dev.wct.spi.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that did not read everything says so: {@code completed_with_warnings}, exit 3, the warnings
 * after the summary, coverage in {@code inspect} and in the results document.
 */
class CoverageWarningsTest {
  private static final Pattern RUN_ID = Pattern.compile("^Run (\\d{8}-\\d{6}-[0-9a-f]{6}): ");

  @TempDir Path dir;

  private Path runbook(String yaml) throws Exception {
    return Files.writeString(dir.resolve("runbook.yaml"), yaml);
  }

  private static String runId(String out) {
    Matcher matcher = RUN_ID.matcher(out.lines().findFirst().orElse(""));
    assertThat(matcher.find()).as(out).isTrue();
    return matcher.group(1);
  }

  @Test
  void skippedFilesEndTheRunCompletedWithWarningsAndExitThree() throws Exception {
    Path files = Files.createDirectories(dir.resolve("files"));
    Files.writeString(files.resolve("a.php"), "<?php $email = 'jane.doe@example.com';");
    Files.writeString(files.resolve("b.txt"), "notes");
    Files.writeString(files.resolve("big.log"), "secret-value ".repeat(100));
    Files.write(files.resolve("c.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
    Files.writeString(files.resolve("d.txt"), "delta");
    Files.writeString(files.resolve("e.txt"), "echo");
    String store = dir.resolve(".wct").toString();
    Path runbook =
        runbook(
            """
            name: "Partial scan"
            description: "Some files cannot be read"
            artifacts:
              files:
                source:
                  type: filesystem
                  properties: {path: "%s", max_files: 3, max_file_size: 100}
              personal_data:
                inputs: files
                process: {type: personal_data}
                output: true
            """
                .formatted(files));

    Cli.Result run = Cli.run("run", runbook.toString(), "--store", store, "--quiet");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
    String runId = runId(run.out());
    assertThat(run.out().lines())
        .contains(
            "Warning: files: 3 of 6 files skipped (1 beyond max_files, 1 binary, 1 too large)",
            "Run " + runId + " completed_with_warnings");
    assertThat(run.out()).doesNotContain("secret-value");

    Cli.Result runs = Cli.run("runs", "--store", store, "--status", "completed_with_warnings");
    assertThat(runs.exitCode()).isZero();
    assertThat(runs.out()).contains(runId);
    assertThat(Cli.run("runs", "--store", store, "--status", "completed").out())
        .doesNotContain(runId);

    Cli.Result inspect = Cli.run("inspect", runId, "--store", store);
    assertThat(inspect.out())
        .contains("Status    completed_with_warnings")
        .containsPattern(
            "files +3 files read, 3 skipped \\(1 beyond max_files, 1 binary, 1 too large\\)")
        .contains("Warning: files: 3 of 6 files skipped");

    Cli.Result objects = Cli.run("inspect", runId, "files", "--coverage", "--store", store);
    assertThat(objects.exitCode()).as(objects.err()).isZero();
    assertThat(objects.out().lines())
        .anySatisfy(l -> assertThat(l).matches("a.php +scanned +- +-"))
        .anySatisfy(l -> assertThat(l).matches("big.log +skipped +- +too large"))
        .anySatisfy(l -> assertThat(l).matches("c.png +skipped +- +binary"))
        .anySatisfy(l -> assertThat(l).matches("e.txt +skipped +- +beyond max_files"));

    JsonNode json =
        Json.mapper()
            .readTree(
                Cli.run("inspect", runId, "files", "--coverage", "--json", "--store", store).out());
    assertThat(json.path("summary").path("skipped_by_reason").path("binary").asInt()).isEqualTo(1);
    assertThat(json.path("objects")).hasSize(6);

    JsonNode results =
        Json.mapper().readTree(Path.of(store, "runs", runId, "_system", "results.json").toFile());
    assertThat(results.path("run").path("status").asText()).isEqualTo("completed_with_warnings");
    JsonNode coverage = results.path("coverage").get(0);
    assertThat(coverage.path("id").asText()).isEqualTo("files");
    assertThat(coverage.path("summary").path("scanned").asInt()).isEqualTo(3);
    assertThat(coverage.path("warnings").get(0).asText()).startsWith("files: 3 of 6 files");
    assertThat(coverage.path("objects").toString()).contains("\"object\":\"c.png\"");
    assertThat(results.toString()).doesNotContain("secret-value");

    // The HTML report's summary names the gaps.
    String html = Cli.run("export", runId, "--format", "html", "--store", store).out();
    assertThat(html)
        .contains("Coverage gaps: 3 of 6 objects not scanned fully.")
        .contains("c.png <span class=\"muted\">files: skipped (binary)</span>");
  }

  @Test
  void anEmptyDatabaseIsAWarningThatItReadZeroTables() throws Exception {
    Path database = dir.resolve("empty.db");
    try (Connection connection =
            new org.sqlite.JDBC().connect("jdbc:sqlite:" + database, new java.util.Properties());
        Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA user_version = 1");
    }
    String store = dir.resolve(".wct").toString();
    Path runbook =
        runbook(
            """
            name: "Empty database"
            description: "Nothing to read"
            artifacts:
              crm_db:
                source:
                  type: sqlite
                  properties: {database_path: "%s"}
                output: true
            """
                .formatted(database));

    Cli.Result run = Cli.run("run", runbook.toString(), "--store", store, "--quiet");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
    assertThat(run.out().lines()).contains("Warning: crm_db: read 0 tables");
  }
}
