package dev.wct.connectors.jdbc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.connectors.common.StandardInput;
import dev.wct.spi.ProducerContext;
import dev.wct.spi.message.ContentWriter;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads at most {@code maxRows} rows of a table, bounded three ways ({@code LIMIT}, {@code
 * setMaxRows}, a query timeout) and streamed ({@code setFetchSize}), and writes one item per
 * non-null, non-binary cell: content {@code "<column>: <value>"}, source {@code
 * schema.table.column}, the {@code artifact} and database {@code system} that name the place for
 * analysers, and a 0-based {@code row} index.
 *
 * <p>Which rows (see {@link SampleRecord}): a bounded count ({@code COUNT(*)} over at most {@code
 * max(maxRows, randomOrderMaxRows) + 1} rows, so it never scans more than that) tells small from
 * large tables. A table of at most {@code maxRows} rows is read whole in key order ({@code
 * all_rows}). Up to {@code randomOrderMaxRows} rows, the rows are ordered by a hash of the seed and
 * the primary key (every column without one) and the first {@code maxRows} taken ({@code
 * random_order}): exact and uniform, and the sort is bounded by the threshold. A larger table is
 * sampled without reading it whole: PostgreSQL's {@code TABLESAMPLE ... REPEATABLE (seed)}, else
 * seeded key ranges on an integer primary key, else (no such key) its first rows in key order,
 * recorded as {@code first_rows}. The same seed and unchanged data read the same rows in the same
 * order on every run.
 */
final class TableSampler {
  /** Upper bound for one table's query; a sample is never worth more. */
  static final int QUERY_TIMEOUT_SECONDS = 300;

  /** A large sample also heartbeats inside its table, so it is not mistaken for a stuck one. */
  static final int HEARTBEAT_EVERY_ROWS = 10_000;

  /**
   * {@code TABLESAMPLE} asks for this many times the rows wanted, so that the sample almost always
   * holds {@code maxRows}; the surplus is cut by the seeded hash order, not by position.
   */
  static final int TABLESAMPLE_OVERSAMPLING = 3;

  /** Key ranges: at most this many, of at least {@link #ROWS_PER_RANGE} rows each. */
  static final int MAX_KEY_RANGES = 100;

  static final int ROWS_PER_RANGE = 10;

  /**
   * Integer type names: {@code int}, {@code integer}, {@code bigint}, {@code int8}, {@code smallint
   * unsigned}, {@code serial}...; not {@code interval} nor {@code point}. Unsigned 64-bit keys
   * beyond {@code Long.MAX_VALUE} are left out below (no range).
   */
  private static final Pattern INTEGER_TYPE =
      Pattern.compile("((tiny|small|medium|big)?int(eger)?[248]?|(big|small)?serial)\\b.*");

