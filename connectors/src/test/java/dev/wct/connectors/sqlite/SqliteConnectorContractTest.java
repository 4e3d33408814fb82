package dev.wct.connectors.sqlite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.connectors.jdbc.DatabaseConnector;
import dev.wct.connectors.jdbc.DatabaseConnectorContract;
import dev.wct.testkit.connectors.DatabaseFixture;
import dev.wct.spi.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Optional;

/** The database connector contract on a SQLite file in a temporary folder. */
class SqliteConnectorContractTest extends DatabaseConnectorContract {
  @Override
  protected DatabaseConnector connector() {
    return new SqliteConnector();
  }

  @Override
  protected DatabaseFixture createFixture(String uniqueName) throws Exception {
    Path file = tempDir.resolve(uniqueName + ".db");
    return new DatabaseFixture(
        new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new java.util.Properties())) {
      @Override
      public String schema() {
        return "main";
      }

      @Override
      public ObjectNode properties() {
        return Json.mapper().createObjectNode().put("database_path", file.toString());
      }

      @Override
      public String binaryType() {
        return "BLOB";
      }

      @Override
      public String binaryLiteral() {
        return "X'010203'";
      }

      @Override
      protected void drop(Connection admin) throws Exception {
        admin.close();
        Files.deleteIfExists(file);
      }
    };
  }

  @Override
  protected Optional<ObjectNode> unreachableProperties(int closedPort, String password) {
    return Optional.empty();
  }

  /** A file that is not a database. */
  @Override
  protected ObjectNode rejectedProperties() {
    Path notADatabase = tempDir.resolve("notes.db");
    try {
      Files.writeString(notADatabase, "these are notes, not a database ".repeat(40));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return Json.mapper().createObjectNode().put("database_path", notADatabase.toString());
  }
}
