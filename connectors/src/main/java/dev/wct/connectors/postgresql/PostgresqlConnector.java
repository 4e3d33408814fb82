package dev.wct.connectors.postgresql;

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
import java.util.List;
import java.util.Properties;

/**
 * Samples the tables of PostgreSQL schemas (default {@code public}). The session runs with {@code
 * default_transaction_read_only} and without autocommit, so that rows are fetched with a cursor.
 */
public final class PostgresqlConnector extends DatabaseConnector {
  public static final String TYPE = "postgresql";
  public static final int DEFAULT_PORT = 5432;
  public static final List<String> DEFAULT_SCHEMAS = List.of("public");

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

  private static final JsonNode SCHEMA =
      SamplingOptions.declare(
              ServerOptions.declare(
                      PropertiesSchema.builder(
                          "postgresql connector properties",
                          "Samples the tables of PostgreSQL schemas, read-only."),
                      DEFAULT_PORT,
                      "Database to read. Default: the database named like the user.")
                  .stringList("schemas", "Schemas to read.", DEFAULT_SCHEMAS))
          .required("host", "user")
          .build();

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "Samples rows of PostgreSQL tables over a read-only session.";
  }

  @Override
  public JsonNode propertiesSchema() {
    return SCHEMA.deepCopy();
  }

  @Override
  protected DatabaseSession open(PropertyReader properties, ProducerContext context) {
    ServerOptions server = ServerOptions.read(properties, DEFAULT_PORT);
    schemas(properties); // reject a bad value before connecting
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
  protected List<Table> readCatalogue(Connection connection, PropertyReader properties)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(CATALOGUE)) {
      query.setArray(1, connection.createArrayOf("text", schemas(properties).toArray()));
      return Catalogue.read(query);
    }
  }

  @Override
  protected String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static List<String> schemas(PropertyReader properties) {
    List<String> schemas = properties.stringList("schemas");
    if (schemas.stream().anyMatch(String::isBlank)) {
      throw properties.invalid("property 'schemas' must not contain blank names");
    }
    return schemas.isEmpty() ? DEFAULT_SCHEMAS : schemas;
  }
}
