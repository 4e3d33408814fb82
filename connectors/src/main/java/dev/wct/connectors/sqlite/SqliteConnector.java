package dev.wct.connectors.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.connectors.common.PropertiesSchema;
import dev.wct.connectors.common.PropertyReader;
import dev.wct.connectors.jdbc.Catalogue;
import dev.wct.connectors.jdbc.ConnectionFailures;
import dev.wct.connectors.jdbc.DatabaseConnector;
import dev.wct.connectors.jdbc.DatabaseSession;
import dev.wct.connectors.jdbc.SamplingOptions;
import dev.wct.connectors.jdbc.Table;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.spi.ProducerContext;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteOpenMode;

/**
 * Samples the tables of a SQLite file, opened read-only: a missing file is an error and is never
 * created.
 */
public final class SqliteConnector extends DatabaseConnector {
  public static final String TYPE = "sqlite";

  /** The schema name SQLite gives the opened file. */
  static final String MAIN_SCHEMA = "main";

  private static final String CATALOGUE =
      "SELECT 'main', m.name, p.name, p.type, p.cid + 1, p.pk"
          + " FROM sqlite_master m JOIN pragma_table_info(m.name) p"
          + " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
          + " ORDER BY m.name, p.cid";

  private static final JsonNode SCHEMA =
      SamplingOptions.declare(
              PropertiesSchema.builder(
                      "sqlite connector properties",
                      "Samples the tables of a SQLite database file, read-only.")
                  .string(
                      "database_path",
                      "The database file; a relative path resolves against the working directory"
                          + " of the process that runs the connector. Never created."))
          .required("database_path")
          .build();

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "Samples rows of the tables of a SQLite database file, opened read-only.";
  }

  @Override
  public JsonNode propertiesSchema() {
    return SCHEMA.deepCopy();
  }

  @Override
  protected DatabaseSession open(PropertyReader properties, ProducerContext context) {
    Path file = databaseFile(properties, context.workingDirectory());
    String location = "'" + file + "'";
    if (!Files.exists(file)) {
      throw properties.invalid("database file '" + file + "' does not exist");
    }
    if (!Files.isRegularFile(file)) {
      throw properties.invalid("database path '" + file + "' is not a file");
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.resetOpenMode(SQLiteOpenMode.CREATE);
    config.setOpenMode(SQLiteOpenMode.READONLY);
    try {
      Connection connection = config.createConnection("jdbc:sqlite:" + file);
      try {
        try (Statement statement = connection.createStatement()) {
          statement.execute("PRAGMA query_only = ON");
        }
        return new DatabaseSession(connection, file.toString(), location);
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
    } catch (SQLException e) {
      throw ConnectionFailures.of(TYPE, location, e, Optional.empty());
    }
  }

  @Override
  protected List<Table> readCatalogue(Connection connection, PropertyReader properties)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(CATALOGUE)) {
      return Catalogue.read(query);
    }
  }

  @Override
  protected String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  @Override
  protected String qualifiedName(Table table) {
    return quote(table.name());
  }

  /** A file that is not a SQLite database is the user's mistake, not a passing failure. */
  @Override
  protected WctException catalogueFailure(DatabaseSession session, SQLException e) {
    if (e.getErrorCode() == SQLiteErrorCode.SQLITE_NOTADB.code) {
      return new WctException(
          ErrorKind.USER, TYPE + ": " + session.location() + " is not a SQLite database");
    }
    return super.catalogueFailure(session, e);
  }

  private static Path databaseFile(PropertyReader properties, Path workingDirectory) {
    String path = properties.requiredString("database_path");
    try {
      return workingDirectory.resolve(path).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw properties.invalid("invalid database_path '" + path + "': " + e.getReason());
    }
  }
}
