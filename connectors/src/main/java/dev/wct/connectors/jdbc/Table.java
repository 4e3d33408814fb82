package dev.wct.connectors.jdbc;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A table of the catalogue with its columns in table order.
 *
 * @param schema the schema (PostgreSQL), database (MySQL) or {@code main} (SQLite)
 */
public record Table(String schema, String name, List<Column> columns) {
  public Table {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
  }

  /** {@code schema.name}, unquoted, for messages and filters. */
  public String qualifiedName() {
    return schema + "." + name;
  }

  /** The primary key columns in key order; empty when the table has none. */
  public List<Column> primaryKey() {
    return columns.stream()
        .filter(Column::inPrimaryKey)
        .sorted(Comparator.comparingInt(Column::primaryKeyPosition))
        .toList();
  }
}
