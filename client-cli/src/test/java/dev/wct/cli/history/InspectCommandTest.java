package dev.wct.cli.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.spi.json.Json;
import dev.wct.core.run.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
  @TempDir Path dir;
  private String store;

  @BeforeEach
  void seedAFailedRun() {
    SeededStore seeded = new SeededStore(dir.resolve(".wct"));
    store = seeded.root().toString();
    seeded.run(
        "run-1",
        "Shop scan",
        RunStatus.COMPLETED_WITH_ERRORS,
        Instant.parse("2026-11-22T10:00:00Z"),
        Duration.ofMillis(4500));
    ObjectNode item = SeededStore.object().put("content", "email: jane@example.com");
    item.putObject("metadata").put("file_path", "users.php");
    seeded.succeeded(
        "run-1",
        "web_files",
        SeededStore.STANDARD_INPUT,
        SeededStore.object().put("name", "web files"),
        List.of(item));
    seeded.succeeded(
        "run-1",
        "personal_data",
        SeededStore.PERSONAL_DATA,
        SeededStore.object(),
        List.of(SeededStore.finding("email", "email", 2, "j***@example.com")));
    seeded.failed(
        "run-1", "crm_db", "mysql: cannot connect to 127.0.0.1:3307: Connection refused", 3);
    seeded.skipped("run-1", "crm_personal_data", "input 'crm_db' failed");
  }

  @Test
  void showsTheRunAndATableOfItsArtifacts() {
    Cli.Result result = Cli.run("inspect", "run-1", "--store", store);

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("Run       run-1")
        .contains("Runbook   Shop scan (runbooks/Shop scan.yaml)")
        .contains("Status    completed_with_errors")
        .contains("Duration  4.5s");
    List<String> table = result.out().lines().dropWhile(l -> !l.startsWith("ARTIFACT")).toList();
    assertThat(table.get(0))
        .contains("STATE", "ATTEMPTS", "DURATION", "ITEMS", "SIZE", "ERROR / SKIP REASON");
    assertThat(table)
        .anySatisfy(
            l ->
                assertThat(l.split("\\s{2,}"))
                    .containsExactly(
                        "crm_db",
                        "failed",
                        "3",
                        "300ms",
                        "-",
                        "-",
                        "mysql: cannot connect to 127.0.0.1:3307: Connection refused"))
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("crm_personal_data")
                    .contains("skipped", "input 'crm_db' failed"))
        .anySatisfy(l -> assertThat(l).startsWith("web_files").contains("succeeded", "1.2s", " B"));
  }

  @Test
  void printsAnArtifactsStoredMessageAsPrettyJson() throws Exception {
    Cli.Result result = Cli.run("inspect", "run-1", "web_files", "--store", store);

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("\n  \"schema\" : {");
    JsonNode message = Json.mapper().readTree(result.out());
    assertThat(message.path("content").path("data").get(0).path("content").asText())
        .isEqualTo("email: jane@example.com");
  }

  @Test
  void writesAnArtifactToAFileWithOutput() throws Exception {
    Path target = dir.resolve("out/pd.json");
    Files.createDirectories(target.getParent());

    Cli.Result result =
        Cli.run(
            "inspect", "run-1", "personal_data", "--store", store, "--output", target.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Wrote personal_data (");
    JsonNode message = Json.mapper().readTree(target.toFile());
    assertThat(message.path("content").path("findings").get(0).path("category").asText())
        .isEqualTo("email");
    try (var files = Files.list(target.getParent())) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void unknownRunIsOneLineAndExitTwo() {
    Cli.Result result = Cli.run("inspect", "run-9", "--store", store);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip())
        .isEqualTo("wct: no run 'run-9' in store " + store + " ('wct runs' lists them)");
  }

  @Test
  void runIdThatWouldLeaveTheStoreIsRefusedInOneLine() {
    Cli.Result result = Cli.run("inspect", "../../etc", "--store", store);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip()).startsWith("wct: ").contains("run ID").hasLineCount(1);
  }

  @Test
  void unknownArtifactSuggestsTheClosestOne() {
    Cli.Result result = Cli.run("inspect", "run-1", "personal_dat", "--store", store);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip())
        .isEqualTo("wct: run run-1 has no artifact 'personal_dat' (did you mean 'personal_data'?)");
  }

  @Test
  void failedArtifactHasNoContentAndTheErrorSaysWhy() {
    Cli.Result result = Cli.run("inspect", "run-1", "crm_db", "--store", store);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip())
        .isEqualTo(
            "wct: artifact 'crm_db' of run run-1 has no content: it failed: mysql: cannot connect"
                + " to 127.0.0.1:3307: Connection refused");
  }

  @Test
  void jsonHasTheRunAndEveryArtifactRecord() throws Exception {
    Cli.Result result = Cli.run("inspect", "run-1", "--store", store, "--json");

    JsonNode node = Json.mapper().readTree(result.out());
    assertThat(node.path("run").path("status").asText()).isEqualTo("completed_with_errors");
    assertThat(node.path("artifacts"))
        .extracting(a -> a.path("id").asText())
        .containsExactly("crm_db", "crm_personal_data", "personal_data", "web_files");
    assertThat(node.path("artifacts").get(0).path("error_kind").asText()).isEqualTo("user");
    assertThat(node.path("artifacts").get(3).path("reference").path("item_count").asLong())
        .isEqualTo(1);
  }
}
