package dev.wct.store.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.run.ArtifactCoverage;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.spi.json.Json;
import dev.wct.store.ArtifactStore;
import dev.wct.store.StoredArtifact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run and artifact records kept in the artifact store as small JSON documents: {@code
 * _system/run.json}, {@code _system/plan.json}, {@code _system/artifacts/{id}.json} and {@code
 * _system/coverage/{id}.json}. One document per artifact keeps every update small, however large
 * the run.
 */
public final class RunRecords {
  private static final Logger LOG = LoggerFactory.getLogger(RunRecords.class);

  /** The record that keeps a run's plan, placeholders unresolved. */
  public static final String PLAN = "plan.json";

  private static final String RUN = "run.json";
  private static final String SOURCES_DELETED = "sources-deleted.json";
  private static final String OWNER = "owner.json";
  private static final String ARTIFACTS = "artifacts/";
  private static final String COVERAGE = "coverage/";

  private final ArtifactStore store;
  private final ObjectMapper json = Json.mapper();

  public RunRecords(ArtifactStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  public void saveRun(RunRecord run) {
    store.saveRecord(run.runId(), RUN, bytes(run));
  }

  public Optional<RunRecord> run(String runId) {
    return store.readRecord(runId, RUN).map(b -> parse(b, RunRecord.class));
  }

  /** Every run with a record, newest first. */
  public List<RunRecord> runs() {
    List<RunRecord> runs = new ArrayList<>();
    for (String runId : store.listRuns()) {
      run(runId).ifPresent(runs::add);
    }
    runs.sort(Comparator.comparing(RunRecord::startedAt).reversed());
    return runs;
  }

  /**
   * Records the process that hosts an embedded run and its latest heartbeat, replacing the earlier
   * record; a lost beat only makes the next one count.
   */
  public void saveOwner(String runId, RunOwner owner) {
    store.saveProgressRecord(runId, OWNER, bytes(owner));
  }

  /** The process hosting an embedded run; empty for runs on a Temporal cluster. */
  public Optional<RunOwner> owner(String runId) {
    try {
      return store.readRecord(runId, OWNER).map(b -> parse(b, RunOwner.class));
    } catch (UncheckedIOException torn) {
      return Optional.empty();
    }
  }

  /** Records which raw sources were deleted at the end of a run, replacing an earlier record. */
  public void saveSourceDeletion(SourceDeletion deletion) {
    store.saveRecord(deletion.runId(), SOURCES_DELETED, bytes(deletion));
  }

  /** Which raw sources of a run were deleted, if any were. */
  public Optional<SourceDeletion> sourceDeletion(String runId) {
    return store.readRecord(runId, SOURCES_DELETED).map(b -> parse(b, SourceDeletion.class));
  }

  /**
   * Whether an artifact's content was deleted at the end of its run because it was a raw source.
   */
  public boolean sourceDeleted(String runId, String artifactId) {
    return sourceDeletion(runId).map(d -> d.deletedSources().contains(artifactId)).orElse(false);
  }

  /**
   * Saves the record of an artifact of run {@code runId}. Final states are durable; progress
   * (running, retrying) skips the sync, since the producer writes it again on its next step and a
   * lost one only lags behind.
   */
  public void saveArtifact(String runId, ArtifactOutcome artifact) {
    String name = ARTIFACTS + artifact.id() + ".json";
    if (artifact.state().finished()) {
      store.saveRecord(runId, name, bytes(artifact));
    } else {
      store.saveProgressRecord(runId, name, bytes(artifact));
    }
  }

  /**
   * Saves an artifact of run {@code runId} and then its final record, which {@code outcome} makes
   * from what is stored: the record never shows an artifact that a crash could still lose, and the
   * store may make both durable at the same time.
   */
  public StoredArtifact saveArtifactWithRecord(
      String runId,
      String artifactId,
      ArtifactStore.Content content,
      Function<StoredArtifact, ArtifactOutcome> outcome) {
    return store.saveWithRecord(
        runId,
        artifactId,
        content,
        ARTIFACTS + artifactId + ".json",
        stored -> {
          ArtifactOutcome record = outcome.apply(stored);
          if (!record.state().finished() || !record.id().equals(artifactId)) {
            throw new IllegalArgumentException(
                "not the final record of artifact " + artifactId + ": " + record.state());
          }
          return bytes(record);
        });
  }

  public Optional<ArtifactOutcome> artifact(String runId, String artifactId) {
    return store.readRecord(runId, ARTIFACTS + artifactId + ".json").map(this::parseArtifact);
  }

  /** The artifact records of a run, by artifact id. */
  public List<ArtifactOutcome> artifacts(String runId) {
    List<ArtifactOutcome> records = new ArrayList<>();
    for (String name : store.listRecords(runId, ARTIFACTS)) {
      try {
        store.readRecord(runId, name).map(this::parseArtifact).ifPresent(records::add);
      } catch (UncheckedIOException torn) {
        // Progress records are written without a sync: after a machine crash one may be torn.
        // Its artifact then reads as not started, as the record before it said at worst.
        LOG.warn("run {}: unreadable record {} ignored", runId, name);
      }
    }
    records.sort(Comparator.comparing(ArtifactOutcome::id));
    return records;
  }

  /** The name of an artifact's coverage record: {@code coverage/{artifactId}.json}. */
  public static String coverageRecord(String artifactId) {
    return COVERAGE + artifactId + ".json";
  }

  /**
   * Saves what the producer of an artifact read and skipped, per object ({@code
   * coverage/{artifactId}.json}); the attempt that succeeded writes it, replacing any earlier one.
   */
  public void saveCoverage(String runId, ArtifactCoverage coverage) {
    store.saveRecord(runId, coverageRecord(coverage.artifactId()), bytes(coverage));
  }

  /** The coverage record of an artifact; empty if its producer recorded none. */
  public Optional<ArtifactCoverage> coverage(String runId, String artifactId) {
    return store
        .readRecord(runId, coverageRecord(artifactId))
        .map(b -> parse(b, ArtifactCoverage.class));
  }

  /**
   * Keeps the plan a run executes, for the workflow to page in and for reports.
   *
   * @return the size of the stored plan in bytes
   */
  public int savePlan(String runId, ExecutionPlan plan) {
    byte[] json = bytes(plan);
    store.saveRecord(runId, PLAN, json);
    return json.length;
  }

  public Optional<ExecutionPlan> plan(String runId) {
    return store.readRecord(runId, PLAN).map(b -> parse(b, ExecutionPlan.class));
  }

  /**
   * The artifact records of a run in plan order, with a WAITING record for each planned artifact
   * that has none yet (producers write their records when they start), then any record the plan
   * does not name, by id.
   */
  public List<ArtifactOutcome> artifacts(String runId, ExecutionPlan plan) {
    Map<String, ArtifactOutcome> byId = new LinkedHashMap<>();
    artifacts(runId).forEach(record -> byId.put(record.id(), record));
    List<ArtifactOutcome> ordered = new ArrayList<>(byId.size());
    for (PlannedArtifact planned : plan.artifacts()) {
      ArtifactOutcome record = byId.remove(planned.id());
      ordered.add(
          record != null
              ? record
              : ArtifactOutcome.waiting(planned.id(), planned.producer().label()));
    }
    ordered.addAll(byId.values());
    return ordered;
  }

  /**
   * Reads an artifact record. Records written before the run vocabulary was one type name the
   * artifact {@code artifactId}, repeat the run ID and keep ISO-8601 times ({@code startedAt},
   * {@code endedAt}): they are read into the same shape.
   */
  private ArtifactOutcome parseArtifact(byte[] bytes) {
    try {
      JsonNode node = json.readTree(bytes);
      if (node instanceof ObjectNode legacy && legacy.has("artifactId") && !legacy.has("id")) {
        legacy.set("id", legacy.remove("artifactId"));
        legacy.remove("runId");
        legacy.set("startedAtMillis", epochMillis(legacy.remove("startedAt")));
        legacy.set("endedAtMillis", epochMillis(legacy.remove("endedAt")));
      }
      return json.treeToValue(node, ArtifactOutcome.class);
    } catch (IOException | RuntimeException e) {
      throw new UncheckedIOException(
          "corrupt run record: " + e.getMessage(),
          e instanceof IOException io ? io : new IOException(e));
    }
  }

  private static JsonNode epochMillis(JsonNode isoInstant) {
    return isoInstant == null || isoInstant.isNull()
        ? NullNode.getInstance()
        : LongNode.valueOf(Instant.parse(isoInstant.asText()).toEpochMilli());
  }

  private byte[] bytes(Object record) {
    try {
      return json.writeValueAsBytes(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + record.getClass().getSimpleName(), e);
    }
  }

  private <T> T parse(byte[] bytes, Class<T> type) {
    try {
      return json.readValue(bytes, type);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt run record: " + e.getMessage(), e);
    }
  }
}
