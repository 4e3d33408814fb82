package dev.wct.analysers.common;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Where a finding is: a database column (or table) {@code {source, system, schema, table, column}},
 * or a file (and CSV column) {@code {source, root, file_path, column}}; a document's sheet or page
 * adds {@code sheet} or {@code page}.
 *
 * <p>{@code source} is the connector artifact the place was read through; {@link #canonical} names
 * the place itself, without it, so that the same column or file read by two artifacts, or in two
 * runs, is the same place: {@code db|postgresql://127.0.0.1:5432/crm|public|customers|email},
 * {@code file|/srv/www/data/export.csv|iban}.
 *
 * @param canonical the place, independent of the artifact that read it
 * @param object the canonical name of the file or table holding it (for coverage)
 * @param json the location as findings show it (without {@code line})
 * @param databaseColumn true for a database column, whose values are counted
 */
public record Location(String canonical, String object, ObjectNode json, boolean databaseColumn) {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  public Location {
    Objects.requireNonNull(canonical, "canonical");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(json, "json");
  }

  /** A database column, or the table itself when {@code column} is null. */
  public static Location database(
      String source, String system, String schema, String table, String column) {
    ObjectNode json = JSON.objectNode();
    json.put("source", orUnknown(source));
    if (system != null) {
      json.put("system", system);
    }
    if (schema != null) {
      json.put("schema", schema);
    }
    json.put("table", table);
    if (column != null) {
      json.put("column", column);
    }
    // Without a system URL (an input from before 2.0.0) the artifact stands in for the server.
    String server = system != null ? system : "artifact:" + orUnknown(source);
    String object = "db|" + server + "|" + Objects.toString(schema, "") + "|" + table;
    String canonical = column == null ? object : object + "|" + column;
    return new Location(canonical, object, json, column != null);
  }

  /**
   * A file, one sheet or page of a document when {@code sheet} is not null or {@code page} is
   * positive, and one CSV (or sheet) column of it when {@code column} is not null.
   */
  public static Location file(
      String source, String root, String filePath, String sheet, long page, String column) {
    ObjectNode json = JSON.objectNode();
    json.put("source", orUnknown(source));
    if (root != null) {
      json.put("root", root);
    }
    json.put("file_path", filePath);
    if (column != null) {
      json.put("column", column);
    }
    String object = "file|" + path(source, root, filePath);
    String place = object;
    if (sheet != null) {
      json.put("sheet", sheet);
      place += "|sheet:" + sheet;
    }
    if (page > 0) {
      json.put("page", page);
      place += "|page:" + page;
    }
    String canonical = column == null ? place : place + "|" + column;
    return new Location(canonical, object, json, false);
  }

  /** The place of an item's text: its file, its database column, or its source name. */
  public static Location of(TextItem item) {
    if (item.isCell()) {
      return database(item.artifact(), item.system(), item.schema(), item.table(), item.column());
    }
    String path = item.filePath() != null ? item.filePath() : item.source();
    return file(
        item.artifact(),
        item.root(),
        path != null ? path : "(unnamed item)",
        item.sheet(),
        item.page(),
        null);
  }

  /** The place of an item as a whole: its file (not the part of it), or its database table. */
  public static Location objectOf(TextItem item) {
    if (item.isCell()) {
      return database(item.artifact(), item.system(), item.schema(), item.table(), null);
    }
    String path = item.filePath() != null ? item.filePath() : item.source();
    return file(
        item.artifact(), item.root(), path != null ? path : "(unnamed item)", null, -1, null);
  }

  /** The same file (or part of it), narrowed to one CSV or sheet column. */
  public Location withCsvColumn(String column) {
    return file(
        json.path("source").asText(),
        textOrNull("root"),
        json.path("file_path").asText(),
        textOrNull("sheet"),
        json.path("page").asLong(-1),
        column);
  }

  /** The same file, narrowed to one JSON path ({@code $.customers[*].email}). */
  public Location withJsonPath(String path) {
    ObjectNode narrowed = json.deepCopy();
    narrowed.put("json_path", path);
    return new Location(canonical + "|json:" + path, object, narrowed, false);
  }

  /**
   * True for a place whose values are counted ({@code values_examined}, {@code values_matched}): a
   * database column, a CSV or sheet column, a JSON path.
   */
  public boolean holdsValues() {
    return databaseColumn || json.has("column") || json.has("json_path");
  }

  private String textOrNull(String field) {
    return json.path(field).isTextual() ? json.get(field).asText() : null;
  }

  /**
   * The finding id: the first 16 hex digits of the SHA-256 of the analyser type, the canonical
   * place and the category. The same place and category give the same id in every run.
   */
  public String idFor(String analyser, String category) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] hash =
          sha.digest(
              (analyser + "\n" + canonical + "\n" + category).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String path(String source, String root, String filePath) {
    if (root == null) {
      return "artifact:" + orUnknown(source) + ":" + filePath;
    }
    String joined = root.endsWith("/") ? root + filePath : root + "/" + filePath;
    try {
      return java.nio.file.Path.of(joined).normalize().toString().replace('\\', '/');
    } catch (java.nio.file.InvalidPathException e) {
      return joined;
    }
  }

  private static String orUnknown(String source) {
    return source != null ? source : "unknown";
  }
}
