package dev.wct.analysers.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.spi.message.ContentReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The table and column catalogue a database connector writes into its message metadata ({@code
 * metadata.catalogue.tables[].{schema, name, columns[].{name, data_type, key, references}}}, with
 * {@code metadata.system}): read before the items, so that column names are analysed even for a
 * table with no rows.
 */
public final class Catalogue {
  /**
   * One table of the catalogue, with its place, the places of its columns and their data types as
   * the database names them ({@code ""} where the catalogue has none).
   *
   * @param keys per column, {@code primary} or {@code foreign} when the catalogue declares the
   *     column part of such a key, else {@code ""} (and always in a catalogue written before
   *     connectors read keys)
   * @param references per column, the {@code schema.table.column} its foreign key refers to, else
   *     {@code ""}
   */
  public record Table(
      Location table,
      List<String> columns,
      List<Location> columnLocations,
      List<String> dataTypes,
      List<String> keys,
      List<String> references) {
    /** {@code schema.table}, as a foreign key's {@code references} starts. */
    public String qualifiedName() {
      return table.json().path("schema").asText("") + "." + table.json().path("table").asText();
    }

    /** True if the catalogue declares column {@code index} part of a primary or foreign key. */
    public boolean isKey(int index) {
      return !keys.get(index).isEmpty();
    }

    /**
     * The {@code schema.table} the foreign key of column {@code index} refers to, or null when the
     * catalogue declares none.
     */
    public String referencedTable(int index) {
      String target = references.get(index);
      int column = target.lastIndexOf('.');
      return column <= 0 ? null : target.substring(0, column);
    }

    /**
     * True if column {@code index} is declared of an integer or UUID type: a key of such a type is
     * a surrogate, a number the database gave the row, never a value of the person it may name.
     */
    public boolean isSurrogateType(int index) {
      String type = dataTypes.get(index).toLowerCase(java.util.Locale.ROOT).strip();
      return type.contains("int") || type.contains("serial") || type.equals("uuid");
    }

    /**
     * True if column {@code index} is declared boolean ({@code boolean}, {@code bool}, {@code
     * bit}).
     */
    public boolean isBoolean(int index) {
      String type = dataTypes.get(index).toLowerCase(java.util.Locale.ROOT).strip();
      return type.equals("boolean")
          || type.equals("bool")
          || type.equals("bit")
          || type.equals("bit(1)")
          || type.equals("tinyint(1)");
    }
  }

  private Catalogue() {}

  /** The tables of an input's catalogue; empty for inputs without one. */
  public static List<Table> of(ContentReader input) {
    JsonNode metadata = input.fields().path("metadata");
    JsonNode tables = metadata.path("catalogue").path("tables");
    if (!tables.isArray()) {
      return List.of();
    }
    // a partition ({artifact}~p000042) names the places of its artifact, as the whole does
    String id = input.header().id();
    String source = id.indexOf('~') > 0 ? id.substring(0, id.indexOf('~')) : id;
    String system = text(metadata.path("system"));
    List<Table> result = new ArrayList<>();
    for (JsonNode table : tables) {
      String name = text(table.path("name"));
      if (name == null) {
        continue;
      }
      String schema = text(table.path("schema"));
      List<String> columns = new ArrayList<>();
      List<Location> locations = new ArrayList<>();
      List<String> types = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      List<String> references = new ArrayList<>();
      for (JsonNode column : table.path("columns")) {
        String columnName = text(column.path("name"));
        if (columnName != null) {
          columns.add(columnName);
          String type = text(column.path("data_type"));
          types.add(type == null ? "" : type);
          keys.add(column.path("key").asText(""));
          references.add(column.path("references").asText(""));
          locations.add(Location.database(source, system, schema, name, columnName));
        }
      }
      result.add(
          new Table(
              Location.database(source, system, schema, name, null),
              List.copyOf(columns),
              List.copyOf(locations),
              List.copyOf(types),
              List.copyOf(keys),
              List.copyOf(references)));
    }
    return result;
  }

  private static String text(JsonNode node) {
    return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
  }
}
