package dev.wct.testkit.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.core.run.ObjectCoverage;
import dev.wct.spi.Connector;
import dev.wct.spi.coverage.SkipReason;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.testkit.RecordingContext;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every database connector promises, run against the real servers of this machine: each test
 * seeds its own uniquely named schema with personal and non-personal tables and drops it after.
 */
public abstract class DatabaseConnectorContract {
  protected static final String SECRET_PASSWORD = "s3cr3t-Pa55word";
  private static final List<String> TABLES =
      List.of("customers", "employees", "orders", "product_catalog");

  @TempDir protected Path tempDir;
  protected DatabaseFixture fixture;

  protected abstract Connector connector();

  /**
   * How a table above {@code random_order_max_rows} is sampled: {@code key_ranges} unless the
   * database has its own sampling.
   */
  protected String largeTableMethod() {
    return "key_ranges";
  }

  /** Creates (but does not fill) a uniquely named schema. */
  protected abstract DatabaseFixture createFixture(String uniqueName) throws Exception;

  /** Properties for a server port where nothing listens, with {@code password}; empty if n/a. */
  protected abstract Optional<ObjectNode> unreachableProperties(int closedPort, String password);

  /** Properties the server rejects as bad credentials or an unknown database. */
  protected abstract ObjectNode rejectedProperties();

  @BeforeEach
  void seed() throws Exception {
    String name = "wct_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    fixture = createFixture(name);
    fixture.execute(
        "CREATE TABLE customers (id INTEGER PRIMARY KEY, full_name VARCHAR(100) NOT NULL,"
            + " email VARCHAR(100), phone VARCHAR(30), date_of_birth DATE, iban VARCHAR(34))",
        "CREATE TABLE employees (id INTEGER PRIMARY KEY, full_name VARCHAR(100),"
            + " work_email VARCHAR(100), salary DECIMAL(10,2), photo "
            + fixture.binaryType()
            + ")",
        "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER,"
            + " total DECIMAL(10,2), placed_at DATE)",
        "CREATE TABLE product_catalog (sku VARCHAR(20) PRIMARY KEY, price DECIMAL(10,2))");
    List<String> inserts = new ArrayList<>();
    // Inserted in reverse key order, so only an ORDER BY on the key reads id 1 first.
    for (int id = 15; id >= 1; id--) {
      inserts.add(
          "INSERT INTO customers VALUES ("
              + id
              + ", 'Customer "
              + id
              + "', 'customer"
              + id
              + "@example.com', "
              + (id % 2 == 0 ? "NULL" : "'+44 20 7946 0" + String.format("%03d", id) + "'")
              + ", '19"
              + (70 + id)
              + "-04-12', 'GB82WEST1234569876543"
              + String.format("%02d", id)
              + "')");
    }
    inserts.add(
        "INSERT INTO employees VALUES (1, 'Erika Mustermann', 'erika@corp.example', 5100.00, "
            + fixture.binaryLiteral()
            + ")");
    inserts.add(
        "INSERT INTO employees VALUES (2, 'John Smith', 'john@corp.example', 4800.50, NULL)");
    inserts.add("INSERT INTO employees VALUES (3, 'Jane Doe', NULL, 6200.00, NULL)");
    for (int id = 1; id <= 5; id++) {
      inserts.add(
          "INSERT INTO orders VALUES ("
              + id
              + ", "
              + id
              + ", "
              + (id * 10)
              + ".50, '2024-01-0"
              + id
              + "')");
    }
    inserts.add("INSERT INTO product_catalog VALUES ('SKU-003', 3.00)");
    inserts.add("INSERT INTO product_catalog VALUES ('SKU-001', 1.00)");
    inserts.add("INSERT INTO product_catalog VALUES ('SKU-002', 2.00)");
    fixture.execute(inserts.toArray(String[]::new));
  }

  @AfterEach
  void dropSeededSchema() throws Exception {
    if (fixture != null) {
      fixture.close();
    }
  }

  protected Extraction extract(ObjectNode properties) throws Exception {
    return Extraction.run(connector(), new RecordingContext(tempDir), properties);
  }

