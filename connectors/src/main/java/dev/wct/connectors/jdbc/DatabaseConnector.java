package dev.wct.connectors.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.wct.connectors.common.StandardInput;
import dev.wct.spi.PartitionedConnector;
import dev.wct.spi.ProducerContext;
import dev.wct.spi.coverage.SkipReason;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.spi.message.ContentWriter;
import dev.wct.spi.message.SchemaRef;
import dev.wct.spi.properties.PropertiesContract;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every database connector does the same way: open a read-only session, read the catalogue,
 * filter the tables, sample a bounded number of rows from each and write one item per non-null
 * cell. A subclass only says what its properties are, how to connect, how to read its catalogue and
 * how to quote names.
 *
 * @param <P> the connector's properties record
 */
public abstract class DatabaseConnector<P extends Record> implements PartitionedConnector {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseConnector.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Rows per partition of {@code partition: {by: rows}} without {@code max_items}. */
  public static final int DEFAULT_ROWS_PER_PARTITION = 100_000;

  /** The connector's property contract. */
  protected abstract PropertiesContract<P> contract();

  /** The sampling part of the bound properties. */
  protected abstract SamplingOptions sampling(P properties);

  /**
   * Opens a read-only session.
   *
   * @throws WctException when the database cannot be reached or refuses the session (see {@link
   *     ConnectionFailures})
   */
  protected abstract DatabaseSession open(P properties, ProducerContext context);

  /** The base tables to consider, each with its columns, before the table filters. */
  protected abstract List<Table> readCatalogue(Connection connection, P properties)
      throws SQLException;

  /**
   * {@code tables} with the foreign keys the catalogue declares among them ({@link
   * Catalogue#withForeignKeys}), read in one query; by default none. Read only where items are
   * written, for the metadata; a failure leaves the tables without foreign keys.
   */
  protected List<Table> withForeignKeys(Connection connection, P properties, List<Table> tables)
      throws SQLException {
    return tables;
  }

  /** Quotes one identifier for this database's SQL. */
  protected abstract String quote(String identifier);

  /**
   * The database system as a URL without credentials, which with schema, table and column names a
   * place for good: {@code postgresql://127.0.0.1:5432/crm}, {@code sqlite:///srv/app/app.db}.
   * Written into the message metadata and every item's metadata, where analysers read it.
   */
  protected String system(DatabaseSession session) {
    return session.source();
  }

  /** The table's name as it appears after {@code FROM}. */
  protected String qualifiedName(Table table) {
    return quote(table.schema()) + "." + quote(table.name());
  }

  /**
   * The rows a table holds by the database's statistics, when it keeps them cheaply; null if
   * unknown. Only asked for tables with more rows than {@code random_order_max_rows}.
   */
  protected Long estimatedRows(Connection connection, Table table) throws SQLException {
    return null;
  }

  /**
   * An expression ordering rows by a hash of {@code seed} and the (quoted) columns, the same on
   * every run for the same values. By default {@code md5(concat_ws('|', seed, columns...))}, which
   * PostgreSQL and MySQL/MariaDB share; the seed is part of the hashed text, so another seed is
   * another order.
   */
  protected String sampleHash(long seed, List<String> quotedColumns) {
    return "md5(concat_ws('|', '" + seed + "', " + String.join(", ", quotedColumns) + "))";
  }

  /**
   * The clause after a large table's name that samples about {@code percent} of its rows,
   * reproducibly for {@code seed}; empty (the default) when the database has no such clause, and
   * then large tables are read in seeded key ranges.
   *
   * @param estimatedRows the statistics' row count, null if unknown
   */
  protected Optional<TableSample> tableSample(double percent, long seed, Long estimatedRows) {
    return Optional.empty();
  }

  /**
   * A unique integer key of the table's rows as SQL, for row ranges ({@code partition: {by:
   * rows}}): by default its single-column integer primary key; a database with row ids may name
   * them for a table without a primary key.
   */
  protected Optional<String> rowKey(Table table) {
    return TableSampler.integerKey(table).map(column -> quote(column.name()));
  }

  /** The error for a failed catalogue read; by default the database is at fault. */
  protected WctException catalogueFailure(DatabaseSession session, SQLException e) {
    return new WctException(
        ErrorKind.EXTERNAL,
        type()
            + ": cannot read the catalogue of "
            + session.location()
            + ": "
            + ConnectionFailures.oneLine(e.getMessage(), Optional.empty()));
  }

  @Override
  public final JsonNode propertiesSchema() {
    return contract().schema();
  }

