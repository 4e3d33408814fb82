package dev.wct.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.cli.history.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runbook's {@code config.suppressions} through {@code wct run}: the file is checked before the
 * run starts, recorded with the run, and the run's reports mark what it suppresses.
 */
class SuppressionsRunTest {
  private static final Pattern RUN_ID = Pattern.compile("^Run (\\d{8}-\\d{6}-[0-9a-f]{6}): ");

  @TempDir Path dir;
  private String store;
  private Path runbook;

  @BeforeEach
  void runbookNamingASuppressionsFile() throws Exception {
    Path files = Files.createDirectories(dir.resolve("webapp"));
    Files.writeString(
        files.resolve("users.php"),
        "<?php\n$user_email = 'jane.doe@example.com';\n$phone = '+44 20 7946 0958';\n");
    store = dir.resolve(".wct").toString();
    runbook = dir.resolve("scan.yaml");
    Files.writeString(
        runbook,
        """
        name: "Web app scan"
        description: "Personal data in the web app"
        config:
          suppressions: file:accepted.yaml
        artifacts:
          files:
            source: {type: filesystem, properties: {path: "%s"}}
          personal_data:
            inputs: files
            process: {type: personal_data}
          gdpr:
            inputs: personal_data
            process: {type: gdpr_personal_data_classifier}
            output: true
        """
            .formatted(files));
  }

  @Test
  void theRunRecordsItsSuppressionsAndItsReportsMarkThem() throws Exception {
    // A first run without suppressions gives the finding ids, stable from run to run.
    Files.writeString(dir.resolve("accepted.yaml"), "suppressions: []\n");
    String phoneId = column(row(csvOf(runId(scan())), "phone"), "finding_id");
    Files.writeString(
        dir.resolve("accepted.yaml"),
        """
        suppressions:
          - id: %s
            who: Jane Roe <dpo@example.com>
            when: 2026-11-30
            why: a test number from Ofcom's drama range
        """
            .formatted(phoneId));

    String runId = runId(scan());
    // Edited after the run: the run's reports keep what it applied.
    Files.writeString(dir.resolve("accepted.yaml"), "suppressions: []\n");

    String csv = csvOf(runId);
    assertThat(column(row(csv, "phone"), "suppressed"))
        .isEqualTo(
            "suppressed by Jane Roe <dpo@example.com> on 2026-11-30: a test number from Ofcom's"
                + " drama range");
    assertThat(column(row(csv, "email"), "suppressed")).isEmpty();
    String html = Cli.run("export", runId, "--store", store, "--format", "html").out();
    assertThat(html).contains("<span class=\"suppressed\">suppressed</span>");
  }

  private Cli.Result scan() {
    Cli.Result run = Cli.run("run", runbook.toString(), "--store", store, "--quiet");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }

  private static String runId(Cli.Result run) {
    Matcher id = RUN_ID.matcher(run.out());
    assertThat(id.find()).isTrue();
    return id.group(1);
  }

  private String csvOf(String runId) {
    return Cli.run("export", runId, "--store", store, "--format", "csv").out();
  }

  /** The CSV row of the personal data category {@code category} (no cell here holds a comma). */
  private static List<String> row(String csv, String category) {
    List<String> header = List.of(csv.split("\r\n")[0].split(",", -1));
    int at = header.indexOf("category");
    return Arrays.stream(csv.split("\r\n"))
        .skip(1)
        .map(line -> List.of(line.split(",", -1)))
        .filter(cells -> cells.size() == header.size() && cells.get(at).equals(category))
        .findFirst()
        .map(cells -> withHeader(header, cells))
        .orElseThrow(() -> new AssertionError("no " + category + " row in:\n" + csv));
  }

  private static List<String> withHeader(List<String> header, List<String> cells) {
    List<String> named = new java.util.ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      named.add(header.get(i) + "=" + cells.get(i));
    }
    return named;
  }

  private static String column(List<String> row, String name) {
    return row.stream()
        .filter(cell -> cell.startsWith(name + "="))
        .map(cell -> cell.substring(name.length() + 1))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anInvalidSuppressionsFileStopsTheRunBeforeItStarts() throws Exception {
    Files.writeString(
        dir.resolve("accepted.yaml"),
        """
        suppressions:
          - id: personal_data.phone
            who: Jane Roe
            wen: 2026-11-30
        """);

    Cli.Result run = Cli.run("run", runbook.toString(), "--store", store, "--quiet");

    assertThat(run.exitCode()).isEqualTo(2);
    String file = dir.resolve("accepted.yaml").toString();
    assertThat(run.err())
        .contains(file + ": suppressions[0].wen: unknown key")
        .contains(file + ": suppressions[0]: missing required key 'when'")
        .contains(file + ": suppressions[0]: missing required key 'why'");
    assertThat(run.out()).doesNotContain("Run ");
  }
}
