package dev.wct.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.cli.context.CliContext;
import dev.wct.cli.history.Cli;
import dev.wct.spi.ComponentCatalog;
import dev.wct.spi.Connector;
import dev.wct.spi.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wct run} end to end: embedded Temporal, real components, the file-system store. */
class RunCommandTest {
  private static final Pattern RUN_ID = Pattern.compile("^Run (\\d{8}-\\d{6}-[0-9a-f]{6}): ");

  @TempDir Path dir;
  private Path fixture;
  private String store;

  @BeforeEach
  void createFixtureFolder() throws Exception {
    fixture = Files.createDirectories(dir.resolve("webapp"));
    Files.writeString(
        fixture.resolve("users.php"),
        "<?php\n$user_email = 'jane.doe@example.com';\n$phone = '+44 20 7946 0958';\n");
    store = dir.resolve(".wct").toString();
  }

  @Test
  void runsARunbookAndLeavesResultsThatRunsAndInspectRead() throws Exception {
    Path runbook =
        runbook(
            """
            name: "Web app scan"
            description: "Personal data in the web app"
            artifacts:
              files:
                source:
                  type: filesystem
                  properties:
                    path: "${SCAN_DIR}"
              personal_data:
                inputs: files
                process:
                  type: personal_data
                output: true
            """);

    Cli.Result run =
        Cli.run("run", runbook.toString(), "--store", store, "--var", "SCAN_DIR=" + fixture);

    assertThat(run.exitCode()).as(run.err()).isZero();
    String runId = runId(run.out());
    List<String> lines = run.out().lines().toList();
    assertThat(lines)
        .anySatisfy(l -> assertThat(l).matches("\\[[^\\]]+\\] files +succeeded +\\(1 item, .*"))
        .anySatisfy(l -> assertThat(l).matches("personal_data +succeeded +1 .*"))
        .contains("Run " + runId + " completed");
    Path results = Path.of(store, "runs", runId, "_system", "results.json");
    assertThat(lines).contains("Results: " + results);
    // The follow-up commands paste as printed: they read the store this run was given.
    assertThat(lines)
        .contains(
            "Next: wct inspect "
                + runId
                + " --store "
                + store
                + ", or wct export "
                + runId
                + " --store "
                + store
                + " --format html --output report.html");

    JsonNode doc = Json.mapper().readTree(results.toFile());
    assertThat(doc.path("run").path("status").asText()).isEqualTo("completed");
    assertThat(doc.path("runbook").path("description").asText())
        .isEqualTo("Personal data in the web app");
    assertThat(doc.path("outputs")).hasSize(1);
    assertThat(doc.path("outputs").get(0).path("id").asText()).isEqualTo("personal_data");
    assertThat(doc.path("outputs").get(0).path("content").path("findings").toString())
        .contains("email");

    // The plan the run keeps has the placeholder, not the value given on the command line.
    String plan = Files.readString(Path.of(store, "runs", runId, "_system", "plan.json"));
    assertThat(plan).contains("${SCAN_DIR}").doesNotContain(fixture.toString());

    Cli.Result runs = Cli.run("runs", "--store", store);
    assertThat(runs.out()).contains(runId).contains("Web app scan").contains("completed");

    Cli.Result inspect = Cli.run("inspect", runId, "personal_data", "--store", store);
    assertThat(inspect.exitCode()).isZero();
    assertThat(Json.mapper().readTree(inspect.out()).path("schema").path("name").asText())
        .isEqualTo("personal_data_indicator");
  }

