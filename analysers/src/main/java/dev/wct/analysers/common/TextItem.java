package dev.wct.analysers.common;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The view of one input item the analysers need: its text and where it came from. Items of {@code
 * standard_input} carry {@code content} and {@code metadata} ({@code file_path} and {@code root},
 * or {@code system}, {@code schema}, {@code table} and {@code column} for database cells, whose
 * content is {@code "<column>: <value>"}; {@code artifact}, the connector artifact's id); items of
 * {@code source_code} carry {@code content}, {@code file_path} and the connector's metadata.
 *
 * @param text the content, never null
 * @param filePath the file, or null
 * @param table the database table, or null
 * @param column the database column, or null
 * @param schema the database schema, or null
 * @param source the item's {@code metadata.source}, or null
 * @param root the folder {@code filePath} is relative to, or null
 * @param system the database system URL, without credentials, or null
 * @param artifact the id of the connector artifact the item comes from, or null
 * @param row the 0-based row of a database cell, or -1
 * @param sheet the sheet of a spreadsheet ({@code metadata.sheet}), or null
 * @param page the page of a PDF or slide of a presentation ({@code metadata.page}), or -1
 * @param firstLine the file's line the item's own text starts at: 1, or for one chunk of a file
 *     read in chunks its {@code metadata.first_line}
 * @param contextLines how many lines at the start of the text are copied from the file's head
 *     ({@code metadata.context_lines}: the header rows of a CSV file's later chunks), there to name
 *     the columns and read elsewhere already, so not to be scanned again
 */
public record TextItem(
    String text,
    String filePath,
    String table,
    String column,
    String schema,
    String source,
    String root,
    String system,
    String artifact,
    long row,
    String sheet,
    long page,
    long firstLine,
    int contextLines) {
  public TextItem {
    java.util.Objects.requireNonNull(text, "text");
  }

  /** An item that is not one chunk of a file. */
  public TextItem(
      String text,
      String filePath,
      String table,
      String column,
      String schema,
      String source,
      String root,
      String system,
      String artifact,
      long row,
      String sheet,
      long page) {
    this(
        text, filePath, table, column, schema, source, root, system, artifact, row, sheet, page, 1,
        0);
  }

  /** An item without root, system, artifact or row (tests, old inputs). */
  public TextItem(
      String text, String filePath, String table, String column, String schema, String source) {
    this(text, filePath, table, column, schema, source, null, null, null, -1, null, -1);
  }

  public static TextItem of(JsonNode item) {
    return of(item, null);
  }

  /**
   * @param inputId the id of the message the item is read from: its artifact when the item does not
   *     name one
   */
  public static TextItem of(JsonNode item, String inputId) {
    JsonNode metadata = item.path("metadata");
    JsonNode content = item.path("content");
    String text =
        content.isTextual() ? content.asText() : content.isMissingNode() ? "" : content.toString();
    String artifact = firstText(metadata.path("artifact"));
    JsonNode row = metadata.path("row");
    return new TextItem(
        text,
        firstText(item.path("file_path"), metadata.path("file_path")),
        firstText(metadata.path("table"), metadata.path("table_name")),
        firstText(metadata.path("column"), metadata.path("column_name")),
        firstText(metadata.path("schema")),
        firstText(metadata.path("source")),
        firstText(metadata.path("root")),
        firstText(metadata.path("system")),
        artifact != null ? artifact : inputId,
        row.canConvertToLong() ? row.asLong() : -1,
        firstText(metadata.path("sheet")),
        metadata.path("page").canConvertToLong() ? metadata.path("page").asLong() : -1,
        metadata.path("first_line").canConvertToLong()
            ? Math.max(1, metadata.path("first_line").asLong())
            : 1,
        metadata.path("context_lines").canConvertToInt()
            ? Math.max(0, metadata.path("context_lines").asInt())
            : 0);
  }

  private static String firstText(JsonNode... candidates) {
    for (JsonNode candidate : candidates) {
      if (candidate.isValueNode() && !candidate.isNull() && !candidate.asText().isEmpty()) {
        return candidate.asText();
      }
    }
    return null;
  }

  /** The names that say what the item is about: table, column and file path, when present. */
  public java.util.List<String> names() {
    java.util.List<String> names = new java.util.ArrayList<>(3);
    for (String name : new String[] {table, column, filePath}) {
      if (name != null) {
        names.add(name);
      }
    }
    return names;
  }

  /** True for a database cell. */
  public boolean isCell() {
    return table != null && column != null;
  }

  /** Where the value of a database cell starts in {@link #text}, or -1. */
  public int cellValueStart() {
    if (!isCell()) {
      return -1;
    }
    String prefix = column + ": ";
    return text.startsWith(prefix) ? prefix.length() : -1;
  }

  /** The 1-based line of {@code offset} in the text. */
  public int lineOf(int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /**
   * Where the item's own text starts: after its {@link #contextLines}, or 0. Offsets before it are
   * copies of text read in another item.
   */
  public int contentStart() {
    int start = 0;
    for (int line = 0; line < contextLines; line++) {
      int newline = text.indexOf('\n', start);
      if (newline < 0) {
        return text.length();
      }
      start = newline + 1;
    }
    return start;
  }

  /**
   * The file's 1-based line of the item's 1-based line {@code itemLine}: the same for a whole file,
   * shifted by where the chunk starts for one chunk of it.
   */
  public long fileLine(int itemLine) {
    return firstLine + itemLine - contextLines - 1;
  }

  /** Where the line holding {@code offset} starts. */
  public int lineStart(int offset) {
    int start = Math.min(offset, text.length());
    while (start > 0 && text.charAt(start - 1) != '\n') {
      start--;
    }
    return start;
  }
}
