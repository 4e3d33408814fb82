package dev.wct.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.cli.history.SeededStore;
import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.plan.Producer;
import dev.wct.core.plan.RetrySettings;
import dev.wct.core.plan.RunSettings;
import dev.wct.core.plan.RunbookInfo;
import dev.wct.core.run.RunStatus;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.SchemaRef;
import dev.wct.store.runs.RunRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A run whose findings have the per-location shape of the {@code *}{@code /2.0.0} schemas, exactly
 * as docs/components.md documents it: one finding per (location, category) with a stable {@code
 * id}, {@code location} ({@code source, system, schema, table, column} or {@code source, root,
 * file_path, line, column}), {@code detectors: [{rule, kind, matches}]}, {@code matches}, {@code
 * values_examined}/{@code values_matched} for columns, {@code confidence} and masked {@code
 * examples: [{snippet, line, column}]}; the content has {@code summary}, per-object {@code
 * coverage} and {@code analysis_metadata}. Two systems: a PostgreSQL clinic database and the files
 * of a web shop.
 */
public final class PerLocationRun {
  public static final String DB = "postgresql://db.internal:5432/clinic";
  public static final String FILES = "/srv/shop";
  public static final String MALICIOUS = "<script>alert('x')</script> p***@c*****.test";

  /** A file whose name a spreadsheet would run as a formula. */
  public static final String FORMULA_FILE = "=HYPERLINK(\"http://evil.test\",\"x\"),export.csv";

  private PerLocationRun() {}

  /**
   * Seeds the run {@code runId}; {@code paymentMatches} lets a second run change one finding's
   * evidence, {@code withAnalytics} lets it drop one.
   */
  public static void seed(
      SeededStore seeded, String runId, int paymentMatches, boolean withAnalytics) {
    seeded.run(
        runId,
        "Clinic and shop scan",
        RunStatus.COMPLETED,
        Instant.parse("2026-11-29T09:00:00Z"),
        Duration.ofSeconds(42));
    plan(seeded, runId);
    seeded.succeeded(
        runId, "clinic_db", SeededStore.STANDARD_INPUT, SeededStore.object(), items(12));
    seeded.succeeded(
        runId, "shop_files", SeededStore.STANDARD_INPUT, SeededStore.object(), items(4));

    List<JsonNode> personal = new ArrayList<>();
    personal.add(
        column("pd-clinic-email", "email", "patients", "email", "contact_data", false, 20, 18, 95)
            .put("criminal_offence_data", false));
    personal.add(
        column(
                "pd-clinic-diagnosis",
                "health",
                "patients",
                "diagnosis",
                "health_data",
                true,
                20,
                20,
                90)
            .put("criminal_offence_data", false));
    personal.add(
        column("pd-clinic-notes", "health", "visits", "notes", "health_data", true, 40, 3, 60)
            .put("criminal_offence_data", false));
    personal.add(
        column(
                "pd-clinic-convictions",
                "criminal_record",
                "patients",
                "convictions",
                "criminal_offence_data",
                false,
                20,
                2,
                80)
            .put("criminal_offence_data", true));
    personal.add(
        file(
                "pd-shop-card",
                "payment_card",
                "app/checkout.php",
                14,
                "financial_data",
                paymentMatches,
                99,
                "**** **** **** 4242")
            .put("special_category", false)
            .put("criminal_offence_data", false));
    ObjectNode email =
        file("pd-shop-email", "email", "app/checkout.php", 9, "contact_data", 2, 97, MALICIOUS)
            .put("special_category", false)
            .put("criminal_offence_data", false);
    personal.add(email);
    personal.add(
        file("pd-shop-export", "email", FORMULA_FILE, 1, "contact_data", 30, 99, "a***@e******.c**")
            .put("special_category", false)
            .put("criminal_offence_data", false));
    personal.add(
        file(
                "pd-shop-readme",
                "name",
                "README.md",
                3,
                "identification_data",
                1,
                40,
                "N*** of the sample")
            .put("special_category", false)
            .put("criminal_offence_data", false));
    seeded.succeeded(
        runId, "gdpr_personal_data", schema("gdpr_personal_data"), SeededStore.object(), personal);

    List<JsonNode> subjects = new ArrayList<>();
    subjects.add(
        table("ds-clinic-patients", "subject", "patient", "patients", 85)
            .put("gdpr_subject_category", "patients")
            .put("risk_level", "high"));
    subjects.add(
        fileSubject("ds-shop-customer", "customer", "app/checkout.php", 70)
            .put("gdpr_subject_category", "customers")
            .put("risk_level", "standard"));
    seeded.succeeded(
        runId, "gdpr_data_subjects", schema("gdpr_data_subject"), SeededStore.object(), subjects);

    List<JsonNode> purposes = new ArrayList<>();
    purposes.add(
        purpose(
            "pp-shop-payments",
            "payments",
            "app/checkout.php",
            "payment_processing",
            "not_required",
            "stripe"));
    if (withAnalytics) {
      purposes.add(
          purpose(
              "pp-shop-analytics",
              "analytics",
              "app/analytics.js",
              "analytics",
              "recommended",
              "google_analytics"));
    }
    seeded.succeeded(
        runId, "gdpr_processing_purposes", schema("gdpr_processing_purpose"), coverage(), purposes);
  }

