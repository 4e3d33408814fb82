package dev.wct.connectors.postgresql;

import dev.wct.connectors.jdbc.Catalogue;
import dev.wct.connectors.jdbc.ConnectionFailures;
import dev.wct.connectors.jdbc.DatabaseConnector;
import dev.wct.connectors.jdbc.DatabaseSession;
import dev.wct.connectors.jdbc.SampleRecord;
import dev.wct.connectors.jdbc.SamplingOptions;
import dev.wct.connectors.jdbc.ServerOptions;
import dev.wct.connectors.jdbc.Table;
import dev.wct.connectors.jdbc.TableSample;
import dev.wct.spi.ProducerContext;
import dev.wct.spi.properties.PropertiesContract;
import dev.wct.spi.properties.PropertiesExample;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Samples the tables of PostgreSQL schemas (default {@code public}). The session runs with {@code
 * default_transaction_read_only} and without autocommit, so that rows are fetched with a cursor.
 */
public final class PostgresqlConnector extends DatabaseConnector<PostgresqlProperties> {
  public static final String TYPE = "postgresql";
  public static final int DEFAULT_PORT = 5432;
  public static final List<String> DEFAULT_SCHEMAS = List.of("public");

  /** Tables estimated larger are sampled by pages ({@code SYSTEM}), not by rows. */
  static final long BERNOULLI_MAX_ROWS = 10_000_000;

  private static final String CATALOGUE =
      "SELECT c.table_schema, c.table_name, c.column_name, c.data_type, c.ordinal_position,"
          + " COALESCE(k.ordinal_position, 0)"
          + " FROM information_schema.columns c"
          + " JOIN information_schema.tables t ON t.table_schema = c.table_schema"
          + " AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'"
          + " LEFT JOIN information_schema.table_constraints tc"
          + " ON tc.table_schema = c.table_schema AND tc.table_name = c.table_name"
          + " AND tc.constraint_type = 'PRIMARY KEY'"
          + " LEFT JOIN information_schema.key_column_usage k"
          + " ON k.constraint_schema = tc.constraint_schema"
          + " AND k.constraint_name = tc.constraint_name"
          + " AND k.table_schema = c.table_schema AND k.table_name = c.table_name"
          + " AND k.column_name = c.column_name"
          + " WHERE c.table_schema = ANY (?)"
          + " ORDER BY c.table_schema, c.table_name, c.ordinal_position";

  /** Each column of each foreign key of the schemas read, from {@code pg_constraint}. */
  private static final String FOREIGN_KEYS =
      "SELECT n.nspname, c.relname, a.attname, rn.nspname, rc.relname, ra.attname, u.ord"
          + " FROM pg_constraint k"
          + " JOIN pg_class c ON c.oid = k.conrelid"
          + " JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " JOIN pg_class rc ON rc.oid = k.confrelid"
          + " JOIN pg_namespace rn ON rn.oid = rc.relnamespace"
          + " CROSS JOIN LATERAL unnest(k.conkey, k.confkey) WITH ORDINALITY AS u(attnum, refnum, ord)"
          + " JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum"
          + " JOIN pg_attribute ra ON ra.attrelid = k.confrelid AND ra.attnum = u.refnum"
          + " WHERE k.contype = 'f' AND n.nspname = ANY (?)"
          + " ORDER BY n.nspname, c.relname, k.conname, u.ord";

