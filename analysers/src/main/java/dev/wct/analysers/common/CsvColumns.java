package dev.wct.analysers.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of a CSV or TSV text: its header line, and which header names the field an offset
 * falls in. The header rule is the one {@link dev.wct.analysers.personaldata.Redactor} uses to
 * leave header names in clear, so a column named in a finding's location is never a masked value.
 */
public final class CsvColumns implements StructuredText {
  private final String text;
  private final int headerEnd;
  private final int rowsStart;
  private final char delimiter;
  private final List<String> names;

  private CsvColumns(
      String text, int headerEnd, int rowsStart, char delimiter, List<String> names) {
    this.text = text;
    this.headerEnd = headerEnd;
    this.rowsStart = rowsStart;
    this.delimiter = delimiter;
    this.names = names;
  }

  /** True for a {@code .csv} or {@code .tsv} path. */
  public static boolean isCsv(String path) {
    String lower = path == null ? "" : path.toLowerCase(Locale.ROOT);
    return lower.endsWith(".csv") || lower.endsWith(".tsv");
  }

  /**
   * True for a CSV or TSV file, or a spreadsheet's sheet: text whose first line may name columns.
   */
  public static boolean isTabular(TextItem item) {
    return !item.isCell() && (item.sheet() != null || isCsv(item.filePath()));
  }

  /**
   * Where the header line of a CSV text ends, or -1 when its first line does not look like one: a
   * header has no digit while the line after it has (so a first data row is never taken for names).
   */
  public static int headerEnd(String text) {
    int first = text.indexOf('\n');
    if (first <= 0) {
      return -1;
    }
    int second = text.indexOf('\n', first + 1);
    String header = text.substring(0, first);
    String row = text.substring(first + 1, second < 0 ? text.length() : second);
    boolean headerHasDigit = header.chars().anyMatch(Character::isDigit);
    boolean rowHasDigit = row.chars().anyMatch(Character::isDigit);
    return !headerHasDigit && rowHasDigit ? first : -1;
  }

  /**
   * The columns of {@code item}, or null when it is neither a CSV file nor a spreadsheet's sheet
   * (whose rows the filesystem connector writes as tab-separated lines), or has no header line.
   */
  public static CsvColumns of(TextItem item) {
    if (!isTabular(item)) {
      return null;
    }
    String text = item.text();
    int end = headerEnd(text);
    if (end <= 0) {
      return null;
    }
    String header = text.substring(0, end);
    char delimiter = delimiterOf(header);
    List<String> names = new ArrayList<>();
    for (String field : split(header, delimiter)) {
      String name = field.strip();
      if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
        name = name.substring(1, name.length() - 1).strip();
      }
      names.add(name);
    }
    // A later chunk of a file repeats its header and first row: its own rows start after them.
    int rowsStart = Math.max(end + 1, item.contentStart());
    return new CsvColumns(text, end, rowsStart, delimiter, List.copyOf(names));
  }

  /** The header's column names, in order ({@code ""} for an unnamed column). */
  public List<String> names() {
    return names;
  }

  /** What receives one field of a column: its start and end offsets, quotes excluded. */
  public interface FieldConsumer {
    void accept(int start, int end);
  }

  /**
   * Calls {@code consumer} with every non-empty field of column {@code index}, over the rows after
   * the header (and after a chunk's copies of the file's head), in row order.
   */
  public void forEachField(int index, FieldConsumer consumer) {
    int field = 0;
    boolean quoted = false;
    int start = rowsStart;
    for (int i = rowsStart; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : '\n';
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == delimiter || c == '\n')) {
        if (field == index) {
          int from = start;
          int to = i;
          while (from < to
              && (Character.isWhitespace(text.charAt(from)) || text.charAt(from) == '"')) {
            from++;
          }
          while (to > from
              && (Character.isWhitespace(text.charAt(to - 1)) || text.charAt(to - 1) == '"')) {
            to--;
          }
          if (from < to) {
            consumer.accept(from, to);
          }
        }
        field = c == '\n' ? 0 : field + 1;
        start = i + 1;
      }
    }
  }

  /** True when {@code offset} is in the header line. */
  @Override
  public boolean inHeader(int offset) {
    return offset < headerEnd;
  }

  /** The row: where the line holding {@code offset} starts. */
  @Override
  public long valueAt(int offset) {
    int start = Math.min(offset, text.length());
    while (start > 0 && text.charAt(start - 1) != '\n') {
      start--;
    }
    return start;
  }

  /** Non-empty fields per column, over the rows after the header (and after a chunk's copies). */
  @Override
  public Map<String, Long> valuesPerField() {
    Map<String, Long> values = new LinkedHashMap<>();
    for (String name : names) {
      if (!name.isEmpty()) {
        values.put(name, 0L);
      }
    }
    int field = 0;
    boolean quoted = false;
    boolean filled = false;
    for (int i = rowsStart; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : '\n';
      boolean end = !quoted && (c == delimiter || c == '\n');
      if (end) {
        if (filled && field < names.size() && !names.get(field).isEmpty()) {
          values.merge(names.get(field), 1L, Long::sum);
        }
        field = c == '\n' ? 0 : field + 1;
        filled = false;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!Character.isWhitespace(c)) {
        filled = true;
      }
    }
    return values;
  }

  @Override
  public String fieldAt(int offset) {
    return columnAt(offset);
  }

  @Override
  public Location locate(Location file, String field) {
    return file.withCsvColumn(field);
  }

  /** The header name of the field holding {@code offset}, or null when there is none. */
  public String columnAt(int offset) {
    int start = offset;
    while (start > 0 && text.charAt(start - 1) != '\n') {
      start--;
    }
    int field = 0;
    boolean quoted = false;
    for (int i = start; i < offset && i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == delimiter && !quoted) {
        field++;
      }
    }
    if (field >= names.size() || names.get(field).isEmpty()) {
      return null;
    }
    return names.get(field);
  }

  private static char delimiterOf(String header) {
    char best = ',';
    long most = header.chars().filter(c -> c == ',').count();
    for (char candidate : new char[] {';', '\t', '|'}) {
      long count = header.chars().filter(c -> c == candidate).count();
      if (count > most) {
        most = count;
        best = candidate;
      }
    }
    return best;
  }

  private static List<String> split(String line, char delimiter) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
        field.append(c);
      } else if (c == delimiter && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c != '\r') {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
