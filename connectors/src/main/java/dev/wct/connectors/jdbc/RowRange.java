package dev.wct.connectors.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One partition of a table cut by rows: the rows whose key is greater than {@code after} and at
 * most {@code through}, in key order, the first of them being row {@code firstRow} of the whole
 * table's read.
 *
 * @param after the last key of the range before, null for the first range
 * @param through the last key of this range, null for the last range (open, so rows added since the
 *     listing are not lost)
 * @param firstRow the 0-based index, in the whole table's key order, of the range's first row
 * @param tableRows the rows the table held when it was cut (counted)
 */
record RowRange(Long after, Long through, long firstRow, long tableRows) {
  /** The descriptor's {@code rows} field. */
  void writeTo(ObjectNode rows) {
    if (after == null) {
      rows.putNull("after");
    } else {
      rows.put("after", after);
    }
    if (through == null) {
      rows.putNull("through");
    } else {
      rows.put("through", through);
    }
    rows.put("first_row", firstRow);
    rows.put("table_rows", tableRows);
  }

  /** The range of a descriptor's {@code rows} field; null when there is none. */
  static RowRange of(JsonNode rows) {
    if (rows == null || !rows.isObject()) {
      return null;
    }
    return new RowRange(
        rows.path("after").isIntegralNumber() ? rows.path("after").asLong() : null,
        rows.path("through").isIntegralNumber() ? rows.path("through").asLong() : null,
        rows.path("first_row").asLong(),
        rows.path("table_rows").asLong());
  }

  /** The {@code WHERE} condition on {@code key}; empty for a range without bounds. */
  String condition(String key) {
    if (after == null && through == null) {
      return "";
    }
    StringBuilder sql = new StringBuilder(" WHERE ");
    if (after != null) {
      sql.append(key).append(" > ").append(after);
    }
    if (through != null) {
      sql.append(after != null ? " AND " : "").append(key).append(" <= ").append(through);
    }
    return sql.toString();
  }
}