  private List<JsonNode> itemsOf(Extraction result, String table) {
    return result.items().stream()
        .filter(item -> item.path("metadata").path("table").asText().equals(table))
        .toList();
  }

  @Test
  void readsTheCatalogueOfTablesColumnsAndTypesIntoTheMetadata() throws Exception {
    JsonNode catalogue = extract(fixture.properties()).metadata().path("catalogue");

    assertThat(tableNames(catalogue)).isEqualTo(TABLES);
    JsonNode customers = catalogue.path("tables").get(0);
    assertThat(customers.path("schema").asText()).isEqualTo(fixture.schema());
    assertThat(customers.path("name").asText()).isEqualTo("customers");
    assertThat(customers.path("columns").findValuesAsText("name"))
        .containsExactly("id", "full_name", "email", "phone", "date_of_birth", "iban");
    assertThat(customers.path("columns").findValuesAsText("data_type"))
        .allSatisfy(type -> assertThat(type).isNotBlank());
    assertThat(customers.path("primary_key").get(0).asText()).isEqualTo("id");
    assertThat(catalogue.path("table_count").asInt()).isEqualTo(4);
  }

  /**
   * The catalogue's keys, per column: {@code key} is {@code primary} or {@code foreign}, and a
   * foreign key's column names the column it refers to, a key of its own table included.
   */
  @Test
  void readsPrimaryAndForeignKeysIntoTheCatalogue() throws Exception {
    fixture.execute(
        "CREATE TABLE teams (code INTEGER PRIMARY KEY, label VARCHAR(20))",
        "CREATE TABLE members (id INTEGER PRIMARY KEY, team_code INTEGER, mentor_id INTEGER,"
            + " nickname VARCHAR(20), FOREIGN KEY (team_code) REFERENCES teams (code),"
            + " FOREIGN KEY (mentor_id) REFERENCES members (id))");

    JsonNode catalogue = extract(fixture.properties()).metadata().path("catalogue");

    JsonNode members = table(catalogue, "members").path("columns");
    assertThat(members.get(0).path("key").asText()).isEqualTo("primary");
    assertThat(members.get(0).has("references")).isFalse();
    assertThat(members.get(1).path("key").asText()).isEqualTo("foreign");
    assertThat(members.get(1).path("references").asText())
        .isEqualTo(fixture.schema() + ".teams.code");
    assertThat(members.get(2).path("references").asText())
        .isEqualTo(fixture.schema() + ".members.id");
    assertThat(members.get(3).has("key")).as("nickname is no key").isFalse();
    JsonNode orders = table(catalogue, "orders").path("columns");
    assertThat(orders.get(1).path("name").asText()).isEqualTo("customer_id");
    assertThat(orders.get(1).has("key"))
        .as("a column named like a key, without a declared foreign key")
        .isFalse();
    assertThat(table(catalogue, "teams").path("columns").get(0).path("key").asText())
        .isEqualTo("primary");
  }

  private static JsonNode table(JsonNode catalogue, String name) {
    for (JsonNode table : catalogue.path("tables")) {
      if (table.path("name").asText().equals(name)) {
        return table;
      }
    }
    throw new AssertionError("no table " + name + " in " + catalogue);
  }

  @Test
  void writesOneItemPerNonNullCellWithItsLocation() throws Exception {
    Extraction result = extract(fixture.properties());

    JsonNode email =
        result.items().stream()
            .filter(item -> item.path("content").asText().equals("email: customer1@example.com"))
            .findFirst()
            .orElseThrow();
    JsonNode metadata = email.path("metadata");
    assertThat(metadata.path("connector_type").asText()).isEqualTo(connector().type());
    assertThat(metadata.path("source").asText()).isEqualTo(fixture.schema() + ".customers.email");
    assertThat(metadata.path("schema").asText()).isEqualTo(fixture.schema());
    assertThat(metadata.path("table").asText()).isEqualTo("customers");
    assertThat(metadata.path("column").asText()).isEqualTo("email");
    assertThat(metadata.path("data_type").asText()).isNotBlank();
    assertThat(metadata.path("row").asInt()).isZero();
    // The system names the database server (or file) as a URL without credentials.
    String system = metadata.path("system").asText();
    assertThat(system).startsWith(connector().type() + "://").doesNotContain("@");
    assertThat(result.metadata().path("system").asText()).isEqualTo(system);
    assertThat(metadata.path("artifact").asText()).isNotBlank();
    assertThat(result.contents())
        .contains("iban: GB82WEST123456987654301", "sku: SKU-001", "full_name: Jane Doe");
  }

