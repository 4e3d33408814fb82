package dev.wct.cli.report.inventory;

import dev.wct.cli.report.suppression.Suppression;
import dev.wct.spi.FindingsPresentation;
import dev.wct.spi.FindingsPresentation.Aspect;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding as reports read it, whatever its schema version: per location (schema version 2.0.0)
 * or one per category with a list of evidence (1.0.0, {@link #location()} null).
 *
 * @param artifactId the findings artifact it was read from
 * @param id its id, stable across runs in per-location findings
 * @param presentation how its artifact's analyser says it is reported
 * @param value what was found: the category, subject or purpose
 * @param classification its classification (e.g. a GDPR category), null for indicators
 * @param system the system it was found in (from its location, else the run's sources)
 * @param location where, null when the run predates per-location findings
 * @param detectors the rules that matched and how often
 * @param matches matches in all
 * @param confidence 0 to 100, null when not recorded as a number
 * @param confidenceLevel the level an analyser recorded instead of a number ({@code high}, {@code
 *     medium}, {@code low}), null when none
 * @param valuesExamined column values examined, null when not recorded
 * @param valuesMatched column values that matched, null when not recorded
 * @param examples masked examples, as stored (never unmasked here)
 * @param flags the presentation flags this finding raises
 * @param recipients services or third parties the finding names
 * @param details other classification fields, as label and one line of text
 * @param suppression the suppression that names this finding, null when none does
 */
public record Finding(
    String artifactId,
    String id,
    FindingsPresentation presentation,
    String value,
    String classification,
    String system,
    Location location,
    List<Detector> detectors,
    long matches,
    Integer confidence,
    String confidenceLevel,
    Long valuesExamined,
    Long valuesMatched,
    List<Example> examples,
    List<FindingsPresentation.Flag> flags,
    List<String> recipients,
    List<Detail> details,
    Suppressed suppression) {
  public Finding {
    Objects.requireNonNull(artifactId, "artifactId");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(presentation, "presentation");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(system, "system");
    detectors = List.copyOf(detectors);
    examples = List.copyOf(examples);
    flags = List.copyOf(flags);
    recipients = List.copyOf(recipients);
    details = List.copyOf(details);
  }

  /** What a location note says when the run predates per-location findings. */
  public static final String LOCATION_NOT_RECORDED =
      "not recorded (run predates per-location findings)";

  /** A rule that matched: {@code kind} is value, keyword or column_name; empty when unknown. */
  public record Detector(String rule, String kind, long matches) {
    public Detector {
      Objects.requireNonNull(rule, "rule");
      kind = kind == null ? "" : kind;
    }
  }

  /** A masked example; {@code location} only for findings without one of their own. */
  public record Example(String snippet, Long line, Long column, Location location) {}

  /** A classification field as a report shows it. */
  public record Detail(String label, String text) {}

  /**
   * A suppression naming this finding and whether it still applies: it does not once the finding's
   * evidence (its {@link #fingerprint()}) differs from the one it was accepted with.
   */
  public record Suppressed(Suppression entry, boolean applies) {}

  public Aspect aspect() {
    return presentation.aspect();
  }

  public Optional<Location> locationIfRecorded() {
    return Optional.ofNullable(location);
  }

  /** The location as people read it, or the note that it was not recorded. */
  public String where() {
    return location == null ? LOCATION_NOT_RECORDED : location.display();
  }

  /** The object holding it (file or table), or the empty string when not recorded. */
  public String object() {
    return location == null ? "" : location.object();
  }

  /** The key diffs match findings by: the artifact and the finding's stable id. */
  public String key() {
    return artifactId + ":" + id;
  }

  /** {@code value (classification)}, or the value alone. */
  public String label() {
    return classification == null || classification.equals(value)
        ? value
        : value + " (" + classification + ")";
  }

  /** Whether a suppression applies to it, so that it needs no action. */
  public boolean suppressed() {
    return suppression != null && suppression.applies();
  }

  /**
   * A fingerprint of the evidence: the detectors (rule, kind, matches, in rule order) and the total
   * matches. A suppression accepted with one fingerprint lapses when it changes.
   */
  public String fingerprint() {
    StringBuilder text = new StringBuilder();
    detectors.stream()
        .sorted(Comparator.comparing(Detector::rule).thenComparing(Detector::kind))
        .forEach(
            d ->
                text.append(d.rule())
                    .append('|')
                    .append(d.kind())
                    .append('|')
                    .append(d.matches())
                    .append('\n'));
    text.append("matches|").append(matches);
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Detectors as one line: {@code email (value) ×3, e-mail (keyword) ×1}. */
  public String detectorsText() {
    StringBuilder text = new StringBuilder();
    for (Detector detector : detectors) {
      if (text.length() > 0) {
        text.append(", ");
      }
      text.append(detector.rule());
      if (!detector.kind().isEmpty()) {
        text.append(" (").append(detector.kind()).append(')');
      }
      text.append(" ×").append(detector.matches());
    }
    return text.toString();
  }

  /** The flag labels it raises. */
  public List<String> flagLabels() {
    return flags.stream().map(FindingsPresentation.Flag::label).toList();
  }

  /** The confidence as a reader sees it: {@code 90%}, {@code high}, or null when not recorded. */
  public String confidenceText() {
    return confidence != null ? confidence + "%" : confidenceLevel;
  }
}
