package dev.wct.connectors.jdbc;

import java.util.Objects;

/**
 * A column of a sampled table.
 *
 * @param name the column name as the database spells it
 * @param dataType the database's own type name, e.g. {@code varchar} or {@code INTEGER}
 * @param position 1-based position in the table
 * @param primaryKeyPosition 1-based position in the primary key, 0 when not part of it
 * @param references the column a foreign key of the catalogue makes it refer to, or null
 */
public record Column(
    String name, String dataType, int position, int primaryKeyPosition, ColumnRef references) {
  public Column {
    Objects.requireNonNull(name, "name");
    dataType = dataType == null ? "" : dataType;
  }

  /** A column no foreign key starts from. */
  public Column(String name, String dataType, int position, int primaryKeyPosition) {
    this(name, dataType, position, primaryKeyPosition, null);
  }

  public boolean inPrimaryKey() {
    return primaryKeyPosition > 0;
  }

  public boolean inForeignKey() {
    return references != null;
  }

  /** This column, referring to {@code target}. */
  Column referring(ColumnRef target) {
    return new Column(name, dataType, position, primaryKeyPosition, target);
  }

  /**
   * A column of another (or the same) table, as a foreign key names it.
   *
   * @param schema the schema (PostgreSQL), database (MySQL) or {@code main} (SQLite)
   */
  public record ColumnRef(String schema, String table, String column) {
    public ColumnRef {
      Objects.requireNonNull(schema, "schema");
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
    }

    /** {@code schema.table.column}, unquoted. */
    public String qualifiedName() {
      return schema + "." + table + "." + column;
    }
  }
}
