package dev.wct.connectors.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the tables of a catalogue from a query returning one row per column. */
public final class Catalogue {
  private Catalogue() {}

  /**
   * Runs {@code query}, whose columns are, in order: schema, table, column, data type, 1-based
   * column position, 1-based primary key position (0 or null when not in the key). Tables come back
   * sorted by schema then name, whatever collation the database sorts with, so that item order is
   * the same on every run.
   */
  public static List<Table> read(PreparedStatement query) throws SQLException {
    Map<List<String>, List<Column>> columnsByTable = new LinkedHashMap<>();
    query.setQueryTimeout(TableSampler.QUERY_TIMEOUT_SECONDS);
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        List<String> table = List.of(rows.getString(1), rows.getString(2));
        columnsByTable
            .computeIfAbsent(table, key -> new ArrayList<>())
            .add(new Column(rows.getString(3), rows.getString(4), rows.getInt(5), rows.getInt(6)));
      }
    }
    List<Table> tables = new ArrayList<>();
    columnsByTable.forEach(
        (key, columns) -> {
          columns.sort(Comparator.comparingInt(Column::position));
          tables.add(new Table(key.get(0), key.get(1), columns));
        });
    tables.sort(Comparator.comparing(Table::schema).thenComparing(Table::name));
    return List.copyOf(tables);
  }

  /**
   * Runs {@code query}, whose two parameters are the table's schema and name, and returns the long
   * in its first row and column; null if there is no row or the value is null.
   */
  public static Long singleLong(PreparedStatement query, Table table) throws SQLException {
    query.setString(1, table.schema());
    query.setString(2, table.name());
    query.setQueryTimeout(TableSampler.QUERY_TIMEOUT_SECONDS);
    try (ResultSet rows = query.executeQuery()) {
      if (!rows.next()) {
        return null;
      }
      long value = rows.getLong(1);
      return rows.wasNull() ? null : value;
    }
  }
}
