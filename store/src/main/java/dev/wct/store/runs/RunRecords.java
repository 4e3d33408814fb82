package dev.wct.store.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wct.core.json.Json;
import dev.wct.store.ArtifactStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Run and artifact records kept in the artifact store as small JSON documents: {@code
 * _system/run.json} and {@code _system/artifacts/{id}.json}. One document per artifact keeps every
 * update small, however large the run.
 */
public final class RunRecords {
  private static final String RUN = "run.json";
  private static final String ARTIFACTS = "artifacts/";

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

  public void saveArtifact(ArtifactRecord artifact) {
    store.saveRecord(
        artifact.runId(), ARTIFACTS + artifact.artifactId() + ".json", bytes(artifact));
  }

  public Optional<ArtifactRecord> artifact(String runId, String artifactId) {
    return store
        .readRecord(runId, ARTIFACTS + artifactId + ".json")
        .map(b -> parse(b, ArtifactRecord.class));
  }

  /** The artifact records of a run, by artifact id. */
  public List<ArtifactRecord> artifacts(String runId) {
    List<ArtifactRecord> records = new ArrayList<>();
    for (String name : store.listRecords(runId, ARTIFACTS)) {
      store
          .readRecord(runId, name)
          .map(b -> parse(b, ArtifactRecord.class))
          .ifPresent(records::add);
    }
    records.sort(Comparator.comparing(ArtifactRecord::artifactId));
    return records;
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
