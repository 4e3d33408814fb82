package dev.wct.connectors.sqlite;

import dev.wct.connectors.jdbc.Catalogue;
import dev.wct.connectors.jdbc.ConnectionFailures;
import dev.wct.connectors.jdbc.DatabaseConnector;
import dev.wct.connectors.jdbc.DatabaseSession;
import dev.wct.connectors.jdbc.SamplingOptions;
import dev.wct.connectors.jdbc.Table;
import dev.wct.spi.ProducerContext;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.spi.properties.PropertiesContract;
import dev.wct.spi.properties.PropertiesExample;
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
public final class SqliteConnector extends DatabaseConnector<SqliteProperties> {
  public static final String TYPE = "sqlite";

  /** The schema name SQLite gives the opened file. */
  static final String MAIN_SCHEMA = "main";

  private static final String CATALOGUE =
      "SELECT 'main', m.name, p.name, p.type, p.cid + 1, p.pk"
          + " FROM sqlite_master m JOIN pragma_table_info(m.name) p"
          + " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
          + " ORDER BY m.name, p.cid";

  /**
   * Each column of each foreign key, from {@code pragma_foreign_key_list}; {@code to} is null for a
   * key that names only the table, whose primary key it then refers to.
   */
  private static final String FOREIGN_KEYS =
      "SELECT 'main', m.name, f.\"from\", 'main', f.\"table\", f.\"to\", f.seq + 1"
          + " FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f"
          + " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
          + " ORDER BY m.name, f.id, f.seq";

  private static final PropertiesContract<SqliteProperties> CONTRACT =
      PropertiesContract.of(SqliteProperties.class);

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "Samples rows of the tables of a SQLite database file, opened read-only.";
  }

  @Override
  public List<PropertiesExample> examples() {
    return List.of(
        PropertiesExample.of(
            "An app's database file, 50 rows per table, migrations left out",
            "{database_path: ./data/app.db, max_rows_per_table: 50,"
                + " exclude_tables: [schema_migrations]}"));
  }

  @Override
  protected PropertiesContract<SqliteProperties> contract() {
    return CONTRACT;
  }

  @Override
  protected SamplingOptions sampling(SqliteProperties properties) {
    return properties.sampling();
  }

  /** {@code sqlite:///abs/path/file.db}: the absolute path of the database file. */
  @Override
  protected String system(DatabaseSession session) {
    String path = Path.of(session.source()).toAbsolutePath().normalize().toString();
    return "sqlite://" + (path.startsWith("/") ? "" : "/") + path.replace('\\', '/');
  }

  @Override
  protected DatabaseSession open(SqliteProperties properties, ProducerContext context) {
    Path file = databaseFile(properties, context.workingDirectory());
    String location = "'" + file + "'";
    if (!Files.exists(file)) {
      throw WctException.user(TYPE + ": database file '" + file + "' does not exist");
    }
    if (!Files.isRegularFile(file)) {
      throw WctException.user(TYPE + ": database path '" + file + "' is not a file");
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
        SampleHash.register(connection);
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
  protected List<Table> readCatalogue(Connection connection, SqliteProperties properties)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(CATALOGUE)) {
      return Catalogue.read(query);
    }
  }

  @Override
  protected List<Table> withForeignKeys(
      Connection connection, SqliteProperties properties, List<Table> tables) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(FOREIGN_KEYS)) {
      return Catalogue.withForeignKeys(tables, query);
    }
  }

  @Override
  protected String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** SQLite has no hash function: {@link SampleHash}, registered on the session, is one. */
  @Override
  protected String sampleHash(long seed, List<String> quotedColumns) {
    return SampleHash.NAME + "(" + seed + ", " + String.join(", ", quotedColumns) + ")";
  }

  @Override
  protected String qualifiedName(Table table) {
    return quote(table.name());
  }

  /**
   * A table without a primary key is read, and cut by rows, in {@code rowid} order (every such
   * table has one: only a WITHOUT ROWID table, which has a primary key, has not) — unless a column
   * of its own is called {@code rowid}, which would then be read instead.
   */
  @Override
  protected Optional<String> rowKey(Table table) {
    if (table.primaryKey().isEmpty()) {
      boolean shadowed =
          table.columns().stream().anyMatch(column -> column.name().equalsIgnoreCase("rowid"));
      return shadowed ? Optional.empty() : Optional.of("rowid");
    }
    return super.rowKey(table);
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

  private static Path databaseFile(SqliteProperties properties, Path workingDirectory) {
    String path = properties.databasePath();
    try {
      return workingDirectory.resolve(path).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw PropertiesContract.invalid(
          TYPE, "database_path", "is not a valid path (" + e.getReason() + "), got '" + path + "'");
    }
  }
}
