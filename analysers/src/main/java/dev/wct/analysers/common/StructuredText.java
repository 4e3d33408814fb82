package dev.wct.analysers.common;

import java.util.Map;

/**
 * Text whose values sit in named fields, each a place of its own like a database column: a CSV
 * file's or a sheet's columns ({@link CsvColumns}), a JSON file's paths ({@link JsonPaths}).
 */
public interface StructuredText {
  /** The field holding {@code offset}, or null when none does. */
  String fieldAt(int offset);

  /** Which value of the text {@code offset} falls in (distinct per row or JSON value), or -1. */
  long valueAt(int offset);

  /** True when {@code offset} is in a header that names the fields (a CSV header line). */
  boolean inHeader(int offset);

  /** How many non-empty values each field holds in the text. */
  Map<String, Long> valuesPerField();

  /** The place of {@code field} in {@code file}. */
  Location locate(Location file, String field);

  /** The fields of {@code item}: its CSV or sheet columns, its JSON paths, or null. */
  static StructuredText of(TextItem item) {
    CsvColumns columns = CsvColumns.of(item);
    return columns != null ? columns : JsonPaths.of(item);
  }
}