  /** Binds the properties and opens a session, as {@link #extract} does. */
  final DatabaseSession openSession(JsonNode properties, ProducerContext context) {
    return open(contract().bind(type(), properties), context);
  }

  @Override
  public final List<SchemaRef> outputSchemas() {
    return StandardInput.SCHEMAS;
  }

  @Override
  public final void extract(ProducerContext context, JsonNode properties, ContentWriter out) {
    extract(context, properties, null, false, null, out);
  }

  @Override
  public final Set<Cut> cuts() {
    return Set.of(Cut.TABLE, Cut.ROWS);
  }

  /**
   * By table: one table per partition, or {@code max_items} tables, in schema then name order. By
   * rows: each table in the same order, a table read in full cut into key ranges of {@code
   * max_items} rows (see {@link TableSampler#cutByRows}).
   */
  @Override
  public final List<JsonNode> partitions(
      ProducerContext context, JsonNode properties, PartitionLimits limits) {
    P bound = contract().bind(type(), properties);
    context.coverage().objectsAre("tables");
    if (limits.cut() == Cut.ROWS) {
      return rowPartitions(context, bound, limits.maxItems());
    }
    int perPartition = Math.max(1, limits.maxItems());
    List<JsonNode> partitions = new ArrayList<>();
    try (DatabaseSession session = open(bound, context)) {
      List<Table> tables = tables(context, session, bound, sampling(bound).tables(), false);
      for (int from = 0; from < tables.size(); from += perPartition) {
        ObjectNode partition = JsonNodeFactory.instance.objectNode();
        ArrayNode names = partition.putArray("tables");
        for (Table table : tables.subList(from, Math.min(tables.size(), from + perPartition))) {
          names.add(table.qualifiedName());
        }
        partitions.add(partition);
      }
    }
    return partitions;
  }

  private List<JsonNode> rowPartitions(ProducerContext context, P bound, int maxItems) {
    int rowsPerPartition = maxItems > 0 ? maxItems : DEFAULT_ROWS_PER_PARTITION;
    SamplingOptions sampling = sampling(bound);
    List<JsonNode> partitions = new ArrayList<>();
    try (DatabaseSession session = open(bound, context)) {
      List<Table> tables = tables(context, session, bound, sampling.tables(), false);
      TableSampler sampler =
          new TableSampler(type(), context, session, system(session), sampling, dialect(session));
      for (Table table : tables) {
        TableSampler.RowCut cut;
        try {
          cut = sampler.cutByRows(table, rowsPerPartition);
        } catch (SQLException e) {
          // The table's own partition reads it, and skips or fails it as an unpartitioned run
          // would.
          endFailedTransaction(session);
          cut =
              TableSampler.RowCut.whole(
                  "cannot cut: " + ConnectionFailures.oneLine(e.getMessage(), Optional.empty()));
        }
        if (cut.ranges().isEmpty()) {
          ObjectNode partition = NODES.objectNode().put("cut", "rows");
          partition.putArray("tables").add(table.qualifiedName());
          if (cut.reason() != null) {
            partition.put("not_cut", cut.reason());
            LOG.info(
                "{}: table {} is one partition: {}", type(), table.qualifiedName(), cut.reason());
          }
          partitions.add(partition);
          continue;
        }
        for (RowRange range : cut.ranges()) {
          ObjectNode partition = NODES.objectNode().put("cut", "rows");
          partition.putArray("tables").add(table.qualifiedName());
          range.writeTo(partition.putObject("rows"));
          partitions.add(partition);
        }
      }
    }
    return partitions;
  }

  @Override
  public final void extractPartition(
      ProducerContext context, JsonNode properties, JsonNode partition, ContentWriter out) {
    Set<String> names = new HashSet<>();
    partition.path("tables").forEach(name -> names.add(name.asText()));
    boolean byRows = "rows".equals(partition.path("cut").asText());
    extract(context, properties, names, byRows, RowRange.of(partition.get("rows")), out);
  }

