package dev.wct.core.run;

import dev.wct.spi.coverage.SkipReason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The counts of an artifact's coverage: small, so it travels in workflow history and artifact
 * records; the per-object list is the run record {@code coverage/{artifact}.json}.
 *
 * @param objectKind what the objects are, plural ({@code files}, {@code tables}, {@code objects})
 * @param scanned objects read in full
 * @param sampled objects of which a sample was read
 * @param skipped objects not read
 * @param rowsRead rows read over all sampled objects
 * @param skippedByReason skipped objects per {@link SkipReason} name, sorted by name
 */
public record CoverageSummary(
    String objectKind,
    long scanned,
    long sampled,
    long skipped,
    long rowsRead,
    Map<String, Long> skippedByReason) {
  public CoverageSummary {
    Objects.requireNonNull(objectKind, "objectKind");
    skippedByReason =
        Collections.unmodifiableMap(
            new TreeMap<>(skippedByReason == null ? Map.of() : skippedByReason));
  }

  /** Objects read, in full or sampled. */
  public long read() {
    return scanned + sampled;
  }

  /** Skipped objects that should have been read: every reason but excluded and empty. */
  public long gaps() {
    long gaps = 0;
    for (Map.Entry<String, Long> entry : skippedByReason.entrySet()) {
      if (reason(entry.getKey()).map(SkipReason::isGap).orElse(true)) {
        gaps += entry.getValue();
      }
    }
    return gaps;
  }

  /**
   * The warnings this coverage calls for, one line each: a producer that read nothing, and objects
   * not read that should have been.
   *
   * @param source whether the producer is a connector: reading nothing is then always a warning
   */
  public List<String> warnings(String artifactId, boolean source) {
    List<String> warnings = new ArrayList<>();
    long total = read() + skipped;
    if (read() == 0 && (source || total > 0)) {
      warnings.add(
          artifactId
              + ": read 0 "
              + objectKind
              + (skipped == 0 ? "" : " (" + skipped + " skipped: " + reasons(false) + ")"));
      return warnings;
    }
    if (source && scanned == 0 && rowsRead == 0) {
      warnings.add(
          artifactId + ": read 0 rows (" + sampled + " " + objectKind + " sampled, all empty)");
    }
    if (gaps() > 0) {
      warnings.add(
          artifactId
              + ": "
              + gaps()
              + " of "
              + (read() + gaps())
              + " "
              + objectKind
              + " skipped ("
              + reasons(true)
              + ")");
    }
    return warnings;
  }

  /** {@code 2 binary, 1 too large}. */
  public String reasons(boolean gapsOnly) {
    List<String> parts = new ArrayList<>();
    skippedByReason.forEach(
        (name, count) -> {
          if (!gapsOnly || reason(name).map(SkipReason::isGap).orElse(true)) {
            parts.add(count + " " + label(name));
          }
        });
    return String.join(", ", parts);
  }

  /**
   * {@code TOO_LARGE} reads {@code too large}, {@code BEYOND_MAX_FILES} {@code beyond max_files}.
   */
  public static String label(String reason) {
    return reason.equals(SkipReason.BEYOND_MAX_FILES.name())
        ? "beyond max_files"
        : reason.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static java.util.Optional<SkipReason> reason(String name) {
    try {
      return java.util.Optional.of(SkipReason.valueOf(name));
    } catch (IllegalArgumentException unknown) {
      return java.util.Optional.empty();
    }
  }
}
