package dev.wct.analysers.common;

import dev.wct.spi.properties.Formats;
import dev.wct.spi.properties.Property;

/**
 * The properties every detection analyser shares: which ruleset, and how much evidence findings
 * carry. Declared once here and reused by each analyser's properties record, at its top level or
 * grouped under {@code pattern_matching}. The ruleset default is each analyser's own (see {@code
 * PropertiesContract.withDefault}).
 */
public record PatternMatching(
    @Property(
            description =
                "local/<name>/<version> of a shipped ruleset, or file:<path> of your own (relative"
                    + " to the working directory)",
            pattern = Formats.RULESET,
            format = Formats.RULESET_FORMAT)
        String ruleset,
    @Property(
            description =
                "characters kept around a match in evidence snippets: small \u00b150, medium"
                    + " \u00b1100, large \u00b1200, full (whole item)",
            defaultValue = "small")
        EvidenceSettings.ContextSize evidenceContextSize,
    @Property(
            description = "evidence snippets kept per finding",
            defaultValue = "" + PatternMatching.DEFAULT_MAXIMUM_EVIDENCE_COUNT,
            minimum = 0,
            maximum = PatternMatching.MAXIMUM_EVIDENCE_COUNT_LIMIT)
        int maximumEvidenceCount,
    @Property(
            description =
                "mask: every scanned word and number in snippets masked, keeping shape and first letter (j***@e******.c**); none: evidence in clear",
            defaultValue = "mask")
        EvidenceSettings.Redaction evidenceRedaction) {

  /** The one default of the evidence cap, for analysers and reports alike. */
  public static final int DEFAULT_MAXIMUM_EVIDENCE_COUNT = 3;

  /** The largest cap a runbook may ask for. */
  public static final int MAXIMUM_EVIDENCE_COUNT_LIMIT = 1000;

  /** The group's name when the properties are grouped. */
  public static final String GROUP = "pattern_matching";

  /** The group's description. */
  public static final String GROUP_DESCRIPTION =
      "the same ruleset and evidence settings, grouped as in the Python tool's runbooks";

  public EvidenceSettings evidence() {
    return new EvidenceSettings(evidenceContextSize, maximumEvidenceCount, evidenceRedaction);
  }
}
