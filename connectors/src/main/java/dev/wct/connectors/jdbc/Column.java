package dev.wct.connectors.jdbc;

import java.util.Objects;

/**
 * A column of a sampled table.
 *
 * @param name the column name as the database spells it
 * @param dataType the database's own type name, e.g. {@code varchar} or {@code INTEGER}
 * @param position 1-based position in the table
 * @param primaryKeyPosition 1-based position in the primary key, 0 when not part of it
 */
public record Column(String name, String dataType, int position, int primaryKeyPosition) {
  public Column {
    Objects.requireNonNull(name, "name");
    dataType = dataType == null ? "" : dataType;
  }

  public boolean inPrimaryKey() {
    return primaryKeyPosition > 0;
  }
}
