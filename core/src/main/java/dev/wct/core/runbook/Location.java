package dev.wct.core.runbook;

/** A 1-based line and column in a runbook file. */
public record Location(int line, int column) {
  public static final Location UNKNOWN = new Location(0, 0);
}
