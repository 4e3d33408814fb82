package dev.wct.cli.report.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a finding is: a database column ({@code system, schema, table, column}) or a place in a
 * file ({@code root, file_path, line, column | json_path | sheet | page}), as the per-location
 * findings record it. Every field may be null.
 *
 * @param column a column name in a database, a column number in a file
 */
public record Location(
    String system,
    String source,
    String root,
    String schema,
    String table,
    String column,
    String filePath,
    Long line,
    String jsonPath,
    String sheet,
    Long page) {

  /** Reads a {@code location} object; null when the node is missing or not an object. */
  public static Location of(JsonNode node) {
    if (node == null || !node.isObject()) {
      return null;
    }
    return new Location(
        text(node, "system"),
        text(node, "source"),
        text(node, "root"),
        text(node, "schema"),
        text(node, "table"),
        text(node, "column"),
        text(node, "file_path"),
        number(node, "line"),
        text(node, "json_path"),
        text(node, "sheet"),
        number(node, "page"));
  }

  public boolean inFile() {
    return filePath != null;
  }

  /**
   * The object holding it, the unit of the data map: the file, or the table ({@code schema.table}),
   * else the source.
   */
  public String object() {
    if (filePath != null) {
      return filePath;
    }
    if (table != null) {
      return schema == null ? table : schema + "." + table;
    }
    return source == null ? "" : source;
  }

  /** Where inside the object: the column, the line (and column), JSON path, sheet or page. */
  public String detail() {
    List<String> parts = new ArrayList<>();
    if (filePath == null) {
      if (column != null) {
        parts.add("column " + column);
      }
    } else {
      if (line != null) {
        parts.add("line " + line + (column != null ? ":" + column : ""));
      }
      if (jsonPath != null) {
        parts.add(jsonPath);
      }
      if (sheet != null) {
        parts.add("sheet " + sheet);
      }
      if (page != null) {
        parts.add("page " + page);
      }
    }
    return String.join(", ", parts);
  }

  /**
   * As people read it: {@code app/users.php:12}, {@code export.csv:1 [iban]} (a CSV column), {@code
   * crm.customers.email}.
   */
  public String display() {
    if (filePath != null) {
      String place = filePath + (line != null ? ":" + line : "");
      if (column != null) {
        place += " [" + column + "]";
      }
      if (jsonPath != null) {
        place += " " + jsonPath;
      }
      if (sheet != null) {
        place += " sheet " + sheet;
      }
      if (page != null) {
        place += " page " + page;
      }
      return place;
    }
    if (table != null) {
      return object() + (column != null ? "." + column : "");
    }
    return source == null ? "" : source;
  }

  /** The system it belongs to: the database or file root, else its source; may be null. */
  public String systemName() {
    if (system != null) {
      return system;
    }
    return root != null ? root : source;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
  }

  private static Long number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.canConvertToLong() ? value.asLong() : null;
  }
}
