package dev.wct.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.cli.history.Cli;
import dev.wct.cli.history.SeededStore;
import dev.wct.cli.report.suppression.RunSuppressions;
import dev.wct.cli.report.suppression.Suppression;
import dev.wct.core.run.RunStatus;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.SchemaRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports of a run with per-location findings (the 2.0.0 shape), through the real command line:
 * the HTML report, the CSV inventory, the Art. 30 draft and the diff of two runs.
 */
class PerLocationReportsTest {
  @TempDir Path dir;
  private SeededStore seeded;
  private String store;

  @BeforeEach
  void seed() {
    seeded = new SeededStore(dir.resolve(".wct"));
    store = seeded.root().toString();
    PerLocationRun.seed(seeded, "run-a", 3, true);
  }

  @Test
  void htmlReportPutsTheExecutiveSummaryAndTheDataMapBeforeTheDetails() throws Exception {
    new RunSuppressions(
            "suppressions.yaml",
            List.of(
                new Suppression(
                    "pd-shop-readme",
                    null,
                    "Jane Roe",
                    "2026-11-30",
                    "describes the sample",
                    null)))
        .save(seeded.store(), "run-a");

    Cli.Result result = Cli.run("export", "run-a", "--store", store, "--format", "html");

    assertThat(result.exitCode()).isZero();
    String html = result.out();
    int summary = html.indexOf("<h2>Executive summary</h2>");
    int map = html.indexOf("<h2>Data map</h2>");
    int details = html.indexOf("<h2>Findings in detail</h2>");
    assertThat(summary).isPositive();
    assertThat(map).isGreaterThan(summary);
    assertThat(details).isGreaterThan(map);
    // One data-map table per system, each under its system's name.
    assertThat(count(html, "<table class=\"datamap columns-3\">")).isEqualTo(2);
    assertThat(html)
        .contains("<h3 class=\"system\">postgresql:&#x2F;&#x2F;db.internal:5432&#x2F;clinic</h3>")
        .contains("<h3 class=\"system\">&#x2F;srv&#x2F;shop</h3>");
    String summaryPart = html.substring(summary, map);
    assertThat(summaryPart)
        .contains("Clinic database", "postgresql", "12 objects")
        .contains("Coverage gaps: 1 of 3 objects not scanned fully")
        .contains("data&#x2F;huge.log")
        .contains("Art. 9 special category")
        .contains("Top actions")
        .contains(
            "<strong>Art. 9 special category</strong> (health) in 2 locations of"
                + " <code>postgresql:&#x2F;&#x2F;db.internal:5432&#x2F;clinic</code>: confirm a"
                + " condition under Art. 9(2)")
        .contains("<strong>Art. 10 criminal offence data</strong> (criminal_record) in 1 location")
        .contains("<strong>DPIA recommended</strong> (analytics)")
        .contains("patient (patients)", "payments (payment_processing)");
    // The data map joins categories, subjects and purposes of the same file.
    String mapPart = html.substring(map, details);
    assertThat(mapPart)
        .contains("<code>app&#x2F;checkout.php</code>")
        .contains("payment_card (financial_data)")
        .contains("customer (customers)")
        .contains("payments (payment_processing)")
        .contains("→ stripe")
        .contains(
            "<li class=\"is-suppressed\">name (identification_data) <span class=\"muted\">line"
                + " 3:5</span> <span class=\"suppressed\">suppressed</span></li>");
    // Details: detectors, confidence, masked examples, escaped.
    assertThat(html.substring(details))
        .contains("payment_card (value) ×3")
        .contains("99%")
        .contains("20 of 20 values")
        .contains("**** **** **** 4242")
        .contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2F;script&gt;");
    assertThat(html).doesNotContain("<script", "<link", "src=", "http://", "https://");
    keepForScreenshots(html);
  }

