package dev.wct.connectors.mysql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.connectors.common.PropertiesSchema;
import dev.wct.connectors.common.PropertyReader;
import dev.wct.connectors.jdbc.Catalogue;
import dev.wct.connectors.jdbc.ConnectionFailures;
import dev.wct.connectors.jdbc.DatabaseConnector;
import dev.wct.connectors.jdbc.DatabaseSession;
import dev.wct.connectors.jdbc.SamplingOptions;
import dev.wct.connectors.jdbc.ServerOptions;
import dev.wct.connectors.jdbc.Table;
import dev.wct.spi.ProducerContext;
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
public final class MysqlConnector extends DatabaseConnector {
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

  private static final JsonNode SCHEMA =
      SamplingOptions.declare(
              ServerOptions.declare(
                  PropertiesSchema.builder(
                      "mysql connector properties",
                      "Samples the tables of a MySQL or MariaDB server, read-only."),
                  DEFAULT_PORT,
                  "Database to read. Default: every database except the system ones."))
          .required("host", "user")
          .build();

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "Samples rows of MySQL and MariaDB tables over a read-only session.";
  }

  @Override
  public JsonNode propertiesSchema() {
    return SCHEMA.deepCopy();
  }

  @Override
  protected DatabaseSession open(PropertyReader properties, ProducerContext context) {
    ServerOptions server = ServerOptions.read(properties, DEFAULT_PORT);
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
  protected List<Table> readCatalogue(Connection connection, PropertyReader properties)
      throws SQLException {
    String database = properties.optionalString("database").map(String::strip).orElse(null);
    String where =
        database != null
            ? "c.TABLE_SCHEMA = ?"
            : "c.TABLE_SCHEMA NOT IN (" + String.join(", ", placeholders()) + ")";
    try (PreparedStatement query = connection.prepareStatement(CATALOGUE.formatted(where))) {
      if (database != null) {
        query.setString(1, database);
      } else {
        for (int i = 0; i < SYSTEM_DATABASES.size(); i++) {
          query.setString(i + 1, SYSTEM_DATABASES.get(i));
        }
      }
      return Catalogue.read(query);
    }
  }

  @Override
  protected String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  private static List<String> placeholders() {
    return SYSTEM_DATABASES.stream().map(name -> "?").toList();
  }
}
