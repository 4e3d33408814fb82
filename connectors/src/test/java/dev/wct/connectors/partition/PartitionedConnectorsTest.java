package dev.wct.connectors.partition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.connectors.filesystem.FilesystemConnector;
import dev.wct.connectors.sqlite.SqliteConnector;
import dev.wct.spi.PartitionedConnector;
import dev.wct.spi.PartitionedConnector.Cut;
import dev.wct.spi.PartitionedConnector.PartitionLimits;
import dev.wct.spi.json.Json;
import dev.wct.testkit.RecordingContext;
import dev.wct.testkit.connectors.Extraction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The partitions of a source hold, in order, exactly the items of the whole source. */
class PartitionedConnectorsTest {
  @TempDir Path dir;

  private List<JsonNode> partitioned(
      PartitionedConnector connector, ObjectNode properties, PartitionLimits limits)
      throws Exception {
    List<JsonNode> items = new ArrayList<>();
    for (JsonNode partition : connector.partitions(new RecordingContext(dir), properties, limits)) {
      items.addAll(
          Extraction.runPartition(connector, new RecordingContext(dir), properties, partition)
              .items());
    }
    return items;
  }

  @Test
  void filesAreGroupedByCountAndSizeInPathOrder() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    for (int i = 0; i < 7; i++) {
      Files.writeString(data.resolve("f" + i + ".txt"), "x".repeat(100 * (i + 1)));
    }
    FilesystemConnector connector = new FilesystemConnector();
    ObjectNode properties = Json.mapper().createObjectNode().put("path", data.toString());

    List<JsonNode> byCount =
        connector.partitions(
            new RecordingContext(dir), properties, new PartitionLimits(0, 3, Cut.SIZE));
    List<JsonNode> bySize =
        connector.partitions(
            new RecordingContext(dir), properties, new PartitionLimits(500, 0, Cut.SIZE));

    assertThat(byCount).extracting(p -> p.path("files").size()).containsExactly(3, 3, 1);
    // 100+200 | 300 | 400 | 500 | 600 (over the limit: alone) | 700
    assertThat(bySize).extracting(p -> p.path("files").size()).containsExactly(2, 1, 1, 1, 1, 1);
    assertThat(partitioned(connector, properties, new PartitionLimits(0, 3, Cut.SIZE)))
        .containsExactlyElementsOf(
            Extraction.run(connector, new RecordingContext(dir), properties).items());
  }

  @Test
  void anEmptyFolderIsOneEmptyPartition() throws Exception {
    Path data = Files.createDirectories(dir.resolve("empty"));
    ObjectNode properties = Json.mapper().createObjectNode().put("path", data.toString());

    assertThat(
            new FilesystemConnector()
                .partitions(
                    new RecordingContext(dir), properties, new PartitionLimits(0, 3, Cut.SIZE)))
        .singleElement()
        .satisfies(p -> assertThat(p.path("files")).isEmpty());
  }

  @Test
  void aDatabaseIsCutByTable() throws Exception {
    Path file = dir.resolve("crm.db");
    try (Connection connection =
            new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new java.util.Properties());
        Statement statement = connection.createStatement()) {
      for (String table : List.of("customers", "orders", "staff")) {
        statement.execute("CREATE TABLE " + table + " (email TEXT)");
        statement.execute("INSERT INTO " + table + " VALUES ('" + table + "@example.com')");
      }
    }
    SqliteConnector connector = new SqliteConnector();
    ObjectNode properties = Json.mapper().createObjectNode().put("database_path", file.toString());

    List<JsonNode> oneEach =
        connector.partitions(
            new RecordingContext(dir), properties, new PartitionLimits(0, 0, Cut.TABLE));
    List<JsonNode> twoEach =
        connector.partitions(
            new RecordingContext(dir), properties, new PartitionLimits(0, 2, Cut.TABLE));

    assertThat(oneEach)
        .extracting(p -> p.path("tables").toString())
        .containsExactly("[\"main.customers\"]", "[\"main.orders\"]", "[\"main.staff\"]");
    assertThat(twoEach).extracting(p -> p.path("tables").size()).containsExactly(2, 1);
    assertThat(partitioned(connector, properties, new PartitionLimits(0, 0, Cut.TABLE)))
        .containsExactlyElementsOf(
            Extraction.run(connector, new RecordingContext(dir), properties).items());
  }
}