  @Test
  void suppressedFindingsAreMarkedNotDroppedAndLapseWhenTheEvidenceChanges() throws Exception {
    String cardFingerprint = fingerprintOf("pd-shop-card");
    new RunSuppressions(
            "suppressions.yaml",
            List.of(
                new Suppression(
                    "pd-shop-readme", null, "Jane Roe", "2026-11-30", "describes the sample", null),
                new Suppression(
                    "pd-shop-card",
                    "gdpr_personal_data",
                    "Jane Roe",
                    "2026-11-30",
                    "test card number",
                    cardFingerprint)))
        .save(seeded.store(), "run-a");
    PerLocationRun.seed(seeded, "run-b", 5, true);
    new RunSuppressions(
            "suppressions.yaml",
            List.of(
                new Suppression(
                    "pd-shop-card",
                    "gdpr_personal_data",
                    "Jane Roe",
                    "2026-11-30",
                    "test card number",
                    cardFingerprint)))
        .save(seeded.store(), "run-b");

    String html = Cli.run("export", "run-a", "--store", store, "--format", "html").out();
    assertThat(html)
        .contains("<span class=\"suppressed\">suppressed</span>")
        .contains("by Jane Roe, 2026-11-30: describes the sample")
        .contains("name (identification_data)");
    String csv = Cli.run("export", "run-a", "--store", store, "--format", "csv").out();
    assertThat(row(csv, "pd-shop-card"))
        .endsWith("suppressed by Jane Roe on 2026-11-30: test card number");

    // In run-b the card was found 5 times, not 3: the suppression no longer applies.
    String lapsed = Cli.run("export", "run-b", "--store", store, "--format", "html").out();
    assertThat(lapsed).contains("suppression lapsed").contains("accepted by Jane Roe");
    assertThat(
            row(
                Cli.run("export", "run-b", "--store", store, "--format", "csv").out(),
                "pd-shop-card"))
        .contains("lapsed (evidence changed)");
    // The Art. 30 draft leaves suppressed findings out, and says so.
    String ropa = Cli.run("export", "run-a", "--store", store, "--format", "ropa").out();
    assertThat(ropa).contains("2 findings suppressed").doesNotContain("`name`");
  }

  @Test
  void csvIsOneRowPerLocationAndCategoryQuotedAndDefused() throws Exception {
    Cli.Result result = Cli.run("export", "run-a", "--store", store, "--format", "csv");

    assertThat(result.exitCode()).isZero();
    List<String> lines = Arrays.asList(result.out().split("\r\n"));
    assertThat(lines.get(0))
        .isEqualTo(
            "system,object,location,schema,table,column,file_path,line,category,classification,"
                + "flags,flagged,data_subjects,purposes,confidence,matches,finding_id,"
                + "artifact,fingerprint,suppressed");
    assertThat(lines).hasSize(1 + 8);
    assertThat(row(result.out(), "pd-clinic-diagnosis"))
        .startsWith(
            "postgresql://db.internal:5432/clinic,public.patients,public.patients.diagnosis,public,"
                + "patients,diagnosis,,,health,health_data,Art. 9 special category,yes,"
                + "patient (patients),,90,21,pd-clinic-diagnosis,gdpr_personal_data,sha256:");
    assertThat(row(result.out(), "pd-shop-card"))
        .contains(
            ",payment_card,financial_data,,no,customer (customers),payments (payment_processing),99,3,");
    // The file name that is a formula: quoted (it holds a comma and quotes) and defused.
    assertThat(row(result.out(), "pd-shop-export"))
        .startsWith("/srv/shop,\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"x\"\"),export.csv\",");
    assertThat(result.out()).doesNotContain("\n=", ",=", ",\"=");
  }

  @Test
  void ropaDraftsArticle30PerSystemWithWhatAScanCannotKnowToComplete() {
    Cli.Result result = Cli.run("export", "run-a", "--store", store, "--format", "ropa");

    assertThat(result.exitCode()).isZero();
    String md = result.out();
    assertThat(md)
        .startsWith("# Record of processing activities — draft (GDPR Art. 30(1))")
        .contains("## Processing in `postgresql://db.internal:5432/clinic`")
        .contains("## Processing in `/srv/shop`")
        .contains("- `health` (health data) — **Art. 9 special category**")
        .contains("- `patient` (patients)")
        .contains("- `payments` (payment processing)")
        .contains("- `stripe` (a service seen in code")
        .contains("- `google_analytics` (a service seen in code")
        .contains("- Name and contact details of the controller: **to complete**")
        .contains("- Countries, international organisations and safeguards: **to complete**")
        .contains("- Retention period per category: **to complete**")
        .contains("- Measures under Art. 32(1): **to complete**")
        .contains("DPO &lt;dpo@example.com&gt; (the runbook's contact; confirm)");
    // The clinic database shows no service: its recipients are to complete.
    String clinic =
        md.substring(
            md.indexOf("## Processing in `postgresql"), md.indexOf("## Processing in `/srv"));
    assertThat(clinic).contains("- None seen in code: **to complete**");
  }

