package dev.wct.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.spi.PartitionedConnector.Cut;
import dev.wct.spi.PartitionedConnector.PartitionLimits;
import dev.wct.testkit.RecordingContext;
import dev.wct.testkit.connectors.DatabaseConnectorContract;
import dev.wct.testkit.connectors.Extraction;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The database connector contract, plus what only a JDBC connector can show: its sessions. */
public abstract class JdbcConnectorContract extends DatabaseConnectorContract {
  @Override
  protected abstract DatabaseConnector<?> connector();

  /** {@code partition: {by: table}}: the partitions hold, in order, exactly the whole's items. */
  @Test
  void partitionsByTableHoldExactlyTheItemsOfTheWholeSource() throws Exception {
    ObjectNode properties = fixture.properties();
    RecordingContext context = new RecordingContext(tempDir);

    List<JsonNode> oneEach =
        connector().partitions(context, properties, new PartitionLimits(0, 0, Cut.TABLE));
    List<JsonNode> twoEach =
        connector().partitions(context, properties, new PartitionLimits(0, 2, Cut.TABLE));
    List<JsonNode> items = new ArrayList<>();
    for (JsonNode partition : oneEach) {
      items.addAll(Extraction.runPartition(connector(), context, properties, partition).items());
    }

    assertThat(oneEach)
        .extracting(p -> p.path("tables").get(0).asText().replaceFirst(".*\\.", ""))
        .containsExactly("customers", "employees", "orders", "product_catalog");
    assertThat(twoEach).extracting(p -> p.path("tables").size()).containsExactly(2, 2);
    assertThat(items).containsExactlyElementsOf(extract(properties).items());
  }

  /**
   * {@code partition: {by: rows}}: tables read in full cut into key ranges of {@code max_items}
   * rows; the partitions hold, in order, exactly the whole's items, row indexes included.
   */
  @Test
  void partitionsByRowsHoldExactlyTheItemsOfTheWholeSource() throws Exception {
    StringBuilder insert = new StringBuilder("INSERT INTO events VALUES ");
    for (int id = 25; id >= 1; id--) { // reverse order: only ORDER BY reads id 1 first
      insert.append("(").append(id * 7).append(", 'event ").append(id).append("')");
      insert.append(id > 1 ? ", " : "");
    }
    fixture.execute(
        "CREATE TABLE events (id INTEGER PRIMARY KEY, label VARCHAR(20))", insert.toString());
    ObjectNode properties = fixture.properties();
    RecordingContext context = new RecordingContext(tempDir);

    List<JsonNode> partitions =
        connector().partitions(context, properties, new PartitionLimits(0, 10, Cut.ROWS));
    List<JsonNode> items = new ArrayList<>();
    for (JsonNode partition : partitions) {
      items.addAll(Extraction.runPartition(connector(), context, properties, partition).items());
    }

    // customers 15 rows: 10 + 5; events 25: 10 + 10 + 5; the others fit in one partition each
    assertThat(partitions)
        .extracting(
            p ->
                p.path("tables").get(0).asText().replaceFirst(".*\\.", "")
                    + " "
                    + p.path("rows").path("first_row").asText("-"))
        .containsExactly(
            "customers 0",
            "customers 10",
            "employees -",
            "events 0",
            "events 10",
            "events 20",
            "orders -",
            "product_catalog -");
    assertThat(partitions.get(3).path("rows").path("through").asLong()).isEqualTo(70);
    assertThat(partitions.get(5).path("rows").path("through").isNull())
        .as("the last range is open")
        .isTrue();
    assertThat(items).containsExactlyElementsOf(extract(properties).items());
  }

  /**
   * A table sampled (more rows than {@code max_rows_per_table}) or without an integer key is one
   * partition, the reason recorded in its descriptor; the items are still the whole's.
   */
  @Test
  void tablesThatCannotBeCutByRowsAreOnePartitionWithTheReason() throws Exception {
    ObjectNode properties = fixture.properties().put("max_rows_per_table", 12);
    RecordingContext context = new RecordingContext(tempDir);

    List<JsonNode> partitions =
        connector().partitions(context, properties, new PartitionLimits(0, 2, Cut.ROWS));
    List<JsonNode> items = new ArrayList<>();
    for (JsonNode partition : partitions) {
      items.addAll(Extraction.runPartition(connector(), context, properties, partition).items());
    }

    JsonNode customers = partitions.get(0);
    assertThat(customers.path("tables").get(0).asText()).endsWith(".customers");
    assertThat(customers.path("not_cut").asText()).startsWith("sampled: more rows than");
    JsonNode catalog = partitions.get(partitions.size() - 1);
    assertThat(catalog.path("tables").get(0).asText()).endsWith(".product_catalog");
    assertThat(catalog.path("not_cut").asText())
        .isEqualTo("no single-column integer primary key nor row id");
    // employees 3 rows: 2 + 1; orders 5: 2 + 2 + 1
    assertThat(partitions).hasSize(1 + 2 + 3 + 1);
    assertThat(items).containsExactlyElementsOf(extract(properties).items());
  }

  @Test
  void opensSessionsThatRefuseWrites() throws Exception {
    try (DatabaseSession session =
        connector().openSession(fixture.properties(), new RecordingContext(tempDir))) {
      assertThat(session.connection().isReadOnly()).isTrue();
      assertThatThrownBy(
              () -> {
                try (Statement statement = session.connection().createStatement()) {
                  statement.executeUpdate(
                      "INSERT INTO "
                          + connector()
                              .qualifiedName(new Table(fixture.schema(), "orders", List.of()))
                          + " VALUES (99, 1, 1.00, '2024-02-02')");
                }
              })
          .isInstanceOf(SQLException.class);
    }
  }
}
