package dev.wct.store.memory;

import dev.wct.spi.error.WctException;
import dev.wct.store.ArtifactNotFoundException;
import dev.wct.store.ArtifactStore;
import dev.wct.store.StoreNames;
import dev.wct.store.StoredArtifact;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * An artifact store held in memory, for tests and single-process runs that need nothing kept.
 * Thread-safe; sorted listings come from skip-list maps.
 */
public final class InMemoryArtifactStore implements ArtifactStore {
  private final ConcurrentMap<String, Run> runs = new ConcurrentHashMap<>();

  private record Blob(StoredArtifact stored, byte[] bytes) {}

  private static final class Run {
    final ConcurrentSkipListMap<String, Blob> artifacts = new ConcurrentSkipListMap<>();
    final ConcurrentSkipListMap<String, byte[]> records = new ConcurrentSkipListMap<>();

    boolean isEmpty() {
      return artifacts.isEmpty() && records.isEmpty();
    }
  }

  @Override
  public StoredArtifact save(String runId, String artifactId, Content content) {
    StoreNames.runId(runId);
    StoreNames.artifactId(artifactId);
    Objects.requireNonNull(content, "content");
    Run run = runs.computeIfAbsent(runId, id -> new Run());
    Blob existing = run.artifacts.get(artifactId);
    if (existing != null) {
      return existing.stored();
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try {
      content.writeTo(buffer);
    } catch (IOException e) {
      throw WctException.external(
          "cannot save artifact "
              + ArtifactStore.artifactKey(runId, artifactId)
              + ": "
              + e.getMessage(),
          e);
    }
    byte[] bytes = buffer.toByteArray();
    StoredArtifact stored =
        new StoredArtifact(
            ArtifactStore.artifactKey(runId, artifactId), bytes.length, sha256(bytes));
    Blob winner = run.artifacts.putIfAbsent(artifactId, new Blob(stored, bytes));
    return winner == null ? stored : winner.stored();
  }

  @Override
  public InputStream read(String runId, String artifactId) {
    return new ByteArrayInputStream(blob(runId, artifactId).bytes());
  }

  @Override
  public Optional<StoredArtifact> stat(String runId, String artifactId) {
    StoreNames.runId(runId);
    StoreNames.artifactId(artifactId);
    Run run = runs.get(runId);
    return Optional.ofNullable(run == null ? null : run.artifacts.get(artifactId))
        .map(Blob::stored);
  }

  @Override
  public List<String> list(String runId) {
    StoreNames.runId(runId);
    Run run = runs.get(runId);
    return run == null ? List.of() : List.copyOf(run.artifacts.keySet());
  }

  @Override
  public void delete(String runId, String artifactId) {
    StoreNames.runId(runId);
    StoreNames.artifactId(artifactId);
    Run run = runs.get(runId);
    if (run != null) {
      run.artifacts.remove(artifactId);
    }
  }

  @Override
  public void deleteRun(String runId) {
    StoreNames.runId(runId);
    runs.remove(runId);
  }

  @Override
  public List<String> listRuns() {
    List<String> ids = new ArrayList<>();
    for (Map.Entry<String, Run> entry : runs.entrySet()) {
      if (!entry.getValue().isEmpty()) {
        ids.add(entry.getKey());
      }
    }
    ids.sort(null);
    return List.copyOf(ids);
  }

  @Override
  public void saveRecord(String runId, String name, byte[] content) {
    StoreNames.runId(runId);
    StoreNames.recordName(name);
    byte[] copy = content.clone();
    runs.computeIfAbsent(runId, id -> new Run()).records.put(name, copy);
  }

  @Override
  public Optional<byte[]> readRecord(String runId, String name) {
    StoreNames.runId(runId);
    StoreNames.recordName(name);
    Run run = runs.get(runId);
    byte[] bytes = run == null ? null : run.records.get(name);
    return Optional.ofNullable(bytes).map(byte[]::clone);
  }

  @Override
  public List<String> listRecords(String runId, String prefix) {
    StoreNames.runId(runId);
    StoreNames.recordPrefix(prefix);
    Run run = runs.get(runId);
    if (run == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (String name : run.records.tailMap(prefix).keySet()) {
      if (!name.startsWith(prefix)) {
        break;
      }
      names.add(name);
    }
    return List.copyOf(names);
  }

  @Override
  public String location(String runId, String artifactId) {
    StoreNames.runId(runId);
    StoreNames.artifactId(artifactId);
    return "memory:" + ArtifactStore.artifactKey(runId, artifactId);
  }

  private Blob blob(String runId, String artifactId) {
    StoreNames.runId(runId);
    StoreNames.artifactId(artifactId);
    Run run = runs.get(runId);
    Blob blob = run == null ? null : run.artifacts.get(artifactId);
    if (blob == null) {
      throw new ArtifactNotFoundException(runId, artifactId);
    }
    return blob;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
