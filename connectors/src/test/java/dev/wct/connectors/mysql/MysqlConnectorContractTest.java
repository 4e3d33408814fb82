package dev.wct.connectors.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.testkit.connectors.Extraction;
import dev.wct.connectors.jdbc.DatabaseConnector;
import dev.wct.connectors.jdbc.DatabaseConnectorContract;
import dev.wct.testkit.connectors.DatabaseFixture;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.spi.json.Json;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The database connector contract on the local MariaDB server (root, empty password). */
class MysqlConnectorContractTest extends DatabaseConnectorContract {
  static final String HOST = "127.0.0.1";
  static final int PORT = 3306;
  static final String USER = "root";

  static Connection adminConnection() throws SQLException {
    Properties info = new Properties();
    info.setProperty("user", USER);
    return new org.mariadb.jdbc.Driver()
        .connect("jdbc:mariadb://" + HOST + ":" + PORT + "/test", info);
  }

  @Override
  protected DatabaseConnector connector() {
    return new MysqlConnector();
  }

  @Override
  protected DatabaseFixture createFixture(String uniqueName) throws Exception {
    DatabaseFixture fixture =
        new DatabaseFixture(adminConnection()) {
          @Override
          public String schema() {
            return uniqueName;
          }

          @Override
          public ObjectNode properties() {
            return serverProperties().put("database", uniqueName);
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
          protected void drop(Connection admin) throws SQLException {
            execute("DROP DATABASE IF EXISTS " + uniqueName);
          }
        };
    fixture.execute("CREATE DATABASE " + uniqueName, "USE " + uniqueName);
    return fixture;
  }

  static ObjectNode serverProperties() {
    return Json.mapper().createObjectNode().put("host", HOST).put("port", PORT).put("user", USER);
  }

  @Override
  protected Optional<ObjectNode> unreachableProperties(int closedPort, String password) {
    return Optional.of(
        serverProperties()
            .put("port", closedPort)
            .put("password", password)
            .put("database", "crm")
            .put("connect_timeout", 2));
  }

  @Override
  protected ObjectNode rejectedProperties() {
    return serverProperties().put("password", SECRET_PASSWORD).put("database", fixture.schema());
  }

  @Test
  void aWrongPasswordIsAUserErrorSayingAccessDenied() {
    assertThatThrownBy(() -> extract(rejectedProperties()))
        .isInstanceOfSatisfying(
            WctException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
        .hasMessageStartingWith(
            "mysql: cannot connect to 127.0.0.1:3306 database '"
                + fixture.schema()
                + "': Access denied for user 'root'");
  }

  @Test
  void withoutADatabaseEveryNonSystemDatabaseIsRead() throws Exception {
    ObjectNode properties = serverProperties();
    properties.putArray("include_tables").add(fixture.schema() + ".product_catalog");

    Extraction result = extract(properties);

    assertThat(result.itemMetadata("schema")).containsOnly(fixture.schema());
    assertThat(result.contents()).contains("sku: SKU-001");
    assertThat(result.fields().path("source").asText()).isEqualTo("mysql://127.0.0.1:3306");
  }

  @Test
  void aResolvedPortPlaceholderArrivesAsTextAndIsAccepted() throws Exception {
    assertThat(extract(fixture.properties().put("port", "3306")).items()).isNotEmpty();
  }
}
