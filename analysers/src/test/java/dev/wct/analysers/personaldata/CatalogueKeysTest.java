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
 * The primary and foreign keys a database connector declares in its catalogue ({@code key}, {@code
 * references}): a travel agency's schema of our own, written once with its keys and once, the same
 * names, without (a catalogue from a connector that reads none).
 */
class CatalogueKeysTest {
  private static final String SYSTEM = "postgresql://127.0.0.1:5432/agency";

  /** Columns as {@code name type [primary|foreign [schema.table.column]]}. */
  private static final Map<String, List<String>> AGENCY = new LinkedHashMap<>();

  static {
    AGENCY.put(
        "traveller",
        List.of(
            "traveller_id integer primary",
            "full_name text",
            "home integer foreign public.residence.residence_id"));
    AGENCY.put("residence", List.of("residence_id integer primary", "town text"));
    AGENCY.put(
        "crew",
        List.of(
            "staff_id smallint primary",
            "device_id bigint foreign public.terminal.device_id",
            "full_name text",
            "contact_email text foreign public.mailbox.email"));
    AGENCY.put(
        "terminal",
        List.of(
            "device_id bigint primary",
            "label text",
            "assigned_staff_id smallint foreign public.crew.staff_id"));
    AGENCY.put("mailbox", List.of("email text primary"));
    AGENCY.put("payroll", List.of("employee_number integer primary", "grade text"));
    AGENCY.put(
        "booking",
        List.of(
            "booking_id integer primary",
            "holder integer foreign public.traveller.traveller_id",
            "price numeric",
            "check_in_date date"));
    AGENCY.put("voucher", List.of("card_id bigint primary", "price numeric"));
  }

  @Test
  void anIntegerKeyTheCatalogueDeclaresNamesNoCategoryEvenWhenItsNameIsAnIdentifiers() {
    List<String> found = findings(AGENCY, true, List.of());

    // "staff id" and "device id" are identifier keywords; here they name numbered rows
    assertThat(found)
        .noneMatch(
            f ->
                f.startsWith("crew.staff_id:")
                    || f.startsWith("crew.device_id:")
                    || f.startsWith("terminal.device_id:")
                    || f.startsWith("terminal.assigned_staff_id:"));
    // a key that is not a number, and an integer key not named like one, keep their names' category
    assertThat(found).contains("crew.contact_email:email", "mailbox.email:email");
    assertThat(found).contains("payroll.employee_number:employment");
  }

  @Test
  void withoutDeclaredKeysTheSameNamesAreReadAsBefore() {
    List<String> found = findings(AGENCY, false, List.of());

    assertThat(found)
        .contains(
            "crew.staff_id:employment",
            "crew.device_id:online_identifier",
            "terminal.assigned_staff_id:employment");
    assertThat(found)
        .noneMatch(
            f ->
                f.startsWith("residence.")
                    || f.startsWith("booking.price:")
                    || f.startsWith("booking.check_in_date:"));
  }

  @Test
  void aKeyColumnsValuesAreStillScanned() {
    List<ObjectNode> cells =
        List.of(
            Inputs.cell("agency", SYSTEM, "public", "voucher", "card_id", "4111111111111111"),
            Inputs.cell("agency", SYSTEM, "public", "crew", "staff_id", "7"));

    List<String> found = findings(AGENCY, true, cells);

    assertThat(found).contains("voucher.card_id:payment_card");
    assertThat(found).noneMatch(f -> f.startsWith("crew.staff_id:"));
  }

  @Test
  void aDeclaredForeignKeyLinksRowsToAPersonWhateverItsName() {
    List<String> found = findings(AGENCY, true, List.of());

    assertThat(found)
        .contains(
            // booking.holder refers to a table of people: what the row's person paid, and when
            "booking.price:purchase_history",
            "booking.check_in_date:purchase_history",
            // a traveller's home refers to the residence row: a person's town
            "residence.town:location");
    // a voucher's price refers to nobody
    assertThat(found).noneMatch(f -> f.startsWith("voucher."));
  }

  @Test
  void aTitleOfAnEmployeeIsAJobTitleAndAFilmsOrPostsIsNone() {
    // the shape of a company's HR schema next to a catalogue and a blog, written for this test
    Map<String, List<String>> schema = new LinkedHashMap<>();
    schema.put(
        "employees",
        List.of("emp_no integer primary", "first_name text", "last_name text", "title text"));
    schema.put(
        "titles",
        List.of("emp_no integer foreign public.employees.emp_no", "title text", "from_date date"));
    schema.put("job_titles", List.of("code text primary", "title text"));
    schema.put(
        "film",
        List.of(
            "film_id integer primary",
            "title text",
            "language_id integer foreign public.language.language_id"));
    schema.put("language", List.of("language_id integer primary", "name text"));
    schema.put("users", List.of("id integer primary", "email text"));
    schema.put(
        "posts",
        List.of("id integer primary", "user_id integer foreign public.users.id", "title text"));
    schema.put("book_titles", List.of("isbn text primary", "title text"));

    List<String> found = findings(null, schema, true, List.of());

    assertThat(found).contains("employees.title:employment", "titles.title:employment");
    assertThat(found)
        .noneMatch(
            f ->
                f.startsWith("film.")
                    || f.startsWith("posts.title")
                    || f.startsWith("job_titles.")
                    || f.startsWith("book_titles."));
    // ruleset 1.3.0 pins its results: no title is employment data there
    assertThat(findings("local/personal_data_indicator/1.3.0", schema, true, List.of()))
        .noneMatch(f -> f.endsWith(".title:employment"));
  }

  private static List<String> findings(
      Map<String, List<String>> tables, boolean keys, List<ObjectNode> cells) {
    return findings(null, tables, keys, cells);
  }

  private static List<String> findings(
      String ruleset, Map<String, List<String>> tables, boolean keys, List<ObjectNode> cells) {
    ObjectNode fields = Json.mapper().createObjectNode().put("name", "agency");
    ObjectNode metadata = fields.putObject("metadata").put("system", SYSTEM);
    ArrayNode catalogue = metadata.putObject("catalogue").putArray("tables");
    tables.forEach(
        (table, columns) -> {
          ArrayNode columnNodes =
              catalogue.addObject().put("schema", "public").put("name", table).putArray("columns");
          for (String column : columns) {
            String[] parts = column.split(" ");
            ObjectNode node = columnNodes.addObject().put("name", parts[0]);
            node.put("data_type", parts[1]);
            if (keys && parts.length > 2) {
              node.put("key", parts[2]);
            }
            if (keys && parts.length > 3) {
              node.put("references", parts[3]);
            }
          }
        });
    CollectingWriter out = new CollectingWriter("findings");
    new PersonalDataAnalyser()
        .analyse(
            new RecordingContext(Path.of("."), "run-1", "pii"),
            ruleset == null
                ? Json.mapper().createObjectNode()
                : Json.mapper().createObjectNode().put("ruleset", ruleset),
            List.of(Inputs.standardInput("agency", fields, cells)),
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
