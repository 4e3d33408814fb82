package dev.wct.connectors.jdbc;

import dev.wct.connectors.common.PropertiesSchema;
import dev.wct.connectors.common.PropertyReader;
import java.util.Objects;

/** The properties every database connector shares: how many rows, which tables. */
public record SamplingOptions(int maxRowsPerTable, TableFilter tables) {
  public static final int DEFAULT_MAX_ROWS_PER_TABLE = 10;

  public SamplingOptions {
    if (maxRowsPerTable < 1) {
      throw new IllegalArgumentException("maxRowsPerTable must be at least 1");
    }
    Objects.requireNonNull(tables, "tables");
  }

  public static SamplingOptions read(PropertyReader properties) {
    return new SamplingOptions(
        properties.integer("max_rows_per_table", DEFAULT_MAX_ROWS_PER_TABLE, 1),
        new TableFilter(
            properties.stringList("include_tables"), properties.stringList("exclude_tables")));
  }

  /** Declares {@code max_rows_per_table}, {@code include_tables} and {@code exclude_tables}. */
  public static PropertiesSchema declare(PropertiesSchema schema) {
    return schema
        .integer(
            "max_rows_per_table",
            "At most this many rows are read from each table.",
            DEFAULT_MAX_ROWS_PER_TABLE,
            1)
        .stringList(
            "include_tables",
            "Only these tables ('name' or 'schema.name', exact). Default: every table.")
        .stringList(
            "exclude_tables",
            "Never these tables ('name' or 'schema.name', exact); wins over" + " include_tables.");
  }
}
