package dev.wct.core.runbook;

/**
 * A source's {@code partition} settings as the runbook declares them: {@code {max_bytes: 64MiB,
 * max_items: 1000}} or {@code {by: table}} (optionally with {@code max_items} tables per part).
 *
 * @param maxBytes 0 when not set
 * @param maxItems 0 when not set
 * @param by {@code table}, or null
 */
public record PartitionSpec(long maxBytes, int maxItems, String by) {
  public static final String BY_TABLE = "table";

  public boolean byTable() {
    return BY_TABLE.equals(by);
  }
}
