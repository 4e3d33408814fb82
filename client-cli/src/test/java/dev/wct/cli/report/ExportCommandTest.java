package dev.wct.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.cli.history.Cli;
import dev.wct.cli.history.SeededStore;
import dev.wct.core.run.RunStatus;
import dev.wct.spi.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
  private static final String MALICIOUS = "<script>alert('x')</script> j***@example.com";

  @TempDir Path dir;
  private String store;

  @BeforeEach
  void seedAClassifiedRun() {
    SeededStore seeded = new SeededStore(dir.resolve(".wct"));
    store = seeded.root().toString();
    seeded.run(
        "run-1",
        "Shop scan",
        RunStatus.COMPLETED_WITH_ERRORS,
        Instant.parse("2026-11-22T10:00:00Z"),
        Duration.ofSeconds(7));
    seeded.plan(
        "run-1",
        List.of("web_files", "crm_db", "personal_data", "gdpr_personal_data", "crm_pd"),
        List.of("gdpr_personal_data"));
    seeded.succeeded(
        "run-1",
        "web_files",
        SeededStore.STANDARD_INPUT,
        SeededStore.object(),
        List.of(SeededStore.object().put("content", "raw file text")));
    seeded.succeeded(
        "run-1",
        "personal_data",
        SeededStore.PERSONAL_DATA,
        SeededStore.object(),
        List.of(SeededStore.finding("email", "email", 2, "indicator-only snippet")));
    ObjectNode email =
        SeededStore.finding(
            "email", "email", 4, MALICIOUS, "b***@shop.test", "c***@shop.test", "d***@shop.test");
    email.put("gdpr_category", "contact_data").put("special_category", false);
    email.put("criminal_offence_data", false).putArray("article_references").add("Art. 4(1)");
    email.putArray("risk_modifiers");
    ObjectNode health = SeededStore.finding("health", "diagnosis", 1, "diagnosis: ****");
    health.put("gdpr_category", "health_data").put("special_category", true);
    health.put("criminal_offence_data", false).putArray("article_references").add("Art. 9(1)");
    seeded.succeeded(
        "run-1",
        "gdpr_personal_data",
        SeededStore.GDPR_PERSONAL_DATA,
        SeededStore.object(),
        List.of(email, health));
    seeded.failed("run-1", "crm_db", "mysql: cannot connect to db:3306: <refused>", 3);
    seeded.skipped("run-1", "crm_pd", "input 'crm_db' failed");
  }

  @Test
  void jsonExportIsTheResultsDocumentWithOutputContent() throws Exception {
    Cli.Result result = Cli.run("export", "run-1", "--store", store);

    assertThat(result.exitCode()).isZero();
    JsonNode doc = Json.mapper().readTree(result.out());
    assertThat(doc.path("run").path("id").asText()).isEqualTo("run-1");
    assertThat(doc.path("run").path("status").asText()).isEqualTo("completed_with_errors");
    assertThat(doc.path("run").path("duration_ms").asLong()).isEqualTo(7000);
    assertThat(doc.path("runbook").path("name").asText()).isEqualTo("Shop scan");
    assertThat(doc.path("runbook").path("description").asText())
        .isEqualTo("Personal data in the shop");
    assertThat(doc.path("runbook").path("plan_hash").asText()).isEqualTo("hash-run-1");
    assertThat(doc.path("summary").path("succeeded").asInt()).isEqualTo(3);
    assertThat(doc.path("summary").path("failed").asInt()).isEqualTo(1);
    assertThat(doc.path("summary").path("skipped").asInt()).isEqualTo(1);

    assertThat(doc.path("outputs")).hasSize(1);
    JsonNode output = doc.path("outputs").get(0);
    assertThat(output.path("id").asText()).isEqualTo("gdpr_personal_data");
    assertThat(output.path("schema").asText()).isEqualTo("gdpr_personal_data/1.0.0");
    assertThat(output.path("reference").path("key").asText())
        .isEqualTo("runs/run-1/artifacts/gdpr_personal_data.json");
    assertThat(output.path("reference").path("item_count").asLong()).isEqualTo(2);
    assertThat(output.path("content").path("findings"))
        .extracting(f -> f.path("gdpr_category").asText())
        .containsExactly("contact_data", "health_data");

    assertThat(doc.path("errors")).hasSize(1);
    assertThat(doc.path("errors").get(0).path("id").asText()).isEqualTo("crm_db");
    assertThat(doc.path("errors").get(0).path("attempts").asInt()).isEqualTo(3);
    assertThat(doc.path("errors").get(0).path("error").asText())
        .isEqualTo("mysql: cannot connect to db:3306: <refused>");
    assertThat(doc.path("skipped").get(0).path("reason").asText())
        .isEqualTo("input 'crm_db' failed");
  }

  /** Runs stored before findings were per location (1.0.0, run-1 above) and after both read. */
  @Test
  void exportsAndInspectsFindingsPerLocation() throws Exception {
    SeededStore seeded = new SeededStore(dir.resolve(".wct"));
    seeded.run(
        "run-2",
        "Shop scan",
        RunStatus.COMPLETED,
        Instant.parse("2026-12-01T10:00:00Z"),
        Duration.ofSeconds(3));
    seeded.plan("run-2", List.of("gdpr_personal_data"), List.of("gdpr_personal_data"));
    seeded.succeeded(
        "run-2",
        "gdpr_personal_data",
        SeededStore.GDPR_PERSONAL_DATA_2,
        SeededStore.object(),
        List.of(
            SeededStore.columnFinding(
                "3f2a9c0d11e4b5a6", "email", "contact_data", "work_email", "j***@e******.c**")));
    Path report = dir.resolve("report-2.html");

    Cli.Result html =
        Cli.run(
            "export", "run-2", "--store", store, "--format", "html", "--output", report.toString());
    Cli.Result json = Cli.run("export", "run-2", "--store", store);
    Cli.Result inspect = Cli.run("inspect", "run-2", "gdpr_personal_data", "--store", store);

    assertThat(html.exitCode()).isZero();
    assertThat(Files.readString(report))
        .contains("<span class=\"category\">email (contact_data)</span>")
        .contains("<code>wct_demo.employees.work_email</code>")
        .contains("mysql:&#x2F;&#x2F;127.0.0.1:3306&#x2F;wct_demo")
        .contains("email_address (value) ×1")
        .contains("<pre>j***@e******.c**</pre>")
        .contains("line 1:1");
    assertThat(json.exitCode()).isZero();
    JsonNode output = Json.mapper().readTree(json.out()).path("outputs").get(0);
    assertThat(output.path("schema").asText()).isEqualTo("gdpr_personal_data/2.0.0");
    assertThat(output.at("/content/findings/0/location/column").asText()).isEqualTo("work_email");
    assertThat(inspect.exitCode()).isZero();
    assertThat(inspect.out()).contains("work_email");
  }

  @Test
  void htmlReportShowsClassifiedFindingsFlagsErrorsAndSkips() throws Exception {
    Path report = dir.resolve("report.html");

    Cli.Result result =
        Cli.run(
            "export", "run-1", "--store", store, "--format", "html", "--output", report.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().strip()).isEqualTo("Wrote html export of run run-1 to " + report);
    String html = Files.readString(report);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<h1>Shop scan</h1>")
        .contains("Personal data in the shop")
        .contains("<span class=\"category\">email (contact_data)</span>")
        .contains("<span class=\"category\">health (health_data)</span>")
        .contains("health_data")
        .contains("Art. 9 special category")
        .contains("Art. 9(1)")
        .contains("b***@shop.test")
        .contains("app&#x2F;users.php:2")
        .contains("mysql: cannot connect to db:3306: &lt;refused&gt;")
        .contains("input &#x27;crm_db&#x27; failed");
    // Nothing to say is not said.
    assertThat(html).doesNotContain("Risk modifiers");
    // The GDPR classification supersedes the raw indicators it classified.
    assertThat(html).doesNotContain("indicator-only snippet");
    // Nothing the report shows is fetched from elsewhere.
    assertThat(html).doesNotContain("<link", "src=", "http://", "https://");
  }

  @Test
  void htmlReportEscapesMaliciousEvidence() {
    Cli.Result result = Cli.run("export", "run-1", "--store", store, "--format", "html");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .doesNotContain("<script")
        .contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2F;script&gt; j***@example.com");
  }

  @Test
  void htmlReportCapsEvidencePerFinding() {
    Cli.Result result =
        Cli.run(
            "export",
            "run-1",
            "--store",
            store,
            "--format",
            "html",
            "--maximum-evidence-count",
            "2");

    assertThat(result.out()).contains("b***@shop.test").doesNotContain("c***@shop.test");
    assertThat(result.out()).contains("2 more not shown");
  }

  @Test
  void withoutAStoredPlanTheFindingsAreTheOutputs() throws Exception {
    SeededStore seeded = new SeededStore(dir.resolve(".wct"));
    seeded.run(
        "run-2",
        "Started elsewhere",
        RunStatus.COMPLETED,
        Instant.parse("2026-11-22T11:00:00Z"),
        Duration.ofSeconds(1));
    seeded.succeeded("run-2", "files", SeededStore.STANDARD_INPUT, SeededStore.object(), List.of());
    seeded.succeeded(
        "run-2",
        "personal_data",
        SeededStore.PERSONAL_DATA,
        SeededStore.object(),
        List.of(SeededStore.finding("email", "email", 1, "j***@example.com")));

    Cli.Result result = Cli.run("export", "run-2", "--store", store);

    JsonNode doc = Json.mapper().readTree(result.out());
    assertThat(doc.path("outputs"))
        .extracting(o -> o.path("id").asText())
        .containsExactly("personal_data");
    assertThat(doc.path("runbook").has("description")).isFalse();
  }

  @Test
  void unknownFormatIsAUsageError() {
    Cli.Result result = Cli.run("export", "run-1", "--store", store, "--format", "pdf");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip())
        .isEqualTo("wct: unknown format 'pdf': use json, html, csv, ropa or ropa-json");
  }

  @Test
  void unknownRunIsAUsageError() {
    Cli.Result result = Cli.run("export", "nope", "--store", store);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("no run 'nope'");
  }
}
