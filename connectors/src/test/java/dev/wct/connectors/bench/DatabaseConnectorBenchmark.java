package dev.wct.connectors.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.testkit.RecordingContext;
import dev.wct.connectors.common.StandardInput;
import dev.wct.connectors.jdbc.DatabaseConnector;
import dev.wct.connectors.mysql.MysqlConnector;
import dev.wct.connectors.postgresql.PostgresqlConnector;
import dev.wct.connectors.sqlite.SqliteConnector;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.MessageHeader;
import dev.wct.core.message.MessageWriter;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows per second and peak heap of each database connector reading a 1,000,000-row table with
 * {@code max_rows_per_table: 1000000}, serialising every item into a real message stream. Run with
 * {@code ./mvnw -B -o -q -pl connectors test -Pbench}; results go to
 * target/bench/database-connectors.md.
 */
@EnabledIfSystemProperty(named = "wct.bench", matches = "true")
class DatabaseConnectorBenchmark {
  private static final int ROWS = 1_000_000;
  private static final int COLUMNS = 5;
  private static final int WARM_UP_ROWS = 200_000;
  private static final String SCHEMA = "wct_bench_" + ProcessHandle.current().pid();

  @TempDir Path dir;

  private record Result(String database, long items, double seconds, long peakHeapBytes) {}

  @Test
  void measuresRowsPerSecondAndPeakHeapOfEveryDatabaseConnector() throws Exception {
    List<Result> results = new ArrayList<>();
    results.add(postgresql());
    results.add(mariadb());
    results.add(sqlite());

    StringBuilder table = new StringBuilder();
    table.append("| database | rows | items | seconds | rows/s | items/s | peak heap (MiB) |\n");
    table.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (Result result : results) {
      table.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %,d | %.1f | %,.0f | %,.0f | %d |%n",
              result.database(),
              ROWS,
              result.items(),
              result.seconds(),
              ROWS / result.seconds(),
              result.items() / result.seconds(),
              result.peakHeapBytes() / (1024 * 1024)));
    }
    System.out.println(table);
    Path report = Path.of("target", "bench", "database-connectors.md");
    Files.createDirectories(report.getParent());
    Files.writeString(report, table);
    assertThat(results).allSatisfy(result -> assertThat(result.items()).isEqualTo(ROWS * COLUMNS));
  }

  private static final String COLUMNS_DDL =
      "(id INTEGER PRIMARY KEY, full_name VARCHAR(100), email VARCHAR(100), city VARCHAR(50),"
          + " amount DECIMAL(12,2))";

  private Result postgresql() throws Exception {
    Properties info = new Properties();
    info.setProperty("user", "postgres");
    try (Connection admin =
            new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:5432/test", info);
        Statement sql = admin.createStatement()) {
      sql.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      sql.execute("CREATE SCHEMA " + SCHEMA);
      sql.execute("CREATE TABLE " + SCHEMA + ".rows " + COLUMNS_DDL);
      sql.execute(
          "INSERT INTO "
              + SCHEMA
              + ".rows SELECT g, 'Customer ' || g, 'customer' || g || '@example.com',"
              + " 'City ' || (g % 100), g * 0.01 FROM generate_series(1, "
              + ROWS
              + ") g");
      sql.execute("ANALYZE " + SCHEMA + ".rows");
      try {
        ObjectNode properties =
            Json.mapper()
                .createObjectNode()
                .put("host", "127.0.0.1")
                .put("user", "postgres")
                .put("database", "test")
                .put("max_rows_per_table", ROWS);
        properties.putArray("schemas").add(SCHEMA);
        return measure("PostgreSQL 15", new PostgresqlConnector(), properties);
      } finally {
        sql.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
      }
    }
  }

  private Result mariadb() throws Exception {
    Properties info = new Properties();
    info.setProperty("user", "root");
    try (Connection admin =
            new org.mariadb.jdbc.Driver().connect("jdbc:mariadb://127.0.0.1:3306/test", info);
        Statement sql = admin.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + SCHEMA);
      sql.execute("CREATE DATABASE " + SCHEMA);
      sql.execute("CREATE TABLE " + SCHEMA + ".rows " + COLUMNS_DDL);
      // The SEQUENCE engine's seq_1_to_N table generates the rows server-side.
      sql.execute(
          "INSERT INTO "
              + SCHEMA
              + ".rows SELECT seq, CONCAT('Customer ', seq), CONCAT('customer', seq,"
              + " '@example.com'), CONCAT('City ', seq % 100), seq * 0.01 FROM seq_1_to_"
              + ROWS);
      try {
        ObjectNode properties =
            Json.mapper()
                .createObjectNode()
                .put("host", "127.0.0.1")
                .put("user", "root")
                .put("database", SCHEMA)
                .put("max_rows_per_table", ROWS);
        return measure("MariaDB 10.11", new MysqlConnector(), properties);
      } finally {
        sql.execute("DROP DATABASE " + SCHEMA);
      }
    }
  }

  private Result sqlite() throws Exception {
    Path file = dir.resolve("bench.db");
    try (Connection admin = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new Properties());
        Statement sql = admin.createStatement()) {
      sql.execute("CREATE TABLE rows " + COLUMNS_DDL);
      sql.execute(
          "WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < "
              + ROWS
              + ") INSERT INTO rows SELECT x, 'Customer ' || x, 'customer' || x ||"
              + " '@example.com', 'City ' || (x % 100), x * 0.01 FROM g");
    }
    ObjectNode properties =
        Json.mapper()
            .createObjectNode()
            .put("database_path", file.toString())
            .put("max_rows_per_table", ROWS);
    return measure("SQLite " + sqliteVersion(), new SqliteConnector(), properties);
  }

  private static String sqliteVersion() throws SQLException {
    try (Connection connection =
        new org.sqlite.JDBC().connect("jdbc:sqlite::memory:", new Properties())) {
      return connection.getMetaData().getDatabaseProductVersion();
    }
  }

  private Result measure(String database, DatabaseConnector connector, ObjectNode properties)
      throws Exception {
    // A shorter warm-up pass first, so that the JIT does not bill the first database measured.
    run(connector, properties.deepCopy().put("max_rows_per_table", WARM_UP_ROWS), new AtomicLong());
    System.gc();
    AtomicLong peak = new AtomicLong();
    long start = System.nanoTime();
    long items = run(connector, properties, peak);
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(database, items, seconds, peak.get());
  }

  /** Extracts into a real message stream that goes nowhere; returns the number of items. */
  private long run(DatabaseConnector connector, ObjectNode properties, AtomicLong peak)
      throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    MessageHeader header =
        new MessageHeader(
            "bench", StandardInput.SCHEMA, "bench", "connector:" + connector.type(), "now", null);
    try (MessageWriter writer =
        MessageWriter.open(Json.mapper(), OutputStream.nullOutputStream(), header)) {
      connector.extract(new RecordingContext(dir), properties, writer);
      return writer.itemCount();
    } finally {
      sampler.interrupt();
      sampler.join();
    }
  }
}