  /**
   * Samples the tables that pass the filters, or only those of {@code only} when not null; only the
   * rows of {@code range} of the one table of {@code only} when {@code range} is not null.
   *
   * @param wholeCatalogue whether the metadata lists every table that passes the filters, not only
   *     those of {@code only}: a partition of a cut by rows, whose readers read all partitions as
   *     one message with the first partition's metadata, so it must be the whole source's
   */
  private void extract(
      ProducerContext context,
      JsonNode properties,
      Set<String> only,
      boolean wholeCatalogue,
      RowRange range,
      ContentWriter out) {
    P bound = contract().bind(type(), properties);
    SamplingOptions sampling = sampling(bound);
    context.coverage().objectsAre("tables");
    try (DatabaseSession session = open(bound, context)) {
      List<Table> catalogue =
          tables(only == null ? context : NO_COVERAGE, session, bound, sampling.tables(), true);
      List<Table> tables =
          only == null
              ? catalogue
              : catalogue.stream().filter(table -> only.contains(table.qualifiedName())).toList();
      out.field("name", TextNode.valueOf(type() + " sample of " + session.source()));
      out.field(
          "description",
          TextNode.valueOf(
              "Up to "
                  + sampling.maxRowsPerTable()
                  + " rows per table read by the "
                  + type()
                  + " connector from "
                  + session.source()));
      out.field("source", TextNode.valueOf(session.source()));
      String system = system(session);
      out.field(
          "metadata", metadata(session, system, sampling, wholeCatalogue ? catalogue : tables));
      out.field("summary", sample(context, session, system, sampling, tables, range, out));
    }
  }

  /** A context whose coverage drops what the partition step already recorded. */
  private static final ProducerContext NO_COVERAGE =
      new ProducerContext() {
        @Override
        public String runId() {
          return "";
        }

        @Override
        public String artifactId() {
          return "";
        }

        @Override
        public java.nio.file.Path workingDirectory() {
          return java.nio.file.Path.of("");
        }

        @Override
        public void heartbeat(Object progress) {}
      };

  /**
   * The catalogue's tables that pass the filters, in schema then name order.
   *
   * @param foreignKeys whether to read the foreign keys too
   */
  private List<Table> tables(
      ProducerContext context,
      DatabaseSession session,
      P properties,
      TableFilter filter,
      boolean foreignKeys) {
    List<Table> catalogue;
    try {
      catalogue = readCatalogue(session.connection(), properties);
    } catch (SQLException e) {
      throw catalogueFailure(session, e);
    }
    if (foreignKeys) {
      try {
        catalogue = withForeignKeys(session.connection(), properties, catalogue);
      } catch (SQLException e) {
        LOG.warn(
            "{}: cannot read the foreign keys of {}, the metadata has none: {}",
            type(),
            session.source(),
            ConnectionFailures.oneLine(e.getMessage(), Optional.empty()));
        endFailedTransaction(session);
      }
    }
    for (String name : filter.unmatchedIncludes(catalogue)) {
      LOG.warn(
          "{}: include_tables names '{}', which {} does not have", type(), name, session.source());
    }
    List<Table> tables = filter.apply(catalogue);
    for (Table table : catalogue) {
      if (!filter.accepts(table)) {
        context.coverage().skipped(table.qualifiedName(), SkipReason.EXCLUDED);
      }
    }
    if (tables.isEmpty()) {
      LOG.warn("{}: no table to read in {}", type(), session.source());
    }
    return tables;
  }

  /** Writes the items of every table, heartbeating once per table; returns the summary. */
  private ObjectNode sample(
      ProducerContext context,
      DatabaseSession session,
      String system,
      SamplingOptions sampling,
      List<Table> tables,
      RowRange range,
      ContentWriter out) {
    TableSampler sampler =
        new TableSampler(type(), context, session, system, sampling, dialect(session));
    ArrayNode skipped = NODES.arrayNode();
    ArrayNode sampled = NODES.arrayNode();
    long rows = 0;
    for (int i = 0; i < tables.size(); i++) {
      Table table = tables.get(i);
      context.heartbeat(
          "table " + table.qualifiedName() + " (" + (i + 1) + " of " + tables.size() + ")");
      try {
        SampleRecord record =
            range == null ? sampler.sample(table, out) : sampler.sampleRange(table, range, out);
        rows += record.rowsRead();
        context
            .coverage()
            .sampled(table.qualifiedName(), record.rowsRead(), record.rowsEstimated());
        ObjectNode entry = sampled.addObject();
        entry.put("table", table.qualifiedName());
        entry.put("method", record.method());
        entry.put("seed", record.seed());
        entry.put("rows_read", record.rowsRead());
        if (record.rowsEstimated() == null) {
          entry.putNull("rows_estimated");
        } else {
          entry.put("rows_estimated", record.rowsEstimated());
        }
      } catch (SQLException e) {
        skipped.add(skip(session, table, e));
        context.coverage().skipped(table.qualifiedName(), SkipReason.NO_PERMISSION);
      }
    }
    int read = tables.size() - skipped.size();
    LOG.info("{}: sampled {} rows from {} tables of {}", type(), rows, read, session.source());
    ObjectNode summary = NODES.objectNode();
    summary.put("tables_read", read);
    summary.put("rows_read", rows);
    summary.put("items_written", out.itemCount());
    summary.put("null_cells_skipped", sampler.nullCells());
    summary.put("binary_cells_skipped", sampler.binaryCells());
    summary.set("tables_skipped", skipped);
    summary.set("sampling", sampled);
    return summary;
  }

