package dev.wct.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wct.cli.history.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evidence_redaction: none} is never silent: the run summary and the HTML report say which
 * artifacts hold unmasked evidence, and the report's footer claims no masking that did not happen.
 * Results and exports are written readable by their owner only.
 */
class EvidenceRedactionReportingTest {
  private static final Pattern RUN_ID = Pattern.compile("^Run (\\d{8}-\\d{6}-[0-9a-f]{6}): ");

  @TempDir Path dir;
  private Path fixture;
  private String store;

  @BeforeEach
  void createFixture() throws Exception {
    fixture = Files.createDirectories(dir.resolve("data"));
    Files.writeString(fixture.resolve("contacts.txt"), "email: jane.doe@example.com\n");
    store = dir.resolve(".wct").toString();
  }

  private Path runbook(String redaction) throws Exception {
    String properties = redaction == null ? "" : "\n      properties: {evidence_redaction: none}";
    return Files.writeString(
        dir.resolve("runbook.yaml"),
        """
        name: "Contacts"
        description: "Personal data in the contacts"
        artifacts:
          files:
            source:
              type: filesystem
              properties: {path: "%s"}
          personal_data:
            inputs: files
            process:
              type: personal_data%s
          gdpr:
            inputs: personal_data
            process: {type: gdpr_personal_data_classifier}
            output: true
        """
            .formatted(fixture, properties));
  }

  @Test
  void unmaskedEvidenceIsAnnouncedInTheSummaryAndTheReport() throws Exception {
    Cli.Result run = Cli.run("run", runbook("none").toString(), "--store", store);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "Warning: Evidence is NOT masked in personal_data, gdpr (evidence_redaction: none)");
    String html = export(runId(run.out()));
    assertThat(html)
        .contains("jane.doe@example.com")
        .contains("class=\"unmasked\"")
        .contains("Evidence is NOT masked in personal_data, gdpr")
        .contains("NOT masked in personal_data, gdpr (evidence_redaction: none).")
        .doesNotContain("no analyser of this run turned masking off");
  }

  @Test
  void maskedEvidenceNeedsNoWarning() throws Exception {
    Cli.Result run = Cli.run("run", runbook(null).toString(), "--store", store);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).doesNotContain("Warning").doesNotContain("NOT masked");
    String html = export(runId(run.out()));
    assertThat(html)
        .doesNotContain("jane.doe")
        .doesNotContain("NOT masked")
        .doesNotContain("class=\"unmasked\"")
        .contains("no analyser of this run turned masking off");
  }

  @Test
  void resultsAndExportsAreReadableByTheirOwnerOnly() throws Exception {
    assumeTrue(
        dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "the file system has no POSIX permissions");
    Cli.Result run = Cli.run("run", runbook(null).toString(), "--store", store);
    String runId = runId(run.out());
    Path results = Path.of(store, "runs", runId, "_system", "results.json");
    Path html = dir.resolve("report.html");
    Path json = dir.resolve("export.json");
    Path copy = dir.resolve("gdpr.json");

    assertThat(Cli.run("export", runId, "--store", store, "--output", html.toString()).exitCode())
        .isZero();
    assertThat(
            Cli.run(
                    "export",
                    runId,
                    "--format",
                    "json",
                    "--store",
                    store,
                    "--output",
                    json.toString())
                .exitCode())
        .isZero();
    assertThat(
            Cli.run("inspect", runId, "gdpr", "--store", store, "--output", copy.toString())
                .exitCode())
        .isZero();

    for (Path file : new Path[] {results, html, json, copy}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .as(file.toString())
          .isEqualTo("rw-------");
    }
  }

  private String export(String runId) {
    Cli.Result export = Cli.run("export", runId, "--format", "html", "--store", store);
    assertThat(export.exitCode()).as(export.err()).isZero();
    return export.out();
  }

  private static String runId(String out) {
    Matcher m = RUN_ID.matcher(out.lines().findFirst().orElse(""));
    assertThat(m.find()).as("first line names the run: " + out).isTrue();
    return m.group(1);
  }
}
