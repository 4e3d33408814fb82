package dev.wct.connectors.jdbc;

/**
 * How one table was sampled, written per table into the message summary.
 *
 * @param method {@link #ALL_ROWS}, {@link #RANDOM_ORDER}, {@link #KEY_RANGES}, {@link #FIRST_ROWS},
 *     {@link #ROW_RANGE} or a {@code tablesample_*} method
 * @param rowsEstimated rows the table holds: exact for {@code all_rows} and {@code random_order}
 *     (counted), else the database's statistics; null if unknown
 */
public record SampleRecord(String method, long seed, long rowsRead, Long rowsEstimated) {
  /** The table had at most {@code max_rows_per_table} rows: every one was read, in key order. */
  public static final String ALL_ROWS = "all_rows";

  /** Up to {@code random_order_max_rows} rows: ordered by a seeded hash of the key, first N. */
  public static final String RANDOM_ORDER = "random_order";

  /** A large table with an integer key: seeded random start keys, a run of rows after each. */
  public static final String KEY_RANGES = "key_ranges";

  /** A large table without an integer key nor TABLESAMPLE: the first rows in key order. */
  public static final String FIRST_ROWS = "first_rows";

  /**
   * One range of the key of a table read in full, cut by rows ({@code partition: {by: rows}}):
   * every row of the range, in key order.
   */
  public static final String ROW_RANGE = "row_range";

  public static final String TABLESAMPLE_BERNOULLI = "tablesample_bernoulli";
  public static final String TABLESAMPLE_SYSTEM = "tablesample_system";
}