  @Test
  void writesContentThatConformsToTheStandardInputSchema() throws Exception {
    Extraction result = extract(fixture.properties());

    assertThat(result.items()).isNotEmpty();
    assertThat(result.schemaViolations()).isEmpty();
  }

  @Test
  void readsNoMoreThanMaxRowsPerTable() throws Exception {
    Extraction result = extract(fixture.properties().put("max_rows_per_table", 10));

    List<JsonNode> customers = itemsOf(result, "customers");
    assertThat(customers.stream().map(item -> item.path("metadata").path("row").asInt()).distinct())
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(ids(customers)).hasSize(10);
    assertThat(result.summary().path("rows_read").asLong()).isEqualTo(10 + 3 + 5 + 3);

    Extraction two = extract(fixture.properties().put("max_rows_per_table", "2"));
    assertThat(two.summary().path("rows_read").asLong()).isEqualTo(8);
    assertThat(itemsOf(two, "customers"))
        .allSatisfy(item -> assertThat(item.path("metadata").path("row").asInt()).isLessThan(2));
  }

  @Test
  void readsEveryRowOfTablesUpToOneThousandRowsByDefault() throws Exception {
    Extraction result = extract(fixture.properties());

    assertThat(result.metadata().path("max_rows_per_table").asInt()).isEqualTo(1000);
    assertThat(result.metadata().path("sample_seed").asLong()).isZero();
    assertThat(result.summary().path("rows_read").asLong()).isEqualTo(15 + 3 + 5 + 3);
    JsonNode customers = samplingOf(result, "customers");
    assertThat(customers.path("method").asText()).isEqualTo("all_rows");
    assertThat(customers.path("seed").asLong()).isZero();
    assertThat(customers.path("rows_read").asLong()).isEqualTo(15);
    assertThat(customers.path("rows_estimated").asLong()).isEqualTo(15);
    assertThat(result.summary().path("sampling").findValuesAsText("method"))
        .containsOnly("all_rows")
        .hasSize(4);
  }

  @Test
  void aTableLargerThanTheSampleGivesExactlyMaxRowsInASeededRandomOrder() throws Exception {
    seedEvents(200);
    ObjectNode properties = fixture.properties().put("max_rows_per_table", 20);
    properties.putArray("include_tables").add("events");

    Extraction first = extract(properties);
    Extraction again = extract(properties);
    Extraction otherSeed = extract(properties.deepCopy().put("sample_seed", 7));

    JsonNode sampling = samplingOf(first, "events");
    assertThat(sampling.path("method").asText()).isEqualTo("random_order");
    assertThat(sampling.path("rows_read").asLong()).isEqualTo(20);
    assertThat(sampling.path("rows_estimated").asLong()).isEqualTo(200);
    List<Integer> ids = ids(itemsOf(first, "events"));
    assertThat(ids).hasSize(20).doesNotHaveDuplicates();
    assertThat(ids).as("not just the first rows by key").anyMatch(id -> id > 20);
    assertThat(again.items()).as("same seed, same rows").isEqualTo(first.items());
    assertThat(samplingOf(otherSeed, "events").path("seed").asLong()).isEqualTo(7);
    assertThat(ids(itemsOf(otherSeed, "events")))
        .hasSize(20)
        .as("another seed, other rows")
        .isNotEqualTo(ids);
  }

