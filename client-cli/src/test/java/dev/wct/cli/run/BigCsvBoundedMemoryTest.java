package dev.wct.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.core.message.MessageReader;
import dev.wct.spi.json.Json;
import dev.wct.store.fs.FileSystemArtifactStore;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One file far larger than the heap: {@code wct run} (filesystem -> store -> personal_data) over a
 * single 300 MiB CSV in a forked JVM capped at {@code -Xmx128m}. The connector reads it in chunks
 * (default {@code max_item_chars}), so neither the connector nor the analyser ever holds the file,
 * and the column findings still count every row. Slow (a whole scan), so tagged integration.
 */
@Tag("integration")
class BigCsvBoundedMemoryTest {
  private static final long FILE_BYTES = 300L * 1024 * 1024;

  @TempDir Path dir;

  @Test
  void scansOneCsvMuchLargerThanTheHeapColumnByColumn() throws Exception {
    Path source = Files.createDirectories(dir.resolve("source"));
    long rows = writeCsv(source.resolve("customers.csv"));
    Path runbook = dir.resolve("runbook.yaml");
    Files.writeString(
        runbook,
        """
        name: "Big CSV"
        description: "One CSV larger than the heap"
        config:
          timeout: 3600
        artifacts:
          files:
            source:
              type: filesystem
              properties:
                path: "%s"
          personal_data:
            inputs: files
            process:
              type: personal_data
            output: true
        """
            .formatted(source));
    SmallHeapRun.completes(runbook, dir.resolve(".wct"), "128m");
    JsonNode email = columnFinding(dir.resolve(".wct"), "email", "email");
    assertThat(email.path("values_examined").asLong()).isEqualTo(rows);
    assertThat(email.path("values_matched").asLong()).isEqualTo(rows);
    JsonNode iban = columnFinding(dir.resolve(".wct"), "iban", "bank_account");
    assertThat(iban.path("values_examined").asLong()).isEqualTo(rows);
  }

  /** The personal_data finding of {@code category} in column {@code column} of the CSV. */
  private static JsonNode columnFinding(Path storeRoot, String column, String category)
      throws Exception {
    // read through the store: a small artifact of an embedded run is packed, not a file
    try (FileSystemArtifactStore store = new FileSystemArtifactStore(storeRoot)) {
      List<String> runs = store.listRuns();
      assertThat(runs).hasSize(1);
      try (InputStream in = store.read(runs.get(0), "personal_data");
          MessageReader reader = MessageReader.open(Json.mapper(), in)) {
        var items = reader.items();
        while (items.hasNext()) {
          JsonNode finding = items.next();
          if (column.equals(finding.path("location").path("column").asText())
              && category.equals(finding.path("category").asText())) {
            return finding;
          }
        }
      }
    }
    throw new AssertionError("no " + category + " finding in column " + column);
  }

  /** Rows of customer data until the file reaches {@link #FILE_BYTES}; returns the row count. */
  private static long writeCsv(Path file) throws Exception {
    long rows = 0;
    long written = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      String header = "customer_id,first_name,email,iban,country,note\n";
      out.write(header);
      written += header.length();
      while (written < FILE_BYTES) {
        rows++;
        String row =
            (1_000_000 + rows)
                + ",Name"
                + (rows % 1000)
                + ",customer"
                + rows
                + "@example.com,DE89370400440532013000,DE,regular order of "
                + (rows % 97)
                + " items\n";
        out.write(row);
        written += row.length();
      }
    }
    return rows;
  }
}
