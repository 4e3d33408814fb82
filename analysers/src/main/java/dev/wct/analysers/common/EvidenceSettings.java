package dev.wct.analysers.common;

import java.util.Objects;

/**
 * How much evidence findings carry.
 *
 * @param contextSize characters around a match in a snippet
 * @param maximumEvidenceCount snippets kept per finding
 * @param redaction whether matched values are masked in snippets
 */
public record EvidenceSettings(
    ContextSize contextSize, int maximumEvidenceCount, Redaction redaction) {
  public static final EvidenceSettings DEFAULTS =
      new EvidenceSettings(
          ContextSize.SMALL, PatternMatching.DEFAULT_MAXIMUM_EVIDENCE_COUNT, Redaction.MASK);

  public EvidenceSettings {
    Objects.requireNonNull(contextSize, "contextSize");
    Objects.requireNonNull(redaction, "redaction");
    if (maximumEvidenceCount < 0) {
      throw new IllegalArgumentException("maximumEvidenceCount must not be negative");
    }
  }

  /** Characters kept on each side of a match. */
  public enum ContextSize {
    SMALL(50),
    MEDIUM(100),
    LARGE(200),
    /** The whole item. */
    FULL(Integer.MAX_VALUE);

    private final int characters;

    ContextSize(int characters) {
      this.characters = characters;
    }

    public int characters() {
      return characters;
    }

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Whether snippets show matched values. */
  public enum Redaction {
    /** Values as found: only for reports that are themselves protected. */
    NONE,
    /**
     * Every scanned word and number masked to its shape: {@code j***@e******.c**}, {@code **** ****
     * **** 4242}.
     */
    MASK;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
