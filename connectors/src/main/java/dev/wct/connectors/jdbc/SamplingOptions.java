package dev.wct.connectors.jdbc;

import dev.wct.spi.properties.Property;
import java.util.List;

/**
 * The properties every database connector shares: how many rows, picked how, which tables.
 * Flattened into each database connector's properties record.
 */
public record SamplingOptions(
    @Property(
            description = "At most this many rows are read from each table.",
            defaultValue = "" + SamplingOptions.DEFAULT_MAX_ROWS_PER_TABLE,
            minimum = 1)
        int maxRowsPerTable,
    @Property(
            description =
                "Seed of the random sample: the same seed reads the same rows of unchanged data,"
                    + " run after run; another seed can read other rows.",
            defaultValue = "" + SamplingOptions.DEFAULT_SAMPLE_SEED)
        long sampleSeed,
    @Property(
            description =
                "Tables with more rows than max_rows_per_table but at most this many are sampled"
                    + " exactly, in a seeded random order (a bounded full read of the table);"
                    + " larger ones by the database's TABLESAMPLE (PostgreSQL) or seeded key"
                    + " ranges (MySQL, SQLite).",
            defaultValue = "" + SamplingOptions.DEFAULT_RANDOM_ORDER_MAX_ROWS,
            minimum = 1)
        int randomOrderMaxRows,
    @Property(
            description =
                "Only these tables ('name' or 'schema.name', exact). Default: every table.")
        List<String> includeTables,
    @Property(
            description =
                "Never these tables ('name' or 'schema.name', exact); wins over include_tables.")
        List<String> excludeTables) {
  public static final int DEFAULT_MAX_ROWS_PER_TABLE = 1000;
  public static final long DEFAULT_SAMPLE_SEED = 0;
  public static final int DEFAULT_RANDOM_ORDER_MAX_ROWS = 100_000;

  public SamplingOptions {
    if (maxRowsPerTable < 1) {
      throw new IllegalArgumentException("maxRowsPerTable must be at least 1");
    }
    if (randomOrderMaxRows < 1) {
      throw new IllegalArgumentException("randomOrderMaxRows must be at least 1");
    }
    includeTables = includeTables == null ? List.of() : List.copyOf(includeTables);
    excludeTables = excludeTables == null ? List.of() : List.copyOf(excludeTables);
  }

  public TableFilter tables() {
    return new TableFilter(includeTables, excludeTables);
  }
}
