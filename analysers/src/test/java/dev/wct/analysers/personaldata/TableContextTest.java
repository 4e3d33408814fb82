package dev.wct.analysers.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.analysers.testing.CollectingWriter;
import dev.wct.analysers.testing.Inputs;
import dev.wct.spi.json.Json;
import dev.wct.testkit.RecordingContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ruleset 1.3.0: column-name rules that read the table around the column. A shop's schema of our
 * own, with a person table, its address, reference tables of places and products, orders and a
 * table of sales figures that no person is in.
 */
class TableContextTest {
  private static final String SYSTEM = "postgresql://127.0.0.1:5432/shop";

  private static final Map<String, List<String>> SHOP = new LinkedHashMap<>();

  static {
    SHOP.put("client", List.of("client_id", "given_name", "surname", "email", "home_address_id"));
    SHOP.put("employee", List.of("employee_id", "full_name", "image", "town"));
    SHOP.put("profile", List.of("profile_id", "email", "picture"));
    SHOP.put("home_address", List.of("home_address_id", "street", "city", "region_id"));
    SHOP.put("region", List.of("region_id", "region", "country"));
    SHOP.put("warehouse", List.of("warehouse_id", "city", "country"));
    SHOP.put("product", List.of("product_id", "title", "price", "picture", "created_date"));
    SHOP.put("orders", List.of("order_id", "client_id", "product_id", "total", "order_date"));
    SHOP.put("sales_target", List.of("sales_target_id", "amount", "target_date"));
  }

  @Test
  void columnNamesReadTheirTableByTheDefaultRuleset() {
    List<String> found = findings(null, SHOP, List.of());

    assertThat(found)
        .contains(
            // a person's town, in a person table and in the address row a person table refers to
            "employee.town:location",
            "home_address.city:location",
            // generic amount and date columns of an order table that refers to a client
            "orders.total:purchase_history",
            "orders.order_date:purchase_history",
            // a picture column of a person table, named for people or holding an e-mail address
            "employee.image:photo",
            "profile.picture:photo");
    assertThat(found)
        .noneMatch(
            f ->
                // reference tables of places that no person table refers to
                f.startsWith("region.")
                    || f.startsWith("warehouse.")
                    // a product's price and picture, a sales figure with no person in the row
                    || f.startsWith("product.")
                    || f.startsWith("sales_target."));
  }

  @Test
  void aPlaceNameInAReferenceTableIsNoPersonsLocationButInAnAddressItIs() {
    List<ObjectNode> cells =
        List.of(
            Inputs.cell("shop", SYSTEM, "public", "warehouse", "city", "Kansas City"),
            Inputs.cell("shop", SYSTEM, "public", "home_address", "street", "Kansas City Road 4"));

    List<String> found = findings(null, SHOP, cells);

    assertThat(found).contains("home_address.street:location");
    assertThat(found).noneMatch(f -> f.startsWith("warehouse."));
  }

  @Test
  void aForeignKeyNamedForAPersonTableLinksItsRowsToAPerson() {
    Map<String, List<String>> schema = new LinkedHashMap<>();
    schema.put("users", List.of("id", "email"));
    schema.put("booking", List.of("id", "user_id", "price", "check_in_date"));
    schema.put("bookings_archive", List.of("id", "room", "price", "check_in_date"));

    List<String> found = findings(null, schema, List.of());

    assertThat(found)
        .contains("booking.price:purchase_history", "booking.check_in_date:purchase_history");
    assertThat(found).noneMatch(f -> f.startsWith("bookings_archive."));
  }

  @Test
  void withoutACatalogueAGenericColumnNameIsNoFindingAndAPlaceStillIs() {
    List<ObjectNode> cells =
        List.of(
            Inputs.cell("shop", SYSTEM, "public", "orders", "total", "12.50"),
            Inputs.cell("shop", SYSTEM, "public", "orders", "client_id", "7"),
            Inputs.cell("shop", SYSTEM, "public", "warehouse", "city", "Leeds"));

    List<String> found = findings(null, Map.of(), cells);

    assertThat(found).containsExactly("warehouse.city:location");
  }

  @Test
  void rulesetOneTwoStillLoadsAndReadsColumnsWithoutTheirTable() {
    List<String> found = findings("local/personal_data_indicator/1.2.0", SHOP, List.of());

    assertThat(found).contains("warehouse.city:location", "region.country:location");
    assertThat(found).noneMatch(f -> f.endsWith(":purchase_history") || f.endsWith(":photo"));
  }

  private static List<String> findings(
      String ruleset, Map<String, List<String>> tables, List<ObjectNode> cells) {
    ObjectNode fields = Json.mapper().createObjectNode().put("name", "shop");
    ObjectNode metadata = fields.putObject("metadata").put("system", SYSTEM);
    if (!tables.isEmpty()) {
      ArrayNode catalogue = metadata.putObject("catalogue").putArray("tables");
      tables.forEach(
          (table, columns) -> {
            ArrayNode columnNodes =
                catalogue
                    .addObject()
                    .put("schema", "public")
                    .put("name", table)
                    .putArray("columns");
            columns.forEach(
                column -> columnNodes.addObject().put("name", column).put("data_type", "text"));
          });
    }
    ObjectNode properties = Json.mapper().createObjectNode();
    if (ruleset != null) {
      properties.put("ruleset", ruleset);
    }
    CollectingWriter out = new CollectingWriter("findings");
    new PersonalDataAnalyser()
        .analyse(
            new RecordingContext(Path.of("."), "run-1", "pii"),
            properties,
            List.of(Inputs.standardInput("shop", fields, cells)),
            out);
    List<String> found = new ArrayList<>();
    for (JsonNode finding : out.items()) {
      found.add(
          finding.path("location").path("table").asText()
              + "."
              + finding.path("location").path("column").asText()
              + ":"
              + finding.path("category").asText());
    }
    return found;
  }
}
