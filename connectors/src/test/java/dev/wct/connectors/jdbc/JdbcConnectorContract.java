package dev.wct.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wct.testkit.RecordingContext;
import dev.wct.testkit.connectors.DatabaseConnectorContract;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The database connector contract, plus what only a JDBC connector can show: its sessions. */
public abstract class JdbcConnectorContract extends DatabaseConnectorContract {
  @Override
  protected abstract DatabaseConnector<?> connector();

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
