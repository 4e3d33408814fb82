package dev.wct.connectors.jdbc;

import dev.wct.spi.properties.Property;
import java.util.List;

/**
 * The properties every database connector shares: how many rows, which tables. Flattened into each
 * database connector's properties record.
 */
public record SamplingOptions(
    @Property(
            description = "At most this many rows are read from each table.",
            defaultValue = "" + SamplingOptions.DEFAULT_MAX_ROWS_PER_TABLE,
            minimum = 1)
        int maxRowsPerTable,
    @Property(
            description =
                "Only these tables ('name' or 'schema.name', exact). Default: every table.")
        List<String> includeTables,
    @Property(
            description =
                "Never these tables ('name' or 'schema.name', exact); wins over include_tables.")
        List<String> excludeTables) {
  public static final int DEFAULT_MAX_ROWS_PER_TABLE = 10;

  public SamplingOptions {
    if (maxRowsPerTable < 1) {
      throw new IllegalArgumentException("maxRowsPerTable must be at least 1");
    }
    includeTables = includeTables == null ? List.of() : List.copyOf(includeTables);
    excludeTables = excludeTables == null ? List.of() : List.copyOf(excludeTables);
  }

  public TableFilter tables() {
    return new TableFilter(includeTables, excludeTables);
  }
}
