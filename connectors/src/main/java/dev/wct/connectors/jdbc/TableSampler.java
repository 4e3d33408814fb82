package dev.wct.connectors.jdbc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.connectors.common.StandardInput;
import dev.wct.spi.ProducerContext;
import dev.wct.spi.message.ContentWriter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads at most {@code maxRows} rows of a table, bounded three ways ({@code LIMIT}, {@code
 * setMaxRows}, a query timeout) and streamed ({@code setFetchSize}), and writes one item per
 * non-null, non-binary cell: content {@code "<column>: <value>"}, source {@code
 * schema.table.column}, the {@code artifact} and database {@code system} that name the place for
 * analysers, and a 0-based {@code row} index. Rows come in primary key order when the table has
 * one, so repeated runs read the same rows.
 */
final class TableSampler {
  /** Upper bound for one table's query; a sample is never worth more. */
  static final int QUERY_TIMEOUT_SECONDS = 300;

  /** A large sample also heartbeats inside its table, so it is not mistaken for a stuck one. */
  static final int HEARTBEAT_EVERY_ROWS = 10_000;

  private static final int MAX_FETCH_SIZE = 1000;
  private static final Set<Integer> BINARY_TYPES =
      Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB);

  private final String connectorType;
  private final ProducerContext context;
  private final DatabaseSession session;
  private final String system;
  private final int maxRows;
  private final Function<String, String> quote;
  private final Function<Table, String> qualifiedName;
  private long nullCells;
  private long binaryCells;

  TableSampler(
      String connectorType,
      ProducerContext context,
      DatabaseSession session,
      String system,
      int maxRows,
      Function<String, String> quote,
      Function<Table, String> qualifiedName) {
    this.connectorType = connectorType;
    this.context = context;
    this.session = session;
    this.system = system;
    this.maxRows = maxRows;
    this.quote = quote;
    this.qualifiedName = qualifiedName;
  }

  long nullCells() {
    return nullCells;
  }

  long binaryCells() {
    return binaryCells;
  }

  /** Writes the table's items; returns the number of rows read. */
  long sample(Table table, ContentWriter out) throws SQLException {
    if (table.columns().isEmpty()) {
      return 0;
    }
    List<Column> columns = table.columns();
    try (PreparedStatement query = session.connection().prepareStatement(sql(table))) {
      query.setMaxRows(maxRows);
      query.setFetchSize(Math.min(maxRows, MAX_FETCH_SIZE));
      query.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      try (ResultSet rows = query.executeQuery()) {
        boolean[] binary = binaryColumns(rows.getMetaData());
        long row = 0;
        while (row < maxRows && rows.next()) {
          if (row > 0 && row % HEARTBEAT_EVERY_ROWS == 0) {
            context.heartbeat("table " + table.qualifiedName() + ": " + row + " rows");
          }
          for (int i = 0; i < columns.size(); i++) {
            writeCell(table, columns.get(i), row, rows, i + 1, binary[i], out);
          }
          row++;
        }
        return row;
      }
    }
  }

  String sql(Table table) {
    String select =
        table.columns().stream()
            .map(column -> quote.apply(column.name()))
            .collect(Collectors.joining(", "));
    String order =
        table.primaryKey().stream()
            .map(column -> quote.apply(column.name()))
            .collect(Collectors.joining(", "));
    return "SELECT "
        + select
        + " FROM "
        + qualifiedName.apply(table)
        + (order.isEmpty() ? "" : " ORDER BY " + order)
        + " LIMIT "
        + maxRows;
  }

  /** Binary columns are known from the result's metadata, so each cell is fetched once. */
  private static boolean[] binaryColumns(ResultSetMetaData metadata) throws SQLException {
    boolean[] binary = new boolean[metadata.getColumnCount()];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = BINARY_TYPES.contains(metadata.getColumnType(i + 1));
    }
    return binary;
  }

  private void writeCell(
      Table table,
      Column column,
      long row,
      ResultSet rows,
      int index,
      boolean binary,
      ContentWriter out)
      throws SQLException {
    if (binary) {
      if (rows.getBytes(index) == null) {
        nullCells++;
      } else {
        binaryCells++;
      }
      return;
    }
    String text = rows.getString(index);
    if (text == null) {
      nullCells++;
      return;
    }
    ObjectNode item =
        StandardInput.item(
            column.name() + ": " + text,
            table.qualifiedName() + "." + column.name(),
            connectorType);
    ObjectNode metadata = StandardInput.metadataOf(item);
    metadata.put("artifact", context.artifactId());
    metadata.put("system", system);
    metadata.put("schema", table.schema());
    metadata.put("table", table.name());
    metadata.put("column", column.name());
    metadata.put("data_type", column.dataType());
    metadata.put("row", row);
    out.item(item);
  }
}