  private static final PropertiesContract<PostgresqlProperties> CONTRACT =
      PropertiesContract.of(PostgresqlProperties.class)
          .withDefault("port", "" + DEFAULT_PORT)
          .withDescription(
              "database", "Database to read. Default: the database named like the user.");

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "Samples rows of PostgreSQL tables over a read-only session.";
  }

  @Override
  public List<PropertiesExample> examples() {
    return List.of(
        PropertiesExample.of(
            "Two schemas of one database, the password from the worker's environment",
            "{host: '${PG_HOST}', user: wct_reader, password: '${PG_PASSWORD}', database: shop,"
                + " schemas: [public, sales]}"),
        PropertiesExample.of(
            "Everything in public but the audit log, a short connection timeout",
            "{host: 10.0.0.12, user: auditor, password: '${PG_PASSWORD}', connect_timeout: 3,"
                + " exclude_tables: [public.audit_log]}"));
  }

  @Override
  protected PropertiesContract<PostgresqlProperties> contract() {
    return CONTRACT;
  }

  @Override
  protected SamplingOptions sampling(PostgresqlProperties properties) {
    return properties.sampling();
  }

  @Override
  protected DatabaseSession open(PostgresqlProperties properties, ProducerContext context) {
    ServerOptions server = properties.server();
    String database = server.database().orElse(server.user());
    String location = server.endpoint() + " database '" + database + "'";
    String source = "postgresql://" + server.endpoint() + "/" + database;
    Properties info = new Properties();
    info.setProperty("user", server.user());
    server.password().ifPresent(password -> info.setProperty("password", password));
    info.setProperty("connectTimeout", Integer.toString(server.connectTimeoutSeconds()));
    info.setProperty("loginTimeout", Integer.toString(server.connectTimeoutSeconds()));
    info.setProperty("socketTimeout", Integer.toString(server.connectTimeoutSeconds() + 600));
    info.setProperty("readOnly", "true");
    info.setProperty("options", "-c default_transaction_read_only=on");
    info.setProperty("ApplicationName", "wct");
    String url = "jdbc:postgresql://" + server.endpoint() + "/" + database;
    try {
      Connection connection = new org.postgresql.Driver().connect(url, info);
      try {
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        return new DatabaseSession(connection, source, location);
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
    } catch (SQLException e) {
      throw ConnectionFailures.of(TYPE, location, e, server.password());
    }
  }

  @Override
  protected List<Table> readCatalogue(Connection connection, PostgresqlProperties properties)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(CATALOGUE)) {
      query.setArray(1, connection.createArrayOf("text", properties.schemas().toArray()));
      return Catalogue.read(query);
    }
  }

  @Override
  protected List<Table> withForeignKeys(
      Connection connection, PostgresqlProperties properties, List<Table> tables)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(FOREIGN_KEYS)) {
      query.setArray(1, connection.createArrayOf("text", properties.schemas().toArray()));
      return Catalogue.withForeignKeys(tables, query);
    }
  }

  @Override
  protected String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /**
   * {@code TABLESAMPLE ... REPEATABLE (seed)}: one query, the same rows for the same seed while the
   * table is unchanged. BERNOULLI keeps each row with the same probability, so the sample is
   * uniform; it reads every page once (a sequential scan, no sort but of the few rows kept), which
   * the statement timeout bounds. Above {@link #BERNOULLI_MAX_ROWS} estimated rows that scan is too
   * long, and SYSTEM keeps whole pages with that probability instead: it reads only about the pages
   * it keeps, at the price of rows that come in page-sized clusters.
   */
  @Override
  protected Optional<TableSample> tableSample(double percent, long seed, Long estimatedRows) {
    boolean huge = estimatedRows != null && estimatedRows > BERNOULLI_MAX_ROWS;
    return Optional.of(
        new TableSample(
            "TABLESAMPLE "
                + (huge ? "SYSTEM" : "BERNOULLI")
                + " ("
                + percent
                + ") REPEATABLE ("
                + seed
                + ")",
            huge ? SampleRecord.TABLESAMPLE_SYSTEM : SampleRecord.TABLESAMPLE_BERNOULLI));
  }

  /** The planner's statistics: {@code reltuples}, -1 (unknown) until the table is analysed. */
  @Override
  protected Long estimatedRows(Connection connection, Table table) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT c.reltuples::bigint FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relname = ?")) {
      return Catalogue.singleLong(query, table);
    }
  }
}
