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
