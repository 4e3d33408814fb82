package dev.wct.connectors.jdbc;

import java.util.List;
import java.util.Optional;

/** What the sampler asks of one database's SQL. */
interface SamplingDialect {
  /** Quotes one identifier. */
  String quote(String identifier);

  /** The table's name as it appears after {@code FROM}. */
  String qualifiedName(Table table);

  /**
   * An expression that orders rows pseudo-randomly by a hash of {@code seed} and the given (already
   * quoted) columns: the same for the same seed and values on every run.
   */
  String sampleHash(long seed, List<String> quotedColumns);

  /**
   * The clause after the table name that makes the database sample about {@code percent} of its
   * rows, reproducibly for {@code seed}; empty when the database has none (then the sampler reads
   * key ranges).
   */
  Optional<TableSample> tableSample(double percent, long seed, Long estimatedRows);

  /** The statistics' row count, or null when unknown or failing. */
  Long estimatedRows(Table table);

  /**
   * A unique integer key of the table's rows, as SQL (quoted): its single-column integer primary
   * key, or a database's own row id; empty when there is none. Row ranges need one.
   */
  Optional<String> rowKey(Table table);
}