  @Test
  void aTableAboveTheRandomOrderThresholdIsSampledWithoutAFullRead() throws Exception {
    seedEvents(200);
    ObjectNode properties =
        fixture.properties().put("max_rows_per_table", 20).put("random_order_max_rows", 50);
    properties.putArray("include_tables").add("events");

    Extraction first = extract(properties);
    Extraction again = extract(properties);
    Extraction otherSeed = extract(properties.deepCopy().put("sample_seed", 7));

    JsonNode sampling = samplingOf(first, "events");
    assertThat(sampling.path("method").asText()).isEqualTo(largeTableMethod());
    List<Integer> ids = ids(itemsOf(first, "events"));
    assertThat(ids).doesNotHaveDuplicates().hasSizeBetween(1, 20);
    assertThat(sampling.path("rows_read").asLong()).isEqualTo(ids.size());
    assertThat(ids).as("not just the first rows by key").anyMatch(id -> id > 20);
    assertThat(again.items()).as("same seed, same rows").isEqualTo(first.items());
    assertThat(ids(itemsOf(otherSeed, "events"))).as("another seed, other rows").isNotEqualTo(ids);
  }

  /** A table {@code events (id, label)} with ids 1..{@code rows}, inserted in reverse. */
  private void seedEvents(int rows) throws Exception {
    StringBuilder insert = new StringBuilder("INSERT INTO events VALUES ");
    for (int id = rows; id >= 1; id--) {
      insert.append("(").append(id).append(", 'event ").append(id).append("')");
      insert.append(id > 1 ? ", " : "");
    }
    fixture.execute(
        "CREATE TABLE events (id INTEGER PRIMARY KEY, label VARCHAR(20))", insert.toString());
  }

  private static JsonNode samplingOf(Extraction result, String table) {
    for (JsonNode entry : result.summary().path("sampling")) {
      if (entry.path("table").asText().endsWith("." + table)) {
        return entry;
      }
    }
    throw new AssertionError("no sampling record for " + table + ": " + result.summary());
  }

  /** The ids read: the values of the items of column {@code id}. */
  private static List<Integer> ids(List<JsonNode> items) {
    return items.stream()
        .filter(item -> item.path("metadata").path("column").asText().equals("id"))
        .map(item -> Integer.valueOf(item.path("content").asText().substring("id: ".length())))
        .toList();
  }

  @Test
  void skipsNullAndBinaryCells() throws Exception {
    Extraction result = extract(fixture.properties());

    List<String> customers =
        itemsOf(result, "customers").stream().map(item -> item.path("content").asText()).toList();
    // Rows 1..15: the eight odd ids have a phone, the seven even ids have none.
    assertThat(customers).filteredOn(content -> content.startsWith("phone: ")).hasSize(8);
    assertThat(result.contents()).noneMatch(content -> content.startsWith("photo: "));
    assertThat(result.contents()).noneMatch(content -> content.endsWith(": null"));
    assertThat(result.summary().path("null_cells_skipped").asLong()).isEqualTo(7 + 1 + 2);
    assertThat(result.summary().path("binary_cells_skipped").asLong()).isEqualTo(1);
  }

  @Test
  void includeAndExcludeTablesFilterByNameOrQualifiedName() throws Exception {
    ObjectNode properties = fixture.properties();
    properties.putArray("include_tables").add("customers").add(fixture.schema() + ".orders");
    properties.putArray("exclude_tables").add("orders");

    Extraction result = extract(properties);

    assertThat(result.itemMetadata("table")).containsOnly("customers");
    assertThat(tableNames(result.metadata().path("catalogue"))).containsExactly("customers");

    ObjectNode excluding = fixture.properties();
    excluding.putArray("exclude_tables").add("customers").add("employees");
    assertThat(extract(excluding).itemMetadata("table")).containsOnly("orders", "product_catalog");
  }

