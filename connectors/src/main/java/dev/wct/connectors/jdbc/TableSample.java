package dev.wct.connectors.jdbc;

import java.util.Objects;

/**
 * A database's own sampling clause for a large table.
 *
 * @param sql what follows the table name, e.g. {@code TABLESAMPLE BERNOULLI (1.5) REPEATABLE (0)}
 * @param method how it is recorded, e.g. {@link SampleRecord#TABLESAMPLE_BERNOULLI}
 */
public record TableSample(String sql, String method) {
  public TableSample {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(method, "method");
  }
}