  @Test
  void missingSourcePathFailsTheRunNamingArtifactAndPathAndSkipsDependents() throws Exception {
    Path missing = dir.resolve("no-such-folder");
    Path runbook =
        runbook(
            """
            name: "Broken scan"
            description: "Points at a folder that is not there"
            artifacts:
              files:
                source:
                  type: filesystem
                  properties:
                    path: "%s"
              personal_data:
                inputs: files
                process:
                  type: personal_data
                output: true
            """
                .formatted(missing));
    Path results = dir.resolve("out/results.json");

    Cli.Result run =
        Cli.run(
            "run", runbook.toString(), "--store", store, "--quiet", "--output", results.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    String runId = runId(run.out());
    assertThat(run.out().lines())
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("files")
                    .contains("failed")
                    .contains("path '" + missing + "' does not exist"))
        .anySatisfy(
            l -> assertThat(l).startsWith("personal_data").contains("skipped").contains("files"))
        .contains("Run " + runId + " failed");
    assertThat(run.out()).doesNotContain("Exception", "\tat ");
    JsonNode doc = Json.mapper().readTree(results.toFile());
    assertThat(doc.path("errors").get(0).path("id").asText()).isEqualTo("files");
    assertThat(doc.path("skipped").get(0).path("id").asText()).isEqualTo("personal_data");
    assertThat(doc.path("outputs")).isEmpty();
  }

  @Test
  void invalidRunbookIsRefusedBeforeAnythingRuns() throws Exception {
    Path runbook =
        runbook(
            """
            name: "Typo"
            description: "An unknown key"
            artifacts:
              files:
                source:
                  type: filesystem
                  propertes:
                    path: "."
            """);

    Cli.Result run = Cli.run("run", runbook.toString(), "--store", store);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(runbook.getFileName() + ":7:").contains("propertes");
    assertThat(Path.of(store, "runs")).doesNotExist();
  }

  @Test
  void runThatOutlivesItsTimeoutEndsTimedOutWithExitOneAndKeepsWhatItHas() throws Exception {
    ComponentCatalog real = ComponentCatalog.discover();
    List<Connector> connectors = new ArrayList<>(real.connectors().values());
    connectors.add(new SlowSource());
    CliContext context =
        new CliContext(ComponentCatalog.of(connectors, real.analysers().values()), List::of);
    Path runbook =
        runbook(
            """
            name: "Slow scan"
            description: "One source is too slow for the run's timeout"
            config:
              timeout: 3s
            artifacts:
              files:
                source:
                  type: filesystem
                  properties:
                    path: "%s"
              slow_db:
                source:
                  type: test_slow
                  properties:
                    seconds: 60
              slow_personal_data:
                inputs: slow_db
                process:
                  type: personal_data
            """
                .formatted(fixture));

    Cli.Result run = Cli.runWith(context, "run", runbook.toString(), "--store", store, "--quiet");

    assertThat(run.exitCode()).isEqualTo(1);
    String runId = runId(run.out());
    assertThat(run.out().lines())
        .anySatisfy(l -> assertThat(l).startsWith("files").contains("succeeded"))
        .anySatisfy(l -> assertThat(l).startsWith("slow_db").contains("skipped"))
        .anySatisfy(l -> assertThat(l).startsWith("slow_personal_data").contains("skipped"))
        .contains("Run " + runId + " timed_out");
    Cli.Result runs = Cli.run("runs", "--store", store, "--status", "timed_out");
    assertThat(runs.out()).contains(runId);
  }

  @Test
  void concurrencyBelowOneIsAUsageError() throws Exception {
    Path runbook = runbook("name: x\ndescription: y\nartifacts: {}\n");

    Cli.Result run = Cli.run("run", runbook.toString(), "--store", store, "--concurrency", "0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("wct: --concurrency must be at least 1, got 0");
  }

  @Test
  void concurrencyAboveWhatAWorkflowMayHavePendingIsRefusedNotCapped() throws Exception {
    Path runbook = runbook("name: x\ndescription: y\nartifacts: {}\n");

    Cli.Result run = Cli.run("run", runbook.toString(), "--store", store, "--concurrency", "5000");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "wct: --concurrency must be at most 2000, the most pending activities a Temporal"
                + " workflow may have, got 5000");
  }

  private Path runbook(String yaml) throws Exception {
    return Files.writeString(dir.resolve("runbook.yaml"), yaml);
  }

  private static String runId(String out) {
    Matcher m = RUN_ID.matcher(out.lines().findFirst().orElse(""));
    assertThat(m.find()).as("first line names the run: " + out).isTrue();
    return m.group(1);
  }
}
