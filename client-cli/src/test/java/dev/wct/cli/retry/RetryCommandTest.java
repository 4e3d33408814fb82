package dev.wct.cli.retry;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wct retry} of an embedded run whose database was missing: once the database exists, the
 * retry runs only the database branch and reuses the file branch, and says which run it retries.
 */
class RetryCommandTest {
  private static final Pattern RUN_ID = Pattern.compile("^Run (\\d{8}-\\d{6}-[0-9a-f]{6}): ");

  @TempDir Path dir;
  private Path database;
  private Path files;
  private String store;
  private Path runbook;

  @BeforeEach
  void twoBranches() throws Exception {
    database = dir.resolve("crm.db");
    files = Files.createDirectories(dir.resolve("files"));
    Files.writeString(files.resolve("a.txt"), "contact jane.doe@example.com");
    store = dir.resolve(".wct").toString();
    runbook =
        Files.writeString(
            dir.resolve("runbook.yaml"),
            """
            name: "Two branches"
            description: "A database and a folder"
            artifacts:
              crm_db:
                source:
                  type: sqlite
                  properties: {database_path: "%s"}
              crm_pii:
                inputs: crm_db
                process: {type: personal_data}
                output: true
              files:
                source:
                  type: filesystem
                  properties: {path: "%s"}
              files_pii:
                inputs: files
                process: {type: personal_data}
                output: true
            """
                .formatted(database, files));
  }

  private static String runId(String out) {
    Matcher matcher =
        RUN_ID.matcher(out.lines().filter(l -> l.startsWith("Run ")).findFirst().orElse(""));
    assertThat(matcher.find()).as(out).isTrue();
    return matcher.group(1);
  }

  private JsonNode inspect(String runId) throws Exception {
    Cli.Result inspect = Cli.run("inspect", runId, "--store", store, "--json");
    assertThat(inspect.exitCode()).as(inspect.err()).isZero();
    return Json.mapper().readTree(inspect.out());
  }

  private static JsonNode artifact(JsonNode inspected, String id) {
    for (JsonNode artifact : inspected.path("artifacts")) {
      if (artifact.path("id").asText().equals(id)) {
        return artifact;
      }
    }
    throw new AssertionError("no artifact " + id + " in " + inspected);
  }

  @Test
  void aRetryRunsOnlyTheFailedBranchAndReusesTheRest() throws Exception {
    Cli.Result first = Cli.run("run", runbook.toString(), "--store", store, "--quiet");
    assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(1);
    String failed = runId(first.out());
    JsonNode before = inspect(failed);
    assertThat(artifact(before, "crm_db").path("state").asText()).isEqualTo("failed");

    try (Connection connection =
            new org.sqlite.JDBC().connect("jdbc:sqlite:" + database, new java.util.Properties());
        Statement statement = connection.createStatement()) {
      statement.execute("create table customers (email text)");
      statement.execute("insert into customers values ('john.smith@example.org')");
    }
    // Had the file branch run again, it would find this second address too.
    Files.writeString(files.resolve("b.txt"), "contact max.mustermann@example.net");

    Cli.Result retry = Cli.run("retry", failed, "--store", store, "--quiet");

    assertThat(retry.exitCode()).as(retry.out() + retry.err()).isZero();
    assertThat(retry.out())
        .contains("Retrying run " + failed + ": 2 reused, 2 to run again (crm_db, crm_pii)");
    String retried = runId(retry.out());
    assertThat(retried).isNotEqualTo(failed);
    assertThat(retry.out().lines())
        .contains("Run " + retried + " completed")
        .anySatisfy(l -> assertThat(l).matches("files_pii +reused .*"));

    JsonNode after = inspect(retried);
    assertThat(after.path("run").path("retry_of").asText()).isEqualTo(failed);
    assertThat(after.path("summary").path("reused").asInt()).isEqualTo(2);
    JsonNode filesPii = artifact(after, "files_pii");
    assertThat(filesPii.path("reused_from").asText()).isEqualTo(failed);
    assertThat(filesPii.path("reference").path("item_count"))
        .isEqualTo(artifact(before, "files_pii").path("reference").path("item_count"));
    assertThat(filesPii.path("started")).isEqualTo(artifact(before, "files_pii").path("started"));
    JsonNode crmDb = artifact(after, "crm_db");
    assertThat(crmDb.path("state").asText()).isEqualTo("succeeded");
    assertThat(crmDb.has("reused_from")).isFalse();
    assertThat(artifact(after, "crm_pii").path("state").asText()).isEqualTo("succeeded");

    // The retried run is left as it was.
    assertThat(inspect(failed)).isEqualTo(before);

    JsonNode results =
        Json.mapper().readTree(Path.of(store, "runs", retried, "_system", "results.json").toFile());
    assertThat(results.path("run").path("retry_of").asText()).isEqualTo(failed);
    assertThat(results.toString())
        .contains("\"reused_from\":\"" + failed + "\"")
        .doesNotContain("max.mustermann@example.net");
    String html = Cli.run("export", retried, "--format", "html", "--store", store).out();
    assertThat(html).contains("Retry of").contains(failed);
  }

  @Test
  void aRunWithoutARecordedPlanCannotBeRetried() throws Exception {
    String failed = runId(Cli.run("run", runbook.toString(), "--store", store, "--quiet").out());
    Files.delete(Path.of(store, "runs", failed, "_system", "plan.json"));

    Cli.Result retry = Cli.run("retry", failed, "--store", store);

    assertThat(retry.exitCode()).isEqualTo(2);
    assertThat(retry.out()).isEmpty();
    assertThat(retry.err().lines())
        .containsExactly(
            "wct: run '"
                + failed
                + "' cannot be retried: the store holds no plan for it (_system/plan.json);"
                + " start it again with wct run RUNBOOK");
  }

  @Test
  void aRunThatCompletedHasNothingToRetry() throws Exception {
    Files.delete(runbook);
    runbook =
        Files.writeString(
            dir.resolve("files.yaml"),
            """
            name: "Files"
            description: "A folder"
            artifacts:
              files:
                source:
                  type: filesystem
                  properties: {path: "%s"}
            """
                .formatted(files));
    Cli.Result run = Cli.run("run", runbook.toString(), "--store", store, "--quiet");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    String done = runId(run.out());

    Cli.Result retry = Cli.run("retry", done, "--store", store);

    assertThat(retry.exitCode()).isEqualTo(2);
    assertThat(retry.err())
        .isEqualTo("wct: run '" + done + "' has nothing to retry: every artifact succeeded\n");
  }
}
