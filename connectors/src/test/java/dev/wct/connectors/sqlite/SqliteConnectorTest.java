package dev.wct.connectors.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.spi.json.Json;
import dev.wct.testkit.RecordingContext;
import dev.wct.testkit.connectors.Extraction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteConnectorTest {
  @TempDir Path dir;

  @Test
  void aMissingFileIsAUserErrorAndIsNeverCreated() {
    Path missing = dir.resolve("crm.db");

    assertThatThrownBy(
            () ->
                Extraction.run(
                    new SqliteConnector(),
                    new RecordingContext(dir),
                    Json.mapper().createObjectNode().put("database_path", missing.toString())))
        .isInstanceOfSatisfying(
            WctException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
        .hasMessage("sqlite: database file '" + missing + "' does not exist");
    assertThat(missing).doesNotExist();
  }

  @Test
  void anEmptyDatabaseReadsZeroTablesAndSaysSo() throws Exception {
    Path file = dir.resolve("empty.db");
    try (Connection connection =
            new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new java.util.Properties());
        Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA user_version = 1");
    }
    RecordingContext context = new RecordingContext(dir);

    Extraction result =
        Extraction.run(
            new SqliteConnector(),
            context,
            Json.mapper().createObjectNode().put("database_path", file.toString()));

    assertThat(result.items()).isEmpty();
    assertThat(context.coverage().recorded()).isTrue();
    assertThat(context.coverage().objects()).isEmpty();
    assertThat(context.coverage().summary().warnings("crm_db", true))
        .containsExactly("crm_db: read 0 tables");
  }

  @Test
  void aRelativeDatabasePathResolvesAgainstTheWorkingDirectory() throws Exception {
    Path file = dir.resolve("data/app.db");
    Files.createDirectories(file.getParent());
    try (Connection connection =
            new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new java.util.Properties());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE users (email TEXT)");
      statement.execute("INSERT INTO users VALUES ('ada@example.com')");
    }

    Extraction result =
        Extraction.run(
            new SqliteConnector(),
            new RecordingContext(dir),
            Json.mapper().createObjectNode().put("database_path", "data/app.db"));

    assertThat(result.contents()).containsExactly("email: ada@example.com");
    assertThat(result.fields().path("source").asText()).isEqualTo(file.toString());
  }

  /**
   * {@code REFERENCES t} without a column list refers to t's primary key, column by column; the
   * names are the catalogue's, whatever case the key wrote them in.
   */
  @Test
  void aForeignKeyNamingOnlyItsTableRefersToThatTablesPrimaryKey() throws Exception {
    Path file = dir.resolve("shifts.db");
    try (Connection connection =
            new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new java.util.Properties());
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE rota (site TEXT, week INTEGER, label TEXT, PRIMARY KEY (site, week))");
      statement.execute(
          "CREATE TABLE shift (id INTEGER PRIMARY KEY, rota_site TEXT, rota_week INTEGER,"
              + " FOREIGN KEY (Rota_Site, rota_week) REFERENCES Rota)");
    }

    com.fasterxml.jackson.databind.JsonNode shift =
        Extraction.run(
                new SqliteConnector(),
                new RecordingContext(dir),
                Json.mapper().createObjectNode().put("database_path", file.toString()))
            .metadata()
            .path("catalogue")
            .path("tables")
            .get(1)
            .path("columns");

    assertThat(shift.findValuesAsText("references"))
        .containsExactly("main.rota.site", "main.rota.week");
    assertThat(shift.get(1).path("key").asText()).isEqualTo("foreign");
  }

  @Test
  void aLargeSampleHeartbeatsInsideItsTableToo() throws Exception {
    Path file = dir.resolve("large.db");
    try (Connection connection =
            new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new java.util.Properties());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE events (id INTEGER PRIMARY KEY)");
      statement.execute(
          "WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < 25000)"
              + " INSERT INTO events SELECT x FROM g");
    }
    RecordingContext context = new RecordingContext(dir);

    Extraction result =
        Extraction.run(
            new SqliteConnector(),
            context,
            Json.mapper()
                .createObjectNode()
                .put("database_path", file.toString())
                .put("max_rows_per_table", 25000));

    assertThat(result.items()).hasSize(25000);
    assertThat(context.heartbeats())
        .extracting(Object::toString)
        .containsExactly(
            "table main.events (1 of 1)",
            "table main.events: 10000 rows",
            "table main.events: 20000 rows");
  }

  @Test
  void aTableWithoutPrimaryKeyIsCutByRowsOnItsRowid() throws Exception {
    Path file = dir.resolve("log.db");
    try (Connection connection =
            new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new java.util.Properties());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE visits (email TEXT, seen TEXT)");
      for (int i = 0; i < 23; i++) {
        statement.execute(
            "INSERT INTO visits VALUES ('v" + i + "@example.com', '2024-01-" + (i + 1) + "')");
      }
      statement.execute("DELETE FROM visits WHERE rowid IN (3, 4, 5)"); // gaps in the rowids
    }
    SqliteConnector connector = new SqliteConnector();
    RecordingContext context = new RecordingContext(dir);
    var properties = Json.mapper().createObjectNode().put("database_path", file.toString());

    var partitions =
        connector.partitions(
            context,
            properties,
            new dev.wct.spi.PartitionedConnector.PartitionLimits(
                0, 8, dev.wct.spi.PartitionedConnector.Cut.ROWS));
    java.util.List<com.fasterxml.jackson.databind.JsonNode> items = new java.util.ArrayList<>();
    for (var partition : partitions) {
      items.addAll(Extraction.runPartition(connector, context, properties, partition).items());
    }

    // 20 rows: 8 + 8 + 4, the first range through rowid 11 (rowids 3 to 5 deleted)
    assertThat(partitions).hasSize(3);
    assertThat(partitions.get(0).path("rows").path("through").asLong()).isEqualTo(11);
    assertThat(partitions.get(2).path("rows").path("first_row").asLong()).isEqualTo(16);
    assertThat(items)
        .hasSize(40)
        .containsExactlyElementsOf(Extraction.run(connector, context, properties).items());
  }
}