  /**
   * A table the session may not read (SQLSTATE class 42: access rule violation) is skipped and
   * reported; any other failure ends the extraction as an external error.
   */
  private ObjectNode skip(DatabaseSession session, Table table, SQLException e) {
    String reason = ConnectionFailures.oneLine(e.getMessage(), Optional.empty());
    String state = e.getSQLState();
    boolean accessRule = state != null && state.startsWith("42");
    if (!accessRule) {
      throw new WctException(
          ErrorKind.EXTERNAL,
          type()
              + ": cannot read table "
              + table.qualifiedName()
              + " at "
              + session.location()
              + ": "
              + reason);
    }
    LOG.warn("{}: skipping table {}: {}", type(), table.qualifiedName(), reason);
    endFailedTransaction(session);
    ObjectNode entry = NODES.objectNode();
    entry.put("table", table.qualifiedName());
    entry.put("reason", reason);
    return entry;
  }

  /** The statistics' row count, or null: an estimate is never worth failing the sample for. */
  private Long estimate(DatabaseSession session, Table table) {
    try {
      Long rows = estimatedRows(session.connection(), table);
      return rows == null || rows < 0 ? null : rows;
    } catch (SQLException e) {
      LOG.debug("{}: no row estimate for {}: {}", type(), table.qualifiedName(), e.getMessage());
      endFailedTransaction(session);
      return null;
    }
  }

  private SamplingDialect dialect(DatabaseSession session) {
    return new SamplingDialect() {
      @Override
      public String quote(String identifier) {
        return DatabaseConnector.this.quote(identifier);
      }

      @Override
      public String qualifiedName(Table table) {
        return DatabaseConnector.this.qualifiedName(table);
      }

      @Override
      public String sampleHash(long seed, List<String> quotedColumns) {
        return DatabaseConnector.this.sampleHash(seed, quotedColumns);
      }

      @Override
      public Optional<TableSample> tableSample(double percent, long seed, Long estimatedRows) {
        return DatabaseConnector.this.tableSample(percent, seed, estimatedRows);
      }

      @Override
      public Long estimatedRows(Table table) {
        return estimate(session, table);
      }

      @Override
      public Optional<String> rowKey(Table table) {
        return DatabaseConnector.this.rowKey(table);
      }
    };
  }

  /** PostgreSQL refuses every later query in a transaction that saw an error. */
  private static void endFailedTransaction(DatabaseSession session) {
    try {
      if (!session.connection().getAutoCommit()) {
        session.connection().rollback();
      }
    } catch (SQLException e) {
      LOG.warn("cannot roll back the read-only transaction: {}", e.getMessage());
    }
  }

  private ObjectNode metadata(
      DatabaseSession session, String system, SamplingOptions sampling, List<Table> tables) {
    ObjectNode metadata = NODES.objectNode();
    metadata.put("connector_type", type());
    metadata.put("source", session.source());
    metadata.put("system", system);
    metadata.put("max_rows_per_table", sampling.maxRowsPerTable());
    metadata.put("sample_seed", sampling.sampleSeed());
    metadata.put("random_order_max_rows", sampling.randomOrderMaxRows());
    ObjectNode catalogue = metadata.putObject("catalogue");
    catalogue.put("table_count", tables.size());
    ArrayNode tableNodes = catalogue.putArray("tables");
    for (Table table : tables) {
      ObjectNode tableNode = tableNodes.addObject();
      tableNode.put("schema", table.schema());
      tableNode.put("name", table.name());
      List<Column> key = table.primaryKey();
      if (!key.isEmpty()) {
        ArrayNode keyNode = tableNode.putArray("primary_key");
        key.forEach(column -> keyNode.add(column.name()));
      }
      ArrayNode columns = tableNode.putArray("columns");
      for (Column column : table.columns()) {
        ObjectNode node =
            columns.addObject().put("name", column.name()).put("data_type", column.dataType());
        if (column.inPrimaryKey() || column.inForeignKey()) {
          node.put("key", column.inPrimaryKey() ? "primary" : "foreign");
        }
        if (column.inForeignKey()) {
          node.put("references", column.references().qualifiedName());
        }
      }
    }
    return metadata;
  }
}
