package dev.wct.core.runbook;

/**
 * A source's {@code partition} settings as the runbook declares them: {@code {max_bytes: 64MiB,
 * max_items: 1000}}, {@code {by: table}} (optionally with {@code max_items} tables per part) or
 * {@code {by: rows, max_items: 250000}} (row ranges of at most {@code max_items} rows).
 *
 * @param maxBytes 0 when not set
 * @param maxItems 0 when not set
 * @param by {@code table}, {@code rows}, or null
 */
public record PartitionSpec(long maxBytes, int maxItems, String by) {
  public static final String BY_TABLE = "table";
  public static final String BY_ROWS = "rows";

  public boolean byTable() {
    return BY_TABLE.equals(by);
  }

  public boolean byRows() {
    return BY_ROWS.equals(by);
  }
}