  @Test
  void ropaJsonIsTheSameDraftForTools() throws Exception {
    Cli.Result result = Cli.run("export", "run-a", "--store", store, "--format", "ropa-json");

    assertThat(result.exitCode()).isZero();
    JsonNode doc = Json.mapper().readTree(result.out());
    assertThat(doc.at("/controller/name_and_contact").asText()).isEqualTo("to complete");
    assertThat(doc.at("/controller/data_protection_officer/contact").asText())
        .isEqualTo("DPO <dpo@example.com>");
    JsonNode clinic = doc.path("processing").get(0);
    assertThat(clinic.path("system").asText()).isEqualTo(PerLocationRun.DB);
    assertThat(clinic.path("categories_of_personal_data"))
        .extracting(c -> c.path("value").asText())
        .containsExactly("email", "health", "criminal_record");
    assertThat(clinic.at("/categories_of_personal_data/1/flags/0").asText())
        .isEqualTo("Art. 9 special category");
    assertThat(clinic.path("time_limits_for_erasure").asText()).isEqualTo("to complete");
    JsonNode shop = doc.path("processing").get(1);
    assertThat(shop.path("recipients_seen_in_code"))
        .extracting(JsonNode::asText)
        .containsExactly("stripe", "google_analytics");
  }

  @Test
  void diffListsNewResolvedAndChangedFindingsByStableId() throws Exception {
    PerLocationRun.seed(seeded, "run-b", 5, false);

    Cli.Result text = Cli.run("diff", "run-a", "run-b", "--store", store);

    assertThat(text.exitCode()).isZero();
    assertThat(text.out())
        .startsWith("Run run-a → run-b: 0 new, 1 resolved, 1 changed, 10 unchanged")
        .contains("Resolved:\n  - analytics  app/analytics.js:20  [/srv/shop]")
        .contains("Changed:\n  ~ payment_card (financial_data)  app/checkout.php:14")
        .contains("matches 3 → 5; detectors payment_card (value) ×3 → payment_card (value) ×5");

    Cli.Result reverse = Cli.run("diff", "run-b", "run-a", "--store", store, "--json");
    JsonNode doc = Json.mapper().readTree(reverse.out());
    assertThat(doc.path("counts").path("new").asInt()).isEqualTo(1);
    assertThat(doc.path("new").get(0).path("id").asText()).isEqualTo("pp-shop-analytics");
    assertThat(doc.path("new").get(0).path("flags").get(0).asText()).isEqualTo("DPIA recommended");
    assertThat(doc.path("changed").get(0).path("before").path("matches").asInt()).isEqualTo(5);
    assertThat(doc.path("changed").get(0).path("after").path("matches").asInt()).isEqualTo(3);
    assertThat(doc.path("resolved")).isEmpty();
  }

  @Test
  void unclassifiedFindingsAreAnAction() {
    seeded.run(
        "run-u",
        "Unclassified",
        RunStatus.COMPLETED,
        Instant.parse("2026-11-29T09:00:00Z"),
        Duration.ofSeconds(1));
    var finding = SeededStore.object().put("id", "pd-x").put("category", "shoe_size");
    finding
        .putObject("location")
        .put("system", "mysql://shop")
        .put("table", "t")
        .put("column", "c");
    finding.put("gdpr_category", "unclassified").put("special_category", false);
    seeded.succeeded(
        "run-u",
        "gdpr_personal_data",
        new SchemaRef("gdpr_personal_data", "2.0.0"),
        SeededStore.object(),
        List.of(finding));

    String html = Cli.run("export", "run-u", "--store", store, "--format", "html").out();

    assertThat(html)
        .contains(
            "<strong>Unclassified</strong> (shoe_size) in 1 location of <code>mysql:&#x2F;&#x2F;"
                + "shop</code>: review these findings, then extend the classification ruleset or"
                + " suppress them.");
  }

  @Test
  void diffOfAnUnknownRunIsAUsageError() {
    Cli.Result result = Cli.run("diff", "run-a", "nope", "--store", store);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("no run 'nope'");
  }

  private String fingerprintOf(String findingId) {
    String csv = Cli.run("export", "run-a", "--store", store, "--format", "csv").out();
    Matcher m = Pattern.compile("," + findingId + ",[a-z_]+,(sha256:[0-9a-f]+),").matcher(csv);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static String row(String csv, String findingId) {
    return Arrays.stream(csv.split("\r\n"))
        .filter(line -> line.contains("," + findingId + ","))
        .findFirst()
        .orElseThrow();
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  /** The report of this fixture, for scripts/report-screenshot. */
  private static void keepForScreenshots(String html) throws Exception {
    Path target = Path.of("target", "reports");
    Files.createDirectories(target);
    Files.writeString(target.resolve("per-location-fixture.html"), html);
  }
}
