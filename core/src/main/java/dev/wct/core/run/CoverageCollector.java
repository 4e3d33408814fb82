package dev.wct.core.run;

import dev.wct.spi.coverage.Coverage;
import dev.wct.spi.coverage.SkipReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Collects the coverage one producer attempt records: each object once (recorded again, the last
 * state wins), memory bounded by {@link #MAX_LISTED_OBJECTS}; past that, objects are only counted.
 */
public final class CoverageCollector implements Coverage {
  /** Objects listed in a coverage record; a few MiB of JSON at most. */
  public static final int MAX_LISTED_OBJECTS = 50_000;

  private final Map<String, ObjectCoverage> objects = new LinkedHashMap<>();
  private final Map<String, Long> unlistedSkips = new TreeMap<>();
  private long unlistedScanned;
  private long unlistedSampled;
  private long unlistedRows;
  private String objectKind;

  @Override
  public synchronized void objectsAre(String plural) {
    objectKind = Objects.requireNonNull(plural, "plural");
  }

  @Override
  public void scanned(String object) {
    record(ObjectCoverage.scanned(object));
  }

  @Override
  public void sampled(String object, long rowsRead, Long rowsEstimated) {
    record(ObjectCoverage.sampled(object, rowsRead, rowsEstimated));
  }

  @Override
  public void skipped(String object, SkipReason reason) {
    record(ObjectCoverage.skipped(object, reason));
  }

  private synchronized void record(ObjectCoverage entry) {
    if (objects.size() < MAX_LISTED_OBJECTS || objects.containsKey(entry.object())) {
      objects.put(entry.object(), entry);
      return;
    }
    switch (entry.state()) {
      case SCANNED -> unlistedScanned++;
      case SAMPLED -> {
        unlistedSampled++;
        unlistedRows += entry.rowsRead();
      }
      case SKIPPED -> unlistedSkips.merge(entry.reason().name(), 1L, Long::sum);
    }
  }

  /**
   * Adds what another attempt recorded, e.g. one partition's record when a partitioned artifact is
   * sealed: its listed objects one by one, its unlisted ones as counts. A table sampled in several
   * partitions (row ranges of one table) is one object with the rows of all of them.
   */
  public synchronized void add(ArtifactCoverage other) {
    CoverageSummary summary = other.summary();
    objectKind = summary.objectKind();
    long scanned = summary.scanned();
    long sampled = summary.sampled();
    long rows = summary.rowsRead();
    Map<String, Long> skips = new TreeMap<>(summary.skippedByReason());
    for (ObjectCoverage entry : other.objects()) {
      record(withRowsSoFar(entry));
      switch (entry.state()) {
        case SCANNED -> scanned--;
        case SAMPLED -> {
          sampled--;
          rows -= entry.rowsRead();
        }
        case SKIPPED -> skips.merge(entry.reason().name(), -1L, Long::sum);
      }
    }
    unlistedScanned += Math.max(0, scanned);
    unlistedSampled += Math.max(0, sampled);
    unlistedRows += Math.max(0, rows);
    skips.forEach(
        (reason, n) -> {
          if (n > 0) {
            unlistedSkips.merge(reason, n, Long::sum);
          }
        });
  }

  private ObjectCoverage withRowsSoFar(ObjectCoverage entry) {
    ObjectCoverage before = objects.get(entry.object());
    if (before == null
        || before.state() != ObjectCoverage.State.SAMPLED
        || entry.state() != ObjectCoverage.State.SAMPLED) {
      return entry;
    }
    Long estimated = entry.rowsEstimated() != null ? entry.rowsEstimated() : before.rowsEstimated();
    return ObjectCoverage.sampled(entry.object(), before.rowsRead() + entry.rowsRead(), estimated);
  }

  /** Whether the producer recorded coverage at all (an object, or what its objects are). */
  public synchronized boolean recorded() {
    return objectKind != null || !objects.isEmpty();
  }

  /** The objects recorded so far, in the order first recorded. */
  public synchronized List<ObjectCoverage> objects() {
    return List.copyOf(objects.values());
  }

  public synchronized CoverageSummary summary() {
    long scanned = unlistedScanned;
    long sampled = unlistedSampled;
    long rows = unlistedRows;
    Map<String, Long> skips = new TreeMap<>(unlistedSkips);
    for (ObjectCoverage entry : objects.values()) {
      switch (entry.state()) {
        case SCANNED -> scanned++;
        case SAMPLED -> {
          sampled++;
          rows += entry.rowsRead();
        }
        case SKIPPED -> skips.merge(entry.reason().name(), 1L, Long::sum);
      }
    }
    long skipped = skips.values().stream().mapToLong(Long::longValue).sum();
    return new CoverageSummary(
        objectKind == null ? "objects" : objectKind, scanned, sampled, skipped, rows, skips);
  }

  /** The full record, with the warnings reported for it. */
  public synchronized ArtifactCoverage record(
      String artifactId, int attempt, List<String> warnings) {
    long unlisted =
        unlistedScanned
            + unlistedSampled
            + unlistedSkips.values().stream().mapToLong(Long::longValue).sum();
    return new ArtifactCoverage(
        artifactId, attempt, summary(), warnings, new ArrayList<>(objects.values()), unlisted);
  }
}
