package dev.wct.cli.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.core.message.MessageWriter;
import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.plan.Producer;
import dev.wct.core.plan.RetrySettings;
import dev.wct.core.plan.RunSettings;
import dev.wct.core.plan.RunbookInfo;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactRef;
import dev.wct.core.run.RunStatus;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.MessageHeader;
import dev.wct.spi.message.SchemaRef;
import dev.wct.store.StoredArtifact;
import dev.wct.store.fs.FileSystemArtifactStore;
import dev.wct.store.runs.RunRecord;
import dev.wct.store.runs.RunRecords;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A file-system store seeded with run records and real messages, as {@code wct run} leaves it. */
public final class SeededStore {
  public static final SchemaRef STANDARD_INPUT = SchemaRef.of("standard_input");
  public static final SchemaRef PERSONAL_DATA = SchemaRef.of("personal_data_indicator");
  public static final SchemaRef GDPR_PERSONAL_DATA = SchemaRef.of("gdpr_personal_data");
  public static final SchemaRef GDPR_PERSONAL_DATA_2 = new SchemaRef("gdpr_personal_data", "2.0.0");

  private final Path root;
  private final FileSystemArtifactStore store;
  private final RunRecords records;

  public SeededStore(Path root) {
    this.root = root;
    this.store = new FileSystemArtifactStore(root);
    this.records = new RunRecords(store);
  }

  public Path root() {
    return root;
  }

  public FileSystemArtifactStore store() {
    return store;
  }

  public RunRecord run(
      String runId, String runbook, RunStatus status, Instant started, Duration took) {
    RunRecord run =
        new RunRecord(
            runId,
            "wct-run-" + runId,
            runbook,
            "runbooks/" + runbook + ".yaml",
            "hash-" + runId,
            0,
            started,
            status == RunStatus.RUNNING ? null : started.plus(took),
            status,
            null);
    records.saveRun(run);
    return run;
  }

  /** Stores a message with {@code items} and records the artifact as succeeded. */
  public ArtifactOutcome succeeded(
      String runId, String artifactId, SchemaRef schema, ObjectNode fields, List<JsonNode> items) {
    StoredArtifact stored =
        store.save(
            runId,
            artifactId,
            out -> {
              try (MessageWriter writer =
                  MessageWriter.open(
                      Json.mapper(),
                      out,
                      new MessageHeader(
                          artifactId, schema, runId, "test", "2026-11-22T10:00:00Z", null))) {
                fields.fields().forEachRemaining(f -> writer.field(f.getKey(), f.getValue()));
                items.forEach(writer::item);
              }
            });
    ArtifactRef ref =
        new ArtifactRef(
            runId,
            artifactId,
            stored.key(),
            schema,
            stored.sizeBytes(),
            stored.sha256(),
            items.size());
    long start = Instant.parse("2026-11-22T10:00:00Z").toEpochMilli();
    return save(
        runId, ArtifactOutcome.succeeded(artifactId, "analyser test", ref, 1, start, start + 1200));
  }

  public ArtifactOutcome failed(String runId, String artifactId, String error, int attempts) {
    long start = Instant.parse("2026-11-22T10:00:00Z").toEpochMilli();
    return save(
        runId,
        ArtifactOutcome.failed(
            artifactId, "connector filesystem", error, "USER", attempts, start, start + 300));
  }

  public ArtifactOutcome skipped(String runId, String artifactId, String reason) {
    return save(
        runId,
        ArtifactOutcome.skipped(
            artifactId,
            "analyser test",
            reason,
            null,
            Instant.parse("2026-11-22T10:00:01Z").toEpochMilli()));
  }

  public ArtifactOutcome save(String runId, ArtifactOutcome record) {
    records.saveArtifact(runId, record);
    return record;
  }

  /** Saves a plan whose artifacts are {@code ids}; those in {@code outputs} are output: true. */
  public ExecutionPlan plan(String runId, List<String> ids, List<String> outputs) {
    List<PlannedArtifact> artifacts =
        ids.stream()
            .map(
                id ->
                    new PlannedArtifact(
                        id,
                        null,
                        null,
                        new Producer.PassThrough(),
                        List.of(),
                        List.of(),
                        STANDARD_INPUT,
                        outputs.contains(id),
                        false,
                        RetrySettings.DEFAULT,
                        Duration.ofMinutes(1)))
            .toList();
    ExecutionPlan plan =
        new ExecutionPlan(
            new RunbookInfo("Shop scan", "Personal data in the shop", null, null, "shop.yaml"),
            new RunSettings(Duration.ofMinutes(5), 10, RetrySettings.DEFAULT),
            artifacts,
            List.of(ids),
            ids,
            "plan-hash");
    new RunRecords(store).savePlan(runId, plan);
    return plan;
  }

  public static ObjectNode object() {
    return Json.mapper().createObjectNode();
  }

  /**
   * A classified personal data finding in the 2.0.0 shape: one per (location, category), here a
   * database column.
   */
  public static ObjectNode columnFinding(
      String id, String category, String gdprCategory, String column, String... snippets) {
    ObjectNode finding = object().put("id", id).put("category", category);
    finding.put("gdpr_category", gdprCategory).put("special_category", false);
    finding.put("criminal_offence_data", false).putArray("article_references").add("Art. 4(1)");
    finding
        .putObject("location")
        .put("source", "shop_db")
        .put("system", "mysql://127.0.0.1:3306/wct_demo")
        .put("schema", "wct_demo")
        .put("table", "employees")
        .put("column", column);
    finding.put("confidence", "high").put("matches", snippets.length);
    finding.put("values_examined", 10).put("values_matched", snippets.length);
    finding
        .putArray("detectors")
        .addObject()
        .put("rule", "email_address")
        .put("kind", "value")
        .put("matches", snippets.length);
    var examples = finding.putArray("examples");
    int row = 0;
    for (String snippet : snippets) {
      examples
          .addObject()
          .put("snippet", snippet)
          .put("line", 1)
          .put("column", 1)
          .put("row", row++);
    }
    return finding;
  }

  /** A personal data finding in the 1.0.0 shape (one per category) the analysers used to write. */
  public static ObjectNode finding(String category, String pattern, int count, String... snippets) {
    ObjectNode finding = object().put("id", category + "-1").put("category", category);
    finding
        .putArray("matched_patterns")
        .addObject()
        .put("pattern", pattern)
        .put("match_count", count);
    var evidence = finding.putArray("evidence");
    int line = 1;
    for (String snippet : snippets) {
      ObjectNode item = evidence.addObject().put("snippet", snippet);
      item.putObject("location").put("file_path", "app/users.php").put("line", line++);
    }
    return finding;
  }
}