  private static final int MAX_FETCH_SIZE = 1000;
  private static final Set<Integer> BINARY_TYPES =
      Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB);

  private final String connectorType;
  private final ProducerContext context;
  private final DatabaseSession session;
  private final String system;
  private final int maxRows;
  private final long seed;
  private final int randomOrderMaxRows;
  private final SamplingDialect dialect;
  private long nullCells;
  private long binaryCells;

  TableSampler(
      String connectorType,
      ProducerContext context,
      DatabaseSession session,
      String system,
      SamplingOptions options,
      SamplingDialect dialect) {
    this.connectorType = connectorType;
    this.context = context;
    this.session = session;
    this.system = system;
    this.maxRows = options.maxRowsPerTable();
    this.seed = options.sampleSeed();
    this.randomOrderMaxRows = options.randomOrderMaxRows();
    this.dialect = dialect;
  }

  long nullCells() {
    return nullCells;
  }

  long binaryCells() {
    return binaryCells;
  }

  /** Writes the table's items; returns how it was sampled and how many rows were read. */
  SampleRecord sample(Table table, ContentWriter out) throws SQLException {
    if (table.columns().isEmpty()) {
      return new SampleRecord(SampleRecord.ALL_ROWS, seed, 0, 0L);
    }
    Plan plan = plan(table);
    long read = read(table, plan.sql(), maxRows, 0, out);
    return new SampleRecord(plan.method(), seed, read, plan.rowsEstimated());
  }

  /**
   * Writes the items of one row range of a table read in full: the rows the whole table's read
   * ({@code all_rows}, in key order) has at those indexes, so the ranges in order hold exactly the
   * whole read's items.
   */
  SampleRecord sampleRange(Table table, RowRange range, ContentWriter out) throws SQLException {
    String key =
        dialect
            .rowKey(table)
            .orElseThrow(
                () ->
                    new SQLException(
                        "table " + table.qualifiedName() + " has no integer key to range on"));
    long limit = Math.max(1, maxRows - range.firstRow());
    String sql = select(table) + range.condition(key) + " ORDER BY " + key + " LIMIT " + limit;
    long read = read(table, sql, limit, range.firstRow(), out);
    return new SampleRecord(SampleRecord.ROW_RANGE, seed, read, range.tableRows());
  }

  /**
   * How {@code partition: {by: rows}} cuts a table: a table read in full (at most {@code
   * max_rows_per_table} rows) with more than {@code rowsPerPartition} rows and a {@link
   * SamplingDialect#rowKey} into ranges of that many rows, found by a keyset walk of the key
   * ({@code WHERE key > last ORDER BY key LIMIT 1 OFFSET n-1}, an index-only read); any other table
   * is one partition, with the reason when it could have been cut.
   */
  RowCut cutByRows(Table table, int rowsPerPartition) throws SQLException {
    if (table.columns().isEmpty()) {
      return RowCut.whole(null);
    }
    long counted = boundedCount(table, (long) maxRows + 1);
    if (counted > maxRows) {
      return RowCut.whole("sampled: more rows than max_rows_per_table (" + maxRows + ")");
    }
    if (counted <= rowsPerPartition) {
      return RowCut.whole(null);
    }
    Optional<String> key = dialect.rowKey(table);
    if (key.isEmpty()) {
      return RowCut.whole("no single-column integer primary key nor row id");
    }
    List<Long> throughs = new ArrayList<>();
    Long after = null;
    while ((long) (throughs.size() + 1) * rowsPerPartition < counted) {
      String sql =
          "SELECT "
              + key.get()
              + " FROM "
              + dialect.qualifiedName(table)
              + (after == null ? "" : " WHERE " + key.get() + " > " + after)
              + " ORDER BY "
              + key.get()
              + " LIMIT 1 OFFSET "
              + (rowsPerPartition - 1);
      BigInteger last;
      try (PreparedStatement query = session.connection().prepareStatement(sql)) {
        query.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        try (ResultSet rows = query.executeQuery()) {
          last = rows.next() ? integer(rows.getString(1)) : null;
        }
      }
      if (last == null) {
        break; // fewer rows than counted: the table shrank since
      }
      if (last.bitLength() > 63) {
        return RowCut.whole("key values beyond a signed 64-bit integer");
      }
      after = last.longValueExact();
      throughs.add(after);
      context.heartbeat("table " + table.qualifiedName() + ": cut at row " + throughs.size());
    }
    List<RowRange> ranges = new ArrayList<>();
    Long from = null;
    for (int i = 0; i <= throughs.size(); i++) {
      Long through = i < throughs.size() ? throughs.get(i) : null;
      ranges.add(new RowRange(from, through, (long) i * rowsPerPartition, counted));
      from = through;
    }
    return new RowCut(ranges, null);
  }

  /**
   * A table's row cut: its ranges, or none when the table is one partition ({@code reason} says
   * why, when it could have been cut but was not).
   */
  record RowCut(List<RowRange> ranges, String reason) {
    static RowCut whole(String reason) {
      return new RowCut(List.of(), reason);
    }
  }

  /** The query and the method, from a bounded count of the table's rows. */
  Plan plan(Table table) throws SQLException {
    long countLimit = (long) Math.max(maxRows, randomOrderMaxRows) + 1;
    long counted = boundedCount(table, countLimit);
    if (counted <= maxRows) {
      return new Plan(SampleRecord.ALL_ROWS, keyOrderSql(table), counted);
    }
    if (counted < countLimit) {
      return new Plan(SampleRecord.RANDOM_ORDER, randomOrderSql(table, ""), counted);
    }
    Long estimated = dialect.estimatedRows(table);
    long atLeast = estimated == null ? countLimit : Math.max(estimated, countLimit);
    double percent = Math.min(100.0, 100.0 * TABLESAMPLE_OVERSAMPLING * maxRows / atLeast);
    Optional<TableSample> tableSample = dialect.tableSample(percent, seed, estimated);
    if (tableSample.isPresent()) {
      return new Plan(
          tableSample.get().method(),
          randomOrderSql(table, " " + tableSample.get().sql()),
          estimated);
    }
    Optional<Column> integerKey = integerKey(table);
    if (integerKey.isPresent()) {
      Optional<String> ranges = keyRangesSql(table, integerKey.get());
      if (ranges.isPresent()) {
        return new Plan(SampleRecord.KEY_RANGES, ranges.get(), estimated);
      }
    }
    return new Plan(SampleRecord.FIRST_ROWS, keyOrderSql(table), estimated);
  }

  /** {@code COUNT(*)} of at most {@code limit} rows: never reads more than that. */
  private long boundedCount(Table table, long limit) throws SQLException {
    String sql =
        "SELECT COUNT(*) FROM (SELECT 1 FROM "
            + dialect.qualifiedName(table)
            + " LIMIT "
            + limit
            + ") counted";
    try (PreparedStatement query = session.connection().prepareStatement(sql)) {
      query.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** Reads at most {@code limit} rows, numbering them from {@code firstRow}. */
  private long read(Table table, String sql, long limit, long firstRow, ContentWriter out)
      throws SQLException {
    List<Column> columns = table.columns();
    try (PreparedStatement query = session.connection().prepareStatement(sql)) {
      query.setMaxRows((int) Math.min(Integer.MAX_VALUE, limit));
      query.setFetchSize((int) Math.min(limit, MAX_FETCH_SIZE));
      query.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      try (ResultSet rows = query.executeQuery()) {
        boolean[] binary = binaryColumns(rows.getMetaData());
        long row = 0;
        while (row < limit && rows.next()) {
          if (row > 0 && row % HEARTBEAT_EVERY_ROWS == 0) {
            context.heartbeat("table " + table.qualifiedName() + ": " + row + " rows");
          }
          for (int i = 0; i < columns.size(); i++) {
            writeCell(table, columns.get(i), firstRow + row, rows, i + 1, binary[i], out);
          }
          row++;
        }
        return row;
      }
    }
  }

  private String select(Table table) {
    return "SELECT "
        + table.columns().stream()
            .map(column -> dialect.quote(column.name()))
            .collect(Collectors.joining(", "))
        + " FROM "
        + dialect.qualifiedName(table);
  }

  private List<String> quotedKey(Table table) {
    return table.primaryKey().stream().map(column -> dialect.quote(column.name())).toList();
  }

  /**
   * The first {@code maxRows} rows in primary key order (row id order without a key, when the
   * database has row ids; as they come otherwise).
   */
  String keyOrderSql(Table table) {
    List<String> key = quotedKey(table);
    if (key.isEmpty()) {
      key = dialect.rowKey(table).map(List::of).orElse(List.of());
    }
    return select(table)
        + (key.isEmpty() ? "" : " ORDER BY " + String.join(", ", key))
        + " LIMIT "
        + maxRows;
  }

  /**
   * The first {@code maxRows} rows by a seeded hash of the key (of every column without one), the
   * key breaking ties; {@code tableSample} narrows the rows hashed.
   */
  private String randomOrderSql(Table table, String tableSample) {
    List<String> key = quotedKey(table);
    List<String> hashed =
        key.isEmpty()
            ? table.columns().stream().map(column -> dialect.quote(column.name())).toList()
            : key;
    List<String> order = new ArrayList<>();
    order.add(dialect.sampleHash(seed, hashed));
    order.addAll(key);
    return select(table)
        + tableSample
        + " ORDER BY "
        + String.join(", ", order)
        + " LIMIT "
        + maxRows;
  }

  /** A single-column primary key of an integer type; key ranges need one. */
  static Optional<Column> integerKey(Table table) {
    List<Column> key = table.primaryKey();
    if (key.size() != 1) {
      return Optional.empty();
    }
    String type = key.get(0).dataType().toLowerCase(Locale.ROOT).strip();
    return INTEGER_TYPE.matcher(type).matches() ? Optional.of(key.get(0)) : Optional.empty();
  }

  /**
   * Seeded random start keys between the key's minimum and maximum (two index look-ups), and a run
   * of rows in key order from each start up to the next, all in one {@code UNION ALL} query: each
   * run is an index range scan, so the query reads about {@code maxRows} rows whatever the table's
   * size. Ranges never overlap; a run cut short by a gap in the keys makes the sample smaller,
   * never larger, and {@code rows_read} says so. Empty when the key has no range.
   */
  private Optional<String> keyRangesSql(Table table, Column keyColumn) throws SQLException {
    String key = dialect.quote(keyColumn.name());
    long min;
    long max;
    try (PreparedStatement query =
        session
            .connection()
            .prepareStatement(
                "SELECT MIN(" + key + "), MAX(" + key + ") FROM " + dialect.qualifiedName(table))) {
      query.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        BigInteger low = integer(rows.getString(1));
        BigInteger high = integer(rows.getString(2));
        if (low == null
            || high == null
            || high.compareTo(low) <= 0
            || low.bitLength() > 62
            || high.bitLength() > 62) {
          return Optional.empty(); // empty, one key, or beyond what a long range can hold
        }
        min = low.longValueExact();
        max = high.longValueExact();
      }
    }
    int ranges = Math.max(1, Math.min(MAX_KEY_RANGES, maxRows / ROWS_PER_RANGE));
    int perRange = (maxRows + ranges - 1) / ranges;
    SplittableRandom random = new SplittableRandom(seed);
    TreeSet<Long> starts = new TreeSet<>();
    for (int i = 0; i < ranges; i++) {
      starts.add(random.nextLong(min, max + 1));
    }
    List<Long> sorted = new ArrayList<>(starts);
    List<String> runs = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      String upper = i + 1 < sorted.size() ? " AND " + key + " < " + sorted.get(i + 1) : "";
      runs.add(
          "SELECT * FROM ("
              + select(table)
              + " WHERE "
              + key
              + " >= "
              + sorted.get(i)
              + upper
              + " ORDER BY "
              + key
              + " LIMIT "
              + perRange
              + ") run"
              + i);
    }
    return Optional.of(String.join(" UNION ALL ", runs) + " LIMIT " + maxRows);
  }

  private static BigInteger integer(String text) {
    if (text == null) {
      return null;
    }
    try {
      return new BigInteger(text.strip());
    } catch (NumberFormatException e) {
      return null; // e.g. SQLite text stored in an INTEGER column
    }
  }

  /** A table's query, how it samples and the rows the table holds (null if unknown). */
  record Plan(String method, String sql, Long rowsEstimated) {}

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