  @Test
  void recordsEachTableSampledWithItsRowsAndEachExcludedTableSkipped() throws Exception {
    RecordingContext context = new RecordingContext(tempDir);
    ObjectNode properties = fixture.properties().put("max_rows_per_table", 10);
    properties.putArray("exclude_tables").add("product_catalog");

    Extraction.run(connector(), context, properties);

    String schema = fixture.schema();
    List<ObjectCoverage> objects = context.coverage().objects();
    assertThat(objects)
        .contains(
            ObjectCoverage.sampled(schema + ".employees", 3, 3L),
            ObjectCoverage.sampled(schema + ".orders", 5, 5L),
            ObjectCoverage.skipped(schema + ".product_catalog", SkipReason.EXCLUDED));
    ObjectCoverage customers =
        objects.stream()
            .filter(o -> o.object().equals(schema + ".customers"))
            .findFirst()
            .orElseThrow();
    assertThat(customers.state()).isEqualTo(ObjectCoverage.State.SAMPLED);
    assertThat(customers.rowsRead()).isEqualTo(10);
    // more rows than the sample took, fewer than random_order_max_rows: counted exactly
    assertThat(customers.rowsEstimated()).isEqualTo(15L);
    assertThat(context.coverage().summary().warnings("db", true)).isEmpty();
  }

  @Test
  void itemOrderIsTheSameOnEveryRunByTableThenKeyThenColumn() throws Exception {
    Extraction first = extract(fixture.properties());
    Extraction second = extract(fixture.properties());

    assertThat(second.items()).isEqualTo(first.items());
    assertThat(first.itemMetadata("table").stream().distinct())
        .containsSubsequence(TABLES.toArray(String[]::new));
    assertThat(first.contents().subList(0, 3))
        .containsExactly("id: 1", "full_name: Customer 1", "email: customer1@example.com");
    assertThat(itemsOf(first, "product_catalog").get(0).path("content").asText())
        .isEqualTo("sku: SKU-001");
  }

  @Test
  void heartbeatsOncePerTable() throws Exception {
    RecordingContext context = new RecordingContext(tempDir);
    ObjectNode properties = fixture.properties();
    properties.putArray("include_tables").add("customers").add("orders");

    Extraction.run(connector(), context, properties);

    assertThat(context.heartbeats()).hasSize(2);
    assertThat(context.heartbeats().get(0).toString()).contains("customers");
  }

  @Test
  void leavesTheSeededDataUnchanged() throws Exception {
    List<String> customers = fixture.rows("customers", "id");
    List<String> employees = fixture.rows("employees", "id");

    extract(fixture.properties());

    assertThat(fixture.rows("customers", "id")).isEqualTo(customers).hasSize(15);
    assertThat(fixture.rows("employees", "id")).isEqualTo(employees);
  }

  @Test
  void anUnreachableServerIsOneRetryableLineWithoutThePassword() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Optional<ObjectNode> properties = unreachableProperties(closedPort, SECRET_PASSWORD);
    assumeThat(properties).as("connector has a server").isPresent();

    assertThatThrownBy(() -> extract(properties.get()))
        .isInstanceOfSatisfying(
            WctException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL);
              assertThat(e.getMessage())
                  .startsWith(connector().type() + ": cannot connect to 127.0.0.1:" + closedPort)
                  .containsIgnoringCase("refused")
                  .doesNotContain(SECRET_PASSWORD)
                  .doesNotContain("\n");
              assertThat(chainMessages(e)).noneMatch(m -> m.contains(SECRET_PASSWORD));
            });
  }

  @Test
  void rejectedCredentialsOrDatabaseAreAUserError() {
    assertThatThrownBy(() -> extract(rejectedProperties()))
        .isInstanceOfSatisfying(
            WctException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.USER);
              assertThat(e.getMessage())
                  .startsWith(connector().type() + ": ")
                  .doesNotContain(SECRET_PASSWORD)
                  .doesNotContain("\n");
            });
  }

  private static List<String> chainMessages(Throwable e) {
    List<String> messages = new ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause()) {
      messages.add(String.valueOf(t.getMessage()));
    }
    return messages;
  }

  private static List<String> tableNames(JsonNode catalogue) {
    List<String> names = new ArrayList<>();
    catalogue.path("tables").forEach(table -> names.add(table.path("name").asText()));
    return names;
  }
}
