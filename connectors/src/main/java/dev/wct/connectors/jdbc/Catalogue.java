package dev.wct.connectors.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

  /**
   * The tables with the foreign keys of {@code query}, one query for the whole catalogue. Its
   * columns are, in order: schema, table and column of the referring column, then schema, table and
   * column of the column it refers to, and the 1-based position of the column in its key. A null
   * referred column (SQLite's {@code REFERENCES t} without a column list) is the referred table's
   * primary key column at that position. A column in two foreign keys keeps the first one.
   */
  public static List<Table> withForeignKeys(List<Table> tables, PreparedStatement query)
      throws SQLException {
    Map<List<String>, Table> byName = new HashMap<>();
    Map<List<String>, Table> byLowerCaseName = new HashMap<>();
    for (Table table : tables) {
      byName.put(List.of(table.schema(), table.name()), table);
      byLowerCaseName.putIfAbsent(lowerCase(table.schema(), table.name()), table);
    }
    Map<List<String>, Column.ColumnRef> references = new HashMap<>();
    query.setQueryTimeout(TableSampler.QUERY_TIMEOUT_SECONDS);
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        String schema = rows.getString(4);
        String table = rows.getString(5);
        String column = rows.getString(6);
        // SQLite keeps the names as the key's text spells them, in any case.
        Table referred = byName.get(List.of(schema, table));
        referred = referred != null ? referred : byLowerCaseName.get(lowerCase(schema, table));
        if (referred != null) {
          schema = referred.schema();
          table = referred.name();
        }
        if (column == null) {
          int position = rows.getInt(7);
          if (referred == null || referred.primaryKey().size() < position || position < 1) {
            continue;
          }
          column = referred.primaryKey().get(position - 1).name();
        }
        Column.ColumnRef target = new Column.ColumnRef(schema, table, column);
        List<String> from = List.of(rows.getString(1), rows.getString(2), rows.getString(3));
        references.putIfAbsent(from, target);
        references.putIfAbsent(lowerCase(from), target);
      }
    }
    if (references.isEmpty()) {
      return tables;
    }
    List<Table> result = new ArrayList<>(tables.size());
    for (Table table : tables) {
      List<Column> columns = new ArrayList<>(table.columns().size());
      for (Column column : table.columns()) {
        List<String> name = List.of(table.schema(), table.name(), column.name());
        Column.ColumnRef target = references.get(name);
        target = target != null ? target : references.get(lowerCase(name));
        columns.add(target == null ? column : column.referring(target));
      }
      result.add(new Table(table.schema(), table.name(), columns));
    }
    return List.copyOf(result);
  }

  private static List<String> lowerCase(String schema, String table) {
    return lowerCase(List.of(schema, table));
  }

  private static List<String> lowerCase(List<String> names) {
    return names.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
  }
}
