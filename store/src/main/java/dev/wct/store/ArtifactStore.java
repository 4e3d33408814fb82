package dev.wct.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where artifacts and run records live, keyed by run ID. Stateless: every call names its run.
 *
 * <p>Layout, whatever the backend: {@code runs/{runId}/artifacts/{artifactId}.json} for artifacts,
 * {@code runs/{runId}/_system/{name}} for run records.
 *
 * <p>Artifacts are write-once: {@link #save} publishes a complete object atomically or nothing, and
 * a second save of the same artifact keeps the first one, so a retried producer can neither corrupt
 * nor duplicate an artifact. Implementations are thread-safe.
 */
public interface ArtifactStore extends AutoCloseable {

  /** Writes an artifact's bytes to a stream the store provides. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Saves an artifact unless it already exists. Returns what is stored under the key: the new
   * object, or the one already there (then {@code content} is not called, or its bytes are
   * discarded).
   */
  StoredArtifact save(String runId, String artifactId, Content content);

  /** Makes the run record that describes a stored artifact. */
  @FunctionalInterface
  interface RecordOf {
    byte[] describe(StoredArtifact stored);
  }

  /**
   * Saves an artifact like {@link #save}, then the durable run record {@code recordName} that
   * {@code record} makes from what is stored under the key (the new artifact, or the one already
   * there). The record never becomes visible before the artifact it describes is durable; if the
   * artifact cannot be published, neither is the record. {@code record} is called after {@code
   * content} has written everything, possibly before the artifact is published so that a backend
   * can make both durable at the same time; if another writer publishes the artifact first, it is
   * called again with what that writer stored, and only that record is kept.
   */
  default StoredArtifact saveWithRecord(
      String runId, String artifactId, Content content, String recordName, RecordOf record) {
    StoredArtifact stored = save(runId, artifactId, content);
    saveRecord(runId, recordName, record.describe(stored));
    return stored;
  }

  /**
   * Opens an artifact for reading.
   *
   * @throws ArtifactNotFoundException if there is none
   */
  InputStream read(String runId, String artifactId);

  /** Size and checksum of a stored artifact, if it exists. */
  Optional<StoredArtifact> stat(String runId, String artifactId);

  default boolean exists(String runId, String artifactId) {
    return stat(runId, artifactId).isPresent();
  }

  /**
   * Copies a stored artifact of run {@code fromRunId} into run {@code toRunId} under the same id,
   * if its content still has the checksum {@code expectedSha256}: what a retry reuses. Write-once
   * like {@link #save}: an artifact already stored under the target is kept (and checked). Backends
   * override it with a cheaper copy (a hard link, a server-side copy).
   *
   * @return the copy, or empty when the source is gone or its content differs from the checksum
   */
  default Optional<StoredArtifact> copy(
      String fromRunId, String artifactId, String toRunId, String expectedSha256) {
    Optional<StoredArtifact> source = stat(fromRunId, artifactId);
    if (source.isEmpty() || !source.get().sha256().equals(expectedSha256)) {
      return Optional.empty();
    }
    StoredArtifact copy =
        save(
            toRunId,
            artifactId,
            out -> {
              try (InputStream in = read(fromRunId, artifactId)) {
                in.transferTo(out);
              }
            });
    return copy.sha256().equals(expectedSha256) ? Optional.of(copy) : Optional.empty();
  }

  /** The artifact ids of a run, sorted. Empty for an unknown run. */
  List<String> list(String runId);

  /** Deletes an artifact; does nothing if it does not exist. */
  void delete(String runId, String artifactId);

  /** Deletes artifacts of one run, as {@link #delete} each; a store may do it in fewer steps. */
  default void deleteAll(String runId, Collection<String> artifactIds) {
    for (String artifactId : artifactIds) {
      delete(runId, artifactId);
    }
  }

  /**
   * Deletes everything stored under a run: its artifacts and its records. Does nothing for a run
   * that has nothing stored, so a retried or repeated deletion is not an error. Whether the run may
   * be deleted (it must not be running) is the caller's decision.
   */
  void deleteRun(String runId);

  /** Every run ID that has anything stored, sorted. */
  List<String> listRuns();

  /** Writes a run record, replacing the previous one atomically. {@code name} may contain '/'. */
  void saveRecord(String runId, String name, byte[] content);

  /**
   * Writes a run record that a machine crash right after may lose (a process crash does not),
   * replacing the previous one atomically: for progress that later records or Temporal's history
   * restore. Backends without a cheaper path make it durable.
   */
  default void saveProgressRecord(String runId, String name, byte[] content) {
    saveRecord(runId, name, content);
  }

  /**
   * Makes everything stored for the run durable, for a store that defers its syncs (the folder
   * store's {@code per-run} sync policy); called when the run ends, before its final run record. A
   * no-op, the default, for stores whose writes are durable when they return.
   */
  default void syncRun(String runId) {}

  /**
   * A run record, if there is one.
   *
   * @throws java.io.UncheckedIOException if the record is damaged (a store that defers its syncs,
   *     after a machine crash): its content is unknown
   */
  Optional<byte[]> readRecord(String runId, String name);

  /** Record names of a run under {@code prefix} (e.g. {@code artifacts/}), sorted. */
  List<String> listRecords(String runId, String prefix);

  /** Where an artifact lives, for people: a path or an {@code s3://} URI. */
  String location(String runId, String artifactId);

  /** Where a run record lives, for people: a path or an {@code s3://} URI. */
  default String recordLocation(String runId, String name) {
    StoreNames.runId(runId);
    StoreNames.recordName(name);
    return recordKey(runId, name);
  }

  /** The store-relative key of an artifact. */
  static String artifactKey(String runId, String artifactId) {
    return "runs/" + runId + "/artifacts/" + artifactId + ".json";
  }

  /** The store-relative key of a run record. */
  static String recordKey(String runId, String name) {
    return "runs/" + runId + "/_system/" + name;
  }

  @Override
  default void close() {}
}
