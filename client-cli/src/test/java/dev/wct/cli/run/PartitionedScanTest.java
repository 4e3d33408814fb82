package dev.wct.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.cli.history.Cli;
import dev.wct.core.message.MessageReader;
import dev.wct.spi.json.Json;
import dev.wct.store.fs.FileSystemArtifactStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code wct run} (embedded) over files with personal data, once whole and once cut into
 * partitions of 4 files: the findings are the same, whatever the cut.
 */
class PartitionedScanTest {
  private static final Pattern RUN_ID = Pattern.compile("(?m)^Run (\\d{8}-\\d{6}-[0-9a-f]{6}): ");
  private static final int FILES = 30;

  @TempDir Path dir;

  private static String runbook(Path data, String partition) {
    return """
        name: partitioned scan
        description: the same scan, whole and cut into partitions
        config:
          keep_sources: true
        artifacts:
          files:
            source:
              type: filesystem
              properties:
                path: "%s"
        %s
          everything:
            inputs: files
          pii:
            inputs: files
            process:
              type: personal_data
        """
        .formatted(data.toString().replace('\\', '/'), partition);
  }

  private String run(String name, String partition) throws Exception {
    Path data = dir.resolve("data");
    Path runbook = Files.writeString(dir.resolve(name + ".yaml"), runbook(data, partition));
    Cli.Result run = Cli.run("run", runbook.toString(), "--store", dir.resolve("store").toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isIn(0, 3);
    Matcher id = RUN_ID.matcher(run.out());
    assertThat(id.find()).as(run.out()).isTrue();
    return id.group(1);
  }

  private List<String> items(String runId, String artifactId) {
    List<String> items = new ArrayList<>();
    try (FileSystemArtifactStore store = new FileSystemArtifactStore(dir.resolve("store"));
        MessageReader reader = MessageReader.open(Json.mapper(), store.read(runId, artifactId))) {
      for (var it = reader.items(); it.hasNext(); ) {
        JsonNode item = it.next();
        items.add(item.toString());
      }
    }
    return items;
  }

  private JsonNode trailer(String runId, String artifactId) {
    try (FileSystemArtifactStore store = new FileSystemArtifactStore(dir.resolve("store"));
        MessageReader reader = MessageReader.open(Json.mapper(), store.read(runId, artifactId))) {
      for (var it = reader.items(); it.hasNext(); ) {
        it.next();
      }
      return reader.trailer();
    }
  }

  /** The e-mail finding of the {@code backup} column. */
  private static String backup(List<String> findings) {
    return findings.stream()
        .filter(f -> f.contains("\"column\":\"backup\"") && f.contains("\"category\":\"email\""))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no e-mail finding in backup: " + findings));
  }

  @Test
  void findingsDoNotDependOnTheCut() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    for (int i = 0; i < FILES; i++) {
      Files.writeString(
          data.resolve(String.format("customer-%02d.txt", i)),
          "Customer "
              + i
              + "\nemail: person"
              + i
              + "@example.com\nphone: +44 20 7946 09"
              + (i % 10)
              + (i / 10)
              + "\n");
    }

    String whole = run("whole", "");
    String cut = run("cut", "    partition: {max_items: 4}");

    List<String> wholeFindings = items(whole, "pii");
    assertThat(wholeFindings).hasSizeGreaterThanOrEqualTo(FILES);
    assertThat(items(cut, "pii")).containsExactlyElementsOf(wholeFindings);
    try (FileSystemArtifactStore store = new FileSystemArtifactStore(dir.resolve("store"))) {
      // 30 files, 4 per partition: 8 partitions of the source and of the analyser
      assertThat(store.list(cut)).contains("files~p000007", "pii~p000007");
      assertThat(store.list(cut)).doesNotContain("files~p000008");
    }
    Cli.Result inspect = Cli.run("inspect", cut, "--store", dir.resolve("store").toString());
    assertThat(inspect.out())
        .containsPattern("files +8/8 partitions")
        .containsPattern("pii +8/8 partitions");
    // a whole-input consumer (a pass-through) reads all partitions of the source, in order
    assertThat(items(cut, "everything")).containsExactlyElementsOf(items(whole, "everything"));
  }