  private static SchemaRef schema(String name) {
    return new SchemaRef(name, "2.0.0");
  }

  private static List<JsonNode> items(int n) {
    List<JsonNode> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add(SeededStore.object().put("content", "item " + i));
    }
    return items;
  }

  private static ObjectNode column(
      String id,
      String category,
      String table,
      String column,
      String gdprCategory,
      boolean special,
      long examined,
      long matched,
      int confidence) {
    ObjectNode f = SeededStore.object().put("id", id).put("category", category);
    f.putObject("location")
        .put("source", "clinic_db")
        .put("system", DB)
        .put("schema", "public")
        .put("table", table)
        .put("column", column);
    ArrayNode detectors = f.putArray("detectors");
    detectors.addObject().put("rule", category).put("kind", "column_name").put("matches", 1);
    detectors.addObject().put("rule", category).put("kind", "value").put("matches", matched);
    f.put("matches", matched + 1);
    f.put("values_examined", examined).put("values_matched", matched);
    f.put("confidence", confidence / 100.0);
    f.putArray("examples").addObject().put("snippet", column + ": ****").put("line", 1);
    f.put("gdpr_category", gdprCategory).put("special_category", special);
    f.putArray("article_references").add(special ? "Art. 9(1)" : "Art. 4(1)");
    return f;
  }

  private static ObjectNode file(
      String id,
      String category,
      String path,
      long line,
      String gdprCategory,
      long matches,
      int confidence,
      String snippet) {
    ObjectNode f = SeededStore.object().put("id", id).put("category", category);
    f.putObject("location")
        .put("source", "shop_files")
        .put("root", FILES)
        .put("file_path", path)
        .put("line", line)
        .put("column", 5);
    f.putArray("detectors")
        .addObject()
        .put("rule", category)
        .put("kind", "value")
        .put("matches", matches);
    f.put("matches", matches);
    f.put("confidence", confidence / 100.0);
    ArrayNode examples = f.putArray("examples");
    examples.addObject().put("snippet", snippet).put("line", line).put("column", 5);
    examples.addObject().put("snippet", "second example of " + category).put("line", line + 1);
    f.put("gdpr_category", gdprCategory);
    f.putArray("article_references").add("Art. 4(1)");
    return f;
  }

  private static ObjectNode table(
      String id, String field, String value, String table, int confidence) {
    ObjectNode f = SeededStore.object().put("id", id).put(field, value);
    f.putObject("location")
        .put("source", "clinic_db")
        .put("system", DB)
        .put("schema", "public")
        .put("table", table);
    f.putArray("detectors").addObject().put("rule", value).put("kind", "keyword").put("matches", 4);
    f.put("matches", 4).put("confidence", confidence / 100.0);
    f.putArray("examples").addObject().put("snippet", "table " + table).put("line", 1);
    return f;
  }

  private static ObjectNode fileSubject(String id, String subject, String path, int confidence) {
    ObjectNode f = SeededStore.object().put("id", id).put("subject", subject);
    f.putObject("location")
        .put("source", "shop_files")
        .put("root", FILES)
        .put("file_path", path)
        .put("line", 3);
    f.putArray("detectors")
        .addObject()
        .put("rule", subject)
        .put("kind", "keyword")
        .put("matches", 3);
    f.put("matches", 3).put("confidence", confidence / 100.0);
    f.putArray("examples").addObject().put("snippet", "$customer = ****").put("line", 3);
    return f;
  }

  private static ObjectNode purpose(
      String id, String purpose, String path, String category, String dpia, String service) {
    ObjectNode f = SeededStore.object().put("id", id).put("purpose", purpose);
    f.putObject("location")
        .put("source", "shop_files")
        .put("root", FILES)
        .put("file_path", path)
        .put("line", 20);
    f.putArray("detectors")
        .addObject()
        .put("rule", service)
        .put("kind", "keyword")
        .put("matches", 2);
    f.put("matches", 2).put("confidence", 0.9);
    f.putArray("examples").addObject().put("snippet", service + ".init(****)").put("line", 20);
    f.putObject("metadata").putArray("services").add(service);
    f.put("purpose_category", category).put("sensitive_purpose", false);
    f.putObject("dpia").put("recommendation", dpia).putArray("criteria");
    return f;
  }

  /** Per-object coverage: every object examined, one of them only partly. */
  private static ObjectNode coverage() {
    ObjectNode fields = SeededStore.object();
    ArrayNode coverage = fields.putArray("coverage");
    coverage
        .addObject()
        .put("status", "scanned")
        .putObject("location")
        .put("system", DB)
        .put("schema", "public")
        .put("table", "patients");
    ObjectNode partial = coverage.addObject().put("status", "truncated");
    partial.put("reason", "larger than max_file_size (10 MiB)");
    partial.putObject("location").put("root", FILES).put("file_path", "data/huge.log");
    coverage
        .addObject()
        .put("status", "scanned")
        .putObject("location")
        .put("root", FILES)
        .put("file_path", "app/checkout.php");
    return fields;
  }

  private static void plan(SeededStore seeded, String runId) {
    ObjectNode noProperties = Json.mapper().createObjectNode();
    List<PlannedArtifact> artifacts =
        List.of(
            planned(
                "clinic_db",
                "Clinic database",
                new Producer.Source("postgresql", noProperties),
                List.of(),
                false),
            planned(
                "shop_files",
                "Shop files",
                new Producer.Source("filesystem", noProperties),
                List.of(),
                false),
            planned(
                "gdpr_personal_data",
                "Personal data by GDPR category",
                new Producer.Process("gdpr_personal_data_classifier", noProperties),
                List.of("clinic_db", "shop_files"),
                true),
            planned(
                "gdpr_data_subjects",
                "Data subjects",
                new Producer.Process("gdpr_data_subject_classifier", noProperties),
                List.of("clinic_db", "shop_files"),
                true),
            planned(
                "gdpr_processing_purposes",
                "Processing purposes",
                new Producer.Process("gdpr_processing_purpose_classifier", noProperties),
                List.of("shop_files"),
                true));
    List<String> ids = artifacts.stream().map(PlannedArtifact::id).toList();
    ExecutionPlan plan =
        new ExecutionPlan(
            new RunbookInfo(
                "Clinic and shop scan",
                "Personal data, subjects and purposes in the clinic database and the shop",
                "DPO <dpo@example.com>",
                "GDPR",
                "clinic.yaml"),
            new RunSettings(Duration.ofMinutes(5), 10, RetrySettings.DEFAULT),
            artifacts,
            List.of(ids),
            ids,
            "plan-hash");
    new RunRecords(seeded.store()).savePlan(runId, plan);
  }

  private static PlannedArtifact planned(
      String id, String name, Producer producer, List<String> inputs, boolean output) {
    return new PlannedArtifact(
        id,
        name,
        null,
        producer,
        inputs,
        inputs.stream().map(i -> SeededStore.STANDARD_INPUT).toList(),
        SeededStore.STANDARD_INPUT,
        output,
        false,
        RetrySettings.DEFAULT,
        Duration.ofMinutes(1));
  }
}
