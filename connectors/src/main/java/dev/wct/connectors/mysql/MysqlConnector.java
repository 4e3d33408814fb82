package dev.wct.connectors.mysql;

import dev.wct.connectors.jdbc.Catalogue;
import dev.wct.connectors.jdbc.ConnectionFailures;
import dev.wct.connectors.jdbc.DatabaseConnector;
import dev.wct.connectors.jdbc.DatabaseSession;
import dev.wct.connectors.jdbc.SamplingOptions;
import dev.wct.connectors.jdbc.ServerOptions;
import dev.wct.connectors.jdbc.Table;
import dev.wct.spi.ProducerContext;
import dev.wct.spi.properties.PropertiesContract;
import dev.wct.spi.properties.PropertiesExample;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * Samples MySQL and MariaDB databases through MariaDB Connector/J. Without {@code database}, every
 * database but the system ones is read.
 */
public final class MysqlConnector extends DatabaseConnector<MysqlProperties> {
  public static final String TYPE = "mysql";
  public static final int DEFAULT_PORT = 3306;

  private static final List<String> SYSTEM_DATABASES =
      List.of("information_schema", "mysql", "performance_schema", "sys");

  private static final String CATALOGUE =
      "SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE, c.ORDINAL_POSITION,"
          + " COALESCE(k.ORDINAL_POSITION, 0)"
          + " FROM information_schema.COLUMNS c"
          + " JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA"
          + " AND t.TABLE_NAME = c.TABLE_NAME AND t.TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')"
          + " LEFT JOIN information_schema.KEY_COLUMN_USAGE k ON k.TABLE_SCHEMA = c.TABLE_SCHEMA"
          + " AND k.TABLE_NAME = c.TABLE_NAME AND k.COLUMN_NAME = c.COLUMN_NAME"
          + " AND k.CONSTRAINT_NAME = 'PRIMARY'"
          + " WHERE %s"
          + " ORDER BY c.TABLE_SCHEMA, c.TABLE_NAME, c.ORDINAL_POSITION";

  /** Each column of each foreign key, from {@code KEY_COLUMN_USAGE}. */
  private static final String FOREIGN_KEYS =
      "SELECT k.TABLE_SCHEMA, k.TABLE_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_SCHEMA,"
          + " k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, k.ORDINAL_POSITION"
          + " FROM information_schema.KEY_COLUMN_USAGE k"
          + " WHERE k.REFERENCED_TABLE_NAME IS NOT NULL AND %s"
          + " ORDER BY k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION";

  private static final PropertiesContract<MysqlProperties> CONTRACT =
      PropertiesContract.of(MysqlProperties.class)
          .withDefault("port", "" + DEFAULT_PORT)
          .withDescription(
              "database", "Database to read. Default: every database except the system ones.");

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "Samples rows of MySQL and MariaDB tables over a read-only session.";
  }

  @Override
  public List<PropertiesExample> examples() {
    return List.of(
        PropertiesExample.of(
            "One database, every secret from the worker's environment",
            "{host: '${CRM_DB_HOST}', user: '${CRM_DB_USER}', password: '${CRM_DB_PASSWORD}',"
                + " database: crm}"),
        PropertiesExample.of(
            "Two tables of a MariaDB on another port, more rows each",
            "{host: db.internal, port: 3307, user: auditor, password: '${DB_PASSWORD}',"
                + " include_tables: [crm.customers, crm.orders], max_rows_per_table: 100}"));
  }

  @Override
  protected PropertiesContract<MysqlProperties> contract() {
    return CONTRACT;
  }

  @Override
  protected SamplingOptions sampling(MysqlProperties properties) {
    return properties.sampling();
  }

  @Override
  protected DatabaseSession open(MysqlProperties properties, ProducerContext context) {
    ServerOptions server = properties.server();
    String location =
        server.endpoint() + server.database().map(d -> " database '" + d + "'").orElse("");
    String source = "mysql://" + server.endpoint() + server.database().map(d -> "/" + d).orElse("");
    Properties info = new Properties();
    info.setProperty("user", server.user());
    server.password().ifPresent(password -> info.setProperty("password", password));
    info.setProperty("connectTimeout", Integer.toString(server.connectTimeoutSeconds() * 1000));
    info.setProperty(
        "socketTimeout", Integer.toString((server.connectTimeoutSeconds() + 600) * 1000));
    String url = "jdbc:mariadb://" + server.endpoint() + "/" + server.database().orElse("");
    try {
      Connection connection = new org.mariadb.jdbc.Driver().connect(url, info);
      try {
        connection.setReadOnly(true);
        try (Statement statement = connection.createStatement()) {
          statement.execute("SET SESSION TRANSACTION READ ONLY");
        }
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
  protected List<Table> readCatalogue(Connection connection, MysqlProperties properties)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(CATALOGUE.formatted(schemaCondition(properties, "c")))) {
      bindSchemaCondition(query, properties);
      return Catalogue.read(query);
    }
  }

  /** The databases to read: the one named, else every one but the system's. */
  private static String schemaCondition(MysqlProperties properties, String alias) {
    return properties.server().database().isPresent()
        ? alias + ".TABLE_SCHEMA = ?"
        : alias + ".TABLE_SCHEMA NOT IN (" + String.join(", ", placeholders()) + ")";
  }

  private static void bindSchemaCondition(PreparedStatement query, MysqlProperties properties)
      throws SQLException {
    String database = properties.server().database().orElse(null);
    if (database != null) {
      query.setString(1, database);
    } else {
      for (int i = 0; i < SYSTEM_DATABASES.size(); i++) {
        query.setString(i + 1, SYSTEM_DATABASES.get(i));
      }
    }
  }

  @Override
  protected List<Table> withForeignKeys(
      Connection connection, MysqlProperties properties, List<Table> tables) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(FOREIGN_KEYS.formatted(schemaCondition(properties, "k")))) {
      bindSchemaCondition(query, properties);
      return Catalogue.withForeignKeys(tables, query);
    }
  }

  @Override
  protected String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  /** {@code information_schema.TABLES.TABLE_ROWS}: exact for MyISAM, an estimate for InnoDB. */
  @Override
  protected Long estimatedRows(Connection connection, Table table) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT TABLE_ROWS FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
      return Catalogue.singleLong(query, table);
    }
  }

  private static List<String> placeholders() {
    return SYSTEM_DATABASES.stream().map(name -> "?").toList();
  }
}
