package dev.wct.bench.measure;

import dev.wct.store.ArtifactStore;
import dev.wct.store.StoredArtifact;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Artifacts in one store, run records in another: the experiment that tells how much of a run's
 * cost is its records (for example artifacts on disk, records in memory).
 */
public final class SplitArtifactStore implements ArtifactStore {
  private final ArtifactStore artifacts;
  private final ArtifactStore records;

  public SplitArtifactStore(ArtifactStore artifacts, ArtifactStore records) {
    this.artifacts = Objects.requireNonNull(artifacts, "artifacts");
    this.records = Objects.requireNonNull(records, "records");
  }

  @Override
  public StoredArtifact save(String runId, String artifactId, Content content) {
    return artifacts.save(runId, artifactId, content);
  }

  @Override
  public InputStream read(String runId, String artifactId) {
    return artifacts.read(runId, artifactId);
  }

  @Override
  public Optional<StoredArtifact> stat(String runId, String artifactId) {
    return artifacts.stat(runId, artifactId);
  }

  @Override
  public List<String> list(String runId) {
    return artifacts.list(runId);
  }

  @Override
  public void delete(String runId, String artifactId) {
    artifacts.delete(runId, artifactId);
  }

  @Override
  public void deleteAll(String runId, Collection<String> artifactIds) {
    artifacts.deleteAll(runId, artifactIds);
  }

  @Override
  public void deleteRun(String runId) {
    artifacts.deleteRun(runId);
    records.deleteRun(runId);
  }

  @Override
  public List<String> listRuns() {
    return artifacts.listRuns();
  }

  @Override
  public void saveRecord(String runId, String name, byte[] content) {
    records.saveRecord(runId, name, content);
  }

  @Override
  public void saveProgressRecord(String runId, String name, byte[] content) {
    records.saveProgressRecord(runId, name, content);
  }

  @Override
  public void syncRun(String runId) {
    artifacts.syncRun(runId);
    records.syncRun(runId);
  }

  @Override
  public Optional<byte[]> readRecord(String runId, String name) {
    return records.readRecord(runId, name);
  }

  @Override
  public List<String> listRecords(String runId, String prefix) {
    return records.listRecords(runId, prefix);
  }

  @Override
  public String location(String runId, String artifactId) {
    return artifacts.location(runId, artifactId);
  }

  @Override
  public void close() {
    artifacts.close();
    records.close();
  }
}
