package dev.wct.connectors.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.connectors.jdbc.DatabaseConnector;
import dev.wct.connectors.jdbc.JdbcConnectorContract;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.spi.json.Json;
import dev.wct.testkit.connectors.DatabaseFixture;
import dev.wct.testkit.connectors.Extraction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The database connector contract on the local PostgreSQL server (trust auth, database test). */
class PostgresqlConnectorContractTest extends JdbcConnectorContract {
  static final String HOST = "127.0.0.1";
  static final int PORT = 5432;
  static final String USER = "postgres";
  static final String DATABASE = "test";

  static Connection adminConnection() throws SQLException {
    Properties info = new Properties();
    info.setProperty("user", USER);
    return new org.postgresql.Driver()
        .connect("jdbc:postgresql://" + HOST + ":" + PORT + "/" + DATABASE, info);
  }

  @Override
  protected DatabaseConnector<?> connector() {
    return new PostgresqlConnector();
  }

  @Override
  protected String largeTableMethod() {
    return "tablesample_bernoulli";
  }

  @Override
  protected DatabaseFixture createFixture(String uniqueName) throws Exception {
    Connection admin = adminConnection();
    DatabaseFixture fixture =
        new DatabaseFixture(admin) {
          @Override
          public String schema() {
            return uniqueName;
          }

          @Override
          public ObjectNode properties() {
            ObjectNode properties = serverProperties();
            properties.putArray("schemas").add(uniqueName);
            return properties;
          }

          @Override
          public String binaryType() {
            return "BYTEA";
          }

          @Override
          public String binaryLiteral() {
            return "'\\x010203'::bytea";
          }

          @Override
          protected void drop(Connection admin) throws SQLException {
            execute("DROP SCHEMA IF EXISTS " + uniqueName + " CASCADE");
          }
        };
    fixture.execute("CREATE SCHEMA " + uniqueName, "SET search_path TO " + uniqueName);
    return fixture;
  }

  static ObjectNode serverProperties() {
    return Json.mapper()
        .createObjectNode()
        .put("host", HOST)
        .put("port", PORT)
        .put("user", USER)
        .put("database", DATABASE);
  }

  @Override
  protected Optional<ObjectNode> unreachableProperties(int closedPort, String password) {
    return Optional.of(
        serverProperties()
            .put("port", closedPort)
            .put("password", password)
            .put("connect_timeout", 2));
  }

  /** Trust authentication accepts any password, so an unknown role is the rejected credential. */
  @Override
  protected ObjectNode rejectedProperties() {
    return serverProperties().put("user", "wct_no_such_role").put("password", SECRET_PASSWORD);
  }

  @Test
  void anUnknownDatabaseIsAUserErrorNamingIt() {
    assertThatThrownBy(() -> extract(serverProperties().put("database", "wct_no_such_db")))
        .isInstanceOfSatisfying(
            WctException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
        .hasMessage(
            "postgresql: cannot connect to 127.0.0.1:5432 database 'wct_no_such_db':"
                + " FATAL: database \"wct_no_such_db\" does not exist");
  }

  @Test
  void onlyTheConfiguredSchemasAreRead() throws Exception {
    String probe = "public.probe_" + fixture.schema();
    fixture.execute(
        "CREATE TABLE " + probe + " (note TEXT)", "INSERT INTO " + probe + " VALUES ('probe')");
    try {
      Extraction result = extract(fixture.properties());

      assertThat(result.contents()).doesNotContain("note: probe").contains("sku: SKU-001");
      assertThat(result.itemMetadata("schema")).containsOnly(fixture.schema());
    } finally {
      fixture.execute("DROP TABLE " + probe);
    }
  }

  @Test
  void aTableTheUserMayNotSelectFromIsSkippedAndLaterTablesAreStillRead() throws Exception {
    String role = "wct_role_" + fixture.schema().substring("wct_test_".length());
    fixture.execute(
        "CREATE ROLE " + role + " LOGIN",
        "GRANT USAGE ON SCHEMA " + fixture.schema() + " TO " + role,
        "GRANT SELECT ON customers, orders, product_catalog TO " + role,
        // Visible in the catalogue through a privilege, but not readable.
        "GRANT INSERT ON employees TO " + role);
    try {
      Extraction result = extract(fixture.properties().put("user", role));

      assertThat(result.summary().path("tables_skipped").get(0).path("table").asText())
          .isEqualTo(fixture.schema() + ".employees");
      assertThat(result.summary().path("tables_skipped").get(0).path("reason").asText())
          .contains("permission denied");
      assertThat(result.itemMetadata("table"))
          .doesNotContain("employees")
          .contains("customers", "orders", "product_catalog");
    } finally {
      fixture.execute("DROP OWNED BY " + role, "DROP ROLE " + role);
    }
  }
}