  /** A SQLite table of {@code rows} customers (id, email, phone every third row). */
  static Path customersDatabase(Path file, int rows) throws Exception {
    try (java.sql.Connection connection =
            new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new java.util.Properties());
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT, phone TEXT, salary INT)");
      connection.setAutoCommit(false);
      for (int i = rows; i >= 1; i--) {
        statement.execute(
            "INSERT INTO customers VALUES ("
                + i
                + ", 'person"
                + i
                + "@example.com', "
                + (i % 3 == 0 ? "'+44 20 7946 0" + String.format("%03d", i % 1000) + "'" : "NULL")
                + ", "
                + (1000 + i)
                + ")");
      }
      connection.commit();
    }
    return file;
  }

  @Test
  void findingsOfATableCutByRowsAreThoseOfTheWholeTable() throws Exception {
    Path db = customersDatabase(dir.resolve("crm.db"), 95);
    // an e-mail in the first six rows only: most of the first range's values, few of the table's
    try (java.sql.Connection connection =
            new org.sqlite.JDBC().connect("jdbc:sqlite:" + db, new java.util.Properties());
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE customers ADD COLUMN backup TEXT");
      statement.execute(
          "UPDATE customers SET backup = CASE WHEN id <= 6 THEN 'b' || id || '@example.org'"
              + " ELSE 'none' END");
    }
    String runbook =
        """
        name: rows
        description: one table, whole and cut by rows
        config:
          keep_sources: true
        artifacts:
          crm:
            source:
              type: sqlite
              properties: {database_path: "%s", max_rows_per_table: 1000}
        %s
          pii:
            inputs: crm
            process:
              type: personal_data
        """;
    String[] runs = new String[2];
    String[] cuts = {"", "    partition: {by: rows, max_items: 10}"};
    for (int i = 0; i < 2; i++) {
      Path file =
          Files.writeString(
              dir.resolve("rows" + i + ".yaml"),
              runbook.formatted(db.toString().replace('\\', '/'), cuts[i]));
      Cli.Result run = Cli.run("run", file.toString(), "--store", dir.resolve("store").toString());
      assertThat(run.exitCode()).as(run.out() + run.err()).isIn(0, 3);
      Matcher id = RUN_ID.matcher(run.out());
      assertThat(id.find()).as(run.out()).isTrue();
      runs[i] = id.group(1);
    }

    List<String> wholeFindings = items(runs[0], "pii");
    assertThat(wholeFindings).anyMatch(f -> f.contains("\"column\":\"email\""));
    assertThat(items(runs[1], "pii")).containsExactlyElementsOf(wholeFindings);
    assertThat(trailer(runs[1], "pii").get("summary"))
        .isEqualTo(trailer(runs[0], "pii").get("summary"));
    assertThat(trailer(runs[1], "pii").get("coverage"))
        .isEqualTo(trailer(runs[0], "pii").get("coverage"));
    try (FileSystemArtifactStore store = new FileSystemArtifactStore(dir.resolve("store"))) {
      // 95 rows, 10 per partition: 10 partitions, and the analyser ran on each of them
      assertThat(store.list(runs[1])).contains("crm~p000009").doesNotContain("crm~p000010");
      assertThat(store.list(runs[1])).contains("pii~p000009").doesNotContain("pii~p000010");
    }
    Cli.Result inspect = Cli.run("inspect", runs[1], "--store", dir.resolve("store").toString());
    assertThat(inspect.out())
        .containsPattern("crm +10/10 partitions")
        .containsPattern("pii +10/10 partitions");
    // the backup column: 6 of the first range's 10 values (high there), 6 of the table's 95
    assertThat(backup(items(runs[1], "pii~p000000"))).contains("\"confidence\":\"high\"");
    assertThat(backup(wholeFindings))
        .contains("\"confidence\":\"medium\"")
        .contains("\"values_examined\":95,\"values_matched\":6");
    List<String> cutItems = new ArrayList<>();
    for (int p = 0; p < 10; p++) {
      cutItems.addAll(items(runs[1], String.format("crm~p%06d", p)));
    }
    assertThat(cutItems).containsExactlyElementsOf(items(runs[0], "crm"));
    Cli.Result coverage =
        Cli.run(
            "inspect", runs[1], "crm", "--coverage", "--store", dir.resolve("store").toString());
    // the table's ten ranges are one object with the rows of all of them
    assertThat(coverage.out()).containsPattern("main\\.customers +sampled +95 of 95");
  }

  @Test
  void aNameColumnOfATableOfPeopleIsHighWholeAndCutByRows() throws Exception {
    // names on the shipped lists and one on none, in a column no label announces
    Path db = dir.resolve("hotel.db");
    String[] given = {"Maria", "John", "Anna", "Thomas", "Sofia", "Peter"};
    String[] surnames = {"Kowalski", "Smith", "Garcia", "Johnson", "Nowak"};
    try (java.sql.Connection connection =
            new org.sqlite.JDBC().connect("jdbc:sqlite:" + db, new java.util.Properties());
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE guests (id INTEGER PRIMARY KEY, display_name TEXT, room INT)");
      int id = 0;
      for (String first : given) {
        for (String last : surnames) {
          id++;
          statement.execute(
              "INSERT INTO guests VALUES ("
                  + id
                  + ", '"
                  + (id == 7 ? "Ylva Strand" : first + " " + last)
                  + "', "
                  + (100 + id)
                  + ")");
        }
      }
    }
    String runbook =
        """
        name: guests
        description: a table of guests, whole and cut by rows
        artifacts:
          hotel:
            source:
              type: sqlite
              properties: {database_path: "%s"}
        %s
          pii:
            inputs: hotel
            process:
              type: personal_data
        """;
    String[] runs = new String[2];
    String[] cuts = {"", "    partition: {by: rows, max_items: 8}"};
    for (int i = 0; i < 2; i++) {
      Path file =
          Files.writeString(
              dir.resolve("guests" + i + ".yaml"),
              runbook.formatted(db.toString().replace('\\', '/'), cuts[i]));
      Cli.Result run = Cli.run("run", file.toString(), "--store", dir.resolve("store").toString());
      assertThat(run.exitCode()).as(run.out() + run.err()).isIn(0, 3);
      Matcher id = RUN_ID.matcher(run.out());
      assertThat(id.find()).as(run.out()).isTrue();
      runs[i] = id.group(1);
    }

    List<String> wholeFindings = items(runs[0], "pii");
    String names =
        wholeFindings.stream()
            .filter(f -> f.contains("\"column\":\"display_name\""))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no finding in display_name: " + wholeFindings));
    assertThat(names)
        .contains("\"category\":\"name\"", "\"confidence\":\"high\"")
        .contains("\"values_examined\":30,\"values_matched\":30")
        .doesNotContain("\"kind\":\"format\"");
    assertThat(items(runs[1], "pii")).containsExactlyElementsOf(wholeFindings);
    assertThat(trailer(runs[1], "pii").get("summary"))
        .isEqualTo(trailer(runs[0], "pii").get("summary"));
  }

  @Test
  void firstAndLastNameColumnsOfListedNamesAreHighWholeAndCutByRows() throws Exception {
    // Sakila's way: one name a column, in capitals; one given name (TERESITA) on no list
    Path db = dir.resolve("rentals.db");
    String[] given = {"MARY", "PATRICIA", "LINDA", "BARBARA", "ELIZABETH", "TERESITA"};
    String[] surnames = {"SMITH", "JOHNSON", "WILLIAMS", "JONES", "BROWN"};
    try (java.sql.Connection connection =
            new org.sqlite.JDBC().connect("jdbc:sqlite:" + db, new java.util.Properties());
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE customer (customer_id INTEGER PRIMARY KEY, first_name TEXT,"
              + " last_name TEXT, active INT)");
      int id = 0;
      for (String first : given) {
        for (String last : surnames) {
          id++;
          statement.execute(
              "INSERT INTO customer VALUES (" + id + ", '" + first + "', '" + last + "', 1)");
        }
      }
    }
    String runbook =
        """
        name: customers
        description: a table of customers, whole and cut by rows
        artifacts:
          rentals:
            source:
              type: sqlite
              properties: {database_path: "%s"}
        %s
          pii:
            inputs: rentals
            process:
              type: personal_data
        """;
    String[] runs = new String[2];
    String[] cuts = {"", "    partition: {by: rows, max_items: 7}"};
    for (int i = 0; i < 2; i++) {
      Path file =
          Files.writeString(
              dir.resolve("customers" + i + ".yaml"),
              runbook.formatted(db.toString().replace('\\', '/'), cuts[i]));
      Cli.Result run = Cli.run("run", file.toString(), "--store", dir.resolve("store").toString());
      assertThat(run.exitCode()).as(run.out() + run.err()).isIn(0, 3);
      Matcher id = RUN_ID.matcher(run.out());
      assertThat(id.find()).as(run.out()).isTrue();
      runs[i] = id.group(1);
    }

    List<String> wholeFindings = items(runs[0], "pii");
    for (String column : List.of("first_name", "last_name")) {
      String names =
          wholeFindings.stream()
              .filter(f -> f.contains("\"column\":\"" + column + "\""))
              .filter(f -> f.contains("\"category\":\"name\""))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no name in " + column + ": " + wholeFindings));
      // 30 rows: every surname listed, the given names but the five TERESITAs
      assertThat(names)
          .as(column)
          .contains("\"confidence\":\"high\"")
          .contains(
              "\"values_examined\":30,\"values_matched\":"
                  + (column.equals("first_name") ? 25 : 30))
          .contains("\"kind\":\"value\"");
    }
    assertThat(String.join("\n", wholeFindings)).doesNotContain("MARY", "SMITH", "TERESITA");
    assertThat(items(runs[1], "pii")).containsExactlyElementsOf(wholeFindings);
    assertThat(trailer(runs[1], "pii").get("summary"))
        .isEqualTo(trailer(runs[0], "pii").get("summary"));
  }

  @Test
  void skippedFilesWarnAlikeWholeAndCut() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("a.txt"), "email: jane.doe@example.com");
    Files.writeString(data.resolve("b.txt"), "notes");
    Files.writeString(data.resolve("big.log"), "secret-value ".repeat(100));
    Files.write(data.resolve("c.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
    Files.writeString(data.resolve("d.txt"), "delta");
    String store = dir.resolve("store").toString();
    List<String> warnings = new ArrayList<>();
    for (String partition : List.of("", "    partition: {max_items: 2}")) {
      Path runbook =
          Files.writeString(
              dir.resolve("r" + warnings.size() + ".yaml"),
              runbook(data, partition).replace("path: \"", "max_file_size: 100\n        path: \""));

      Cli.Result run = Cli.run("run", runbook.toString(), "--store", store, "--quiet");

      assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
      assertThat(run.out()).contains(" completed_with_warnings");
      run.out().lines().filter(l -> l.startsWith("Warning: files:")).forEach(warnings::add);
      Matcher id = RUN_ID.matcher(run.out());
      assertThat(id.find()).as(run.out()).isTrue();
      Cli.Result objects = Cli.run("inspect", id.group(1), "files", "--coverage", "--store", store);
      assertThat(objects.out().lines())
          .anySatisfy(l -> assertThat(l).matches("c.png +skipped +- +binary"))
          .anySatisfy(l -> assertThat(l).matches("big.log +skipped +- +too large"))
          .anySatisfy(l -> assertThat(l).matches("a.txt +scanned +- +-"));
    }

    assertThat(warnings)
        .containsExactly(
            "Warning: files: 2 of 5 files skipped (1 binary, 1 too large)",
            "Warning: files: 2 of 5 files skipped (1 binary, 1 too large)");
  }

  @Test
  void aPartitionTheConnectorCannotMakeIsOneClearLine() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path runbook =
        Files.writeString(dir.resolve("bad.yaml"), runbook(data, "    partition: {by: table}"));

    Cli.Result validate = Cli.run("validate", runbook.toString());

    assertThat(validate.exitCode()).isNotZero();
    assertThat(validate.out() + validate.err())
        .contains("artifacts.files.partition")
        .contains("connector 'filesystem' cannot partition by table");
  }
}
