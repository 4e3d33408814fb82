package dev.wct.bench.measure;

import dev.wct.store.ArtifactStore;
import dev.wct.store.StoredArtifact;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * An artifact store that adds up the calls and time spent in each operation of the store it wraps,
 * so a benchmark can tell how much of a run's wall time the store accounts for. Time is summed over
 * threads: with parallel producers it can exceed the wall time.
 */
public final class TimingArtifactStore implements ArtifactStore {
  private final ArtifactStore delegate;
  private final ConcurrentMap<String, Totals> totals = new ConcurrentHashMap<>();

  /** Calls of one operation and the nanoseconds they took. */
  public record Total(long calls, long nanos) {}

  private static final class Totals {
    final LongAdder calls = new LongAdder();
    final LongAdder nanos = new LongAdder();
  }

  public TimingArtifactStore(ArtifactStore delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** Totals since the last reset, by operation name, sorted. */
  public Map<String, Total> totals() {
    Map<String, Total> snapshot = new TreeMap<>();
    totals.forEach(
        (operation, t) -> snapshot.put(operation, new Total(t.calls.sum(), t.nanos.sum())));
    return snapshot;
  }

  public void reset() {
    totals.clear();
  }

  private <T> T timed(String operation, Supplier<T> call) {
    long start = System.nanoTime();
    try {
      return call.get();
    } finally {
      Totals t = totals.computeIfAbsent(operation, ignored -> new Totals());
      t.calls.increment();
      t.nanos.add(System.nanoTime() - start);
    }
  }

  @Override
  public StoredArtifact save(String runId, String artifactId, Content content) {
    return timed("save", () -> delegate.save(runId, artifactId, content));
  }

  @Override
  public StoredArtifact saveWithRecord(
      String runId, String artifactId, Content content, String recordName, RecordOf record) {
    return timed(
        "saveWithRecord",
        () -> delegate.saveWithRecord(runId, artifactId, content, recordName, record));
  }

  /** Opening is timed; reading the stream is the caller's time. */
  @Override
  public InputStream read(String runId, String artifactId) {
    return timed("read", () -> delegate.read(runId, artifactId));
  }

  @Override
  public Optional<StoredArtifact> stat(String runId, String artifactId) {
    return timed("stat", () -> delegate.stat(runId, artifactId));
  }

  @Override
  public List<String> list(String runId) {
    return timed("list", () -> delegate.list(runId));
  }

  @Override
  public void delete(String runId, String artifactId) {
    timed(
        "delete",
        () -> {
          delegate.delete(runId, artifactId);
          return null;
        });
  }

  @Override
  public void deleteAll(String runId, Collection<String> artifactIds) {
    timed(
        "deleteAll",
        () -> {
          delegate.deleteAll(runId, artifactIds);
          return null;
        });
  }

  @Override
  public void deleteRun(String runId) {
    timed(
        "deleteRun",
        () -> {
          delegate.deleteRun(runId);
          return null;
        });
  }

  @Override
  public List<String> listRuns() {
    return timed("listRuns", delegate::listRuns);
  }

  @Override
  public void saveRecord(String runId, String name, byte[] content) {
    timed(
        "saveRecord",
        () -> {
          delegate.saveRecord(runId, name, content);
          return null;
        });
  }

  @Override
  public void saveProgressRecord(String runId, String name, byte[] content) {
    timed(
        "saveProgressRecord",
        () -> {
          delegate.saveProgressRecord(runId, name, content);
          return null;
        });
  }

  @Override
  public void syncRun(String runId) {
    timed(
        "syncRun",
        () -> {
          delegate.syncRun(runId);
          return null;
        });
  }

  @Override
  public Optional<byte[]> readRecord(String runId, String name) {
    return timed("readRecord", () -> delegate.readRecord(runId, name));
  }

  @Override
  public List<String> listRecords(String runId, String prefix) {
    return timed("listRecords", () -> delegate.listRecords(runId, prefix));
  }

  @Override
  public String location(String runId, String artifactId) {
    return delegate.location(runId, artifactId);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
