package dev.wct.spi.properties;

/** Patterns shared by several components' properties, as {@link Property#pattern} constants. */
public final class Formats {
  /**
   * A ruleset reference: {@code local/<name>/<version>} for a shipped ruleset, {@code file:<path>}
   * for one's own. Every component that takes a {@code ruleset} uses this pattern, so a runbook can
   * give any of them as a {@code ${VAR}} too.
   */
  public static final String RULESET = "^(local/[a-z][a-z0-9_]*/\\d+\\.\\d+\\.\\d+|file:.+)$";

  /** {@link #RULESET} in words, for error messages. */
  public static final String RULESET_FORMAT = "local/<name>/<version> or file:<path>";

  private Formats() {}
}
