package dev.wct.analysers.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.analysers.datasubject.DataSubjectAnalyser;
import dev.wct.analysers.personaldata.PersonalDataAnalyser;
import dev.wct.analysers.purpose.ProcessingPurposeAnalyser;
import dev.wct.analysers.testing.CollectingWriter;
import dev.wct.analysers.testing.Inputs;
import dev.wct.spi.Analyser;
import dev.wct.spi.PartitionOutputs;
import dev.wct.spi.ProducerContext;
import dev.wct.spi.coverage.Coverage;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.ContentReader;
import dev.wct.spi.message.MessageHeader;
import dev.wct.spi.message.SchemaRef;
import dev.wct.testkit.RecordingContext;
import dev.wct.testkit.messages.MessageSchemas;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table cut into row ranges, analysed range by range and merged at the seal ({@link
 * Analyser#mergePartitions}): the findings are those of one run over the whole table.
 */
class PartitionMergeTest {
  private static final String SYSTEM = "sqlite:///srv/crm.db";
  private static final int ROWS = 20;
  private static final int PER_RANGE = 4;

  /**
   * Row {@code i} (1-based) of {@code main.customers}: an e-mail in every row; {@code ref} holds an
   * e-mail in rows 3 to 6 only (dense in each of its two ranges, sparse in the table); {@code
   * notes} a health word in rows 1 and 15 only (one bare keyword per range, two in the table);
   * {@code tracking} a purpose's words in a few rows.
   */
  private static List<ObjectNode> row(int i) {
    List<ObjectNode> cells = new ArrayList<>();
    cells.add(cell(i, "email", "person" + i + "@example.com"));
    cells.add(cell(i, "ref", i >= 3 && i <= 6 ? "alt" + i + "@example.org" : "n/a"));
    cells.add(
        cell(i, "notes", i == 1 ? "diagnosis pending" : i == 15 ? "medication list" : "fine"));
    cells.add(cell(i, "tracking", i % 8 == 2 ? "page view" : "none"));
    return cells;
  }

  private static ObjectNode cell(int row, String column, String value) {
    ObjectNode cell = Inputs.cell("crm", SYSTEM, "main", "customers", column, value);
    ((ObjectNode) cell.get("metadata")).put("row", row - 1);
    return cell;
  }

  /** Rows {@code from} to {@code to} (1-based, inclusive) with the whole catalogue, as a range. */
  private static ContentReader rows(int from, int to) {
    return rows("crm", from, to);
  }

  /** The same, read from the message {@code id}: a partition's is {@code crm~p000001}. */
  private static ContentReader rows(String id, int from, int to) {
    List<ObjectNode> items = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      items.addAll(row(i));
    }
    ObjectNode fields =
        Inputs.databaseFields(
            SYSTEM, Map.of("main.customers", List.of("id", "email", "ref", "notes", "tracking")));
    return Inputs.standardInput(id, fields, items);
  }

  private static ObjectNode properties() {
    return Json.mapper().createObjectNode().put("maximum_evidence_count", 2);
  }

  private static CollectingWriter analyse(Analyser analyser, boolean partition, ContentReader in) {
    CollectingWriter out = new CollectingWriter("findings");
    try {
      analyser.analyse(context(partition), properties(), List.of(in), out);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return out;
  }

  private static CollectingWriter merge(Analyser analyser, List<CollectingWriter> ranges)
      throws Exception {
    CollectingWriter out = new CollectingWriter("findings");
    analyser.mergePartitions(context(false), properties(), outputs(ranges), out);
    assertThat(MessageSchemas.builtIn().validate(analyser.outputSchemas().get(0), out.content()))
        .isEmpty();
    return out;
  }

  private static List<CollectingWriter> ranges(Analyser analyser) {
    List<CollectingWriter> ranges = new ArrayList<>();
    for (int from = 1; from <= ROWS; from += PER_RANGE) {
      String id = String.format("crm~p%06d", ranges.size());
      ranges.add(analyse(analyser, true, rows(id, from, from + PER_RANGE - 1)));
    }
    return ranges;
  }

  static Stream<Analyser> findingAnalysers() {
    return Stream.of(
        new PersonalDataAnalyser(), new DataSubjectAnalyser(), new ProcessingPurposeAnalyser());
  }

  @ParameterizedTest
  @MethodSource("findingAnalysers")
  void rangesMergedAreTheWholeTable(Analyser analyser) throws Exception {
    CollectingWriter whole = analyse(analyser, false, rows(1, ROWS));

    List<CollectingWriter> ranges = ranges(analyser);
    // a partition with nothing to read (its files all skipped): no findings, so its fields come
    // before its (empty) items array
    CollectingWriter empty =
        analyse(
            analyser,
            true,
            Inputs.standardInput(
                "crm~p000005", Json.mapper().createObjectNode().put("name", "input"), List.of()));
    assertThat(empty.items()).isEmpty();
    ranges.add(empty);
    CollectingWriter merged = merge(analyser, ranges);

    assertThat(whole.items()).isNotEmpty();
    assertThat(merged.items()).containsExactlyElementsOf(whole.items());
    assertThat(merged.content().get("summary")).isEqualTo(whole.content().get("summary"));
    assertThat(merged.content().get("coverage")).isEqualTo(whole.content().get("coverage"));
    assertThat(merged.content().at("/analysis_metadata/items_scanned").asLong())
        .isEqualTo(4L * ROWS);
    assertThat(merged.content().has(PartitionMerge.STATE_FIELD)).isFalse();
    assertThat(whole.content().has(PartitionMerge.STATE_FIELD)).isFalse();
  }

  @Test
  void aColumnDenseInEachRangeButSparseInTheTableIsMediumOnceMerged() throws Exception {
    PersonalDataAnalyser analyser = new PersonalDataAnalyser();
    List<CollectingWriter> ranges = ranges(analyser);
    // rows 3-4 and 5-6: half of each range's values, high in each range's own report
    assertThat(ref(ranges.get(0)).path("confidence").asText()).isEqualTo("high");
    assertThat(ref(ranges.get(1)).path("confidence").asText()).isEqualTo("high");

    JsonNode merged = ref(merge(analyser, ranges));

    assertThat(merged.path("values_examined").asLong()).isEqualTo(ROWS);
    assertThat(merged.path("values_matched").asLong()).isEqualTo(4);
    assertThat(merged.path("matches").asLong()).isEqualTo(4);
    assertThat(merged.path("confidence").asText()).isEqualTo("medium");
    // at most maximum_evidence_count examples, the first rows' (rows 3 and 4: row 2 and 3 from 0)
    assertThat(merged.path("examples")).hasSize(2);
    assertThat(merged.path("examples").findValuesAsText("row")).containsExactly("2", "3");
  }

  @Test
  void twoBareKeywordsInTwoRangesCorroborateEachOtherOnceMerged() throws Exception {
    PersonalDataAnalyser analyser = new PersonalDataAnalyser();
    List<CollectingWriter> ranges = ranges(analyser);
    // one bare health word per range: not reported by a range on its own
    assertThat(ranges).allSatisfy(range -> assertThat(range.item("category", "health")).isNull());

    CollectingWriter merged = merge(analyser, ranges);

    JsonNode health = merged.item("category", "health");
    assertThat(health).isNotNull();
    assertThat(health.path("confidence").asText()).isEqualTo("medium");
    assertThat(health.path("values_examined").asLong()).isEqualTo(ROWS);
    assertThat(health.path("values_matched").asLong()).isEqualTo(2);
  }

  @Test
  void aColumnNameCountsOnceThoughEveryRangeReadsTheCatalogue() throws Exception {
    PersonalDataAnalyser analyser = new PersonalDataAnalyser();
    List<CollectingWriter> ranges = ranges(analyser);

    JsonNode email = merge(analyser, ranges).item("category", "email");

    // one column name, and one validated value per row
    assertThat(email.path("matches").asLong()).isEqualTo(ROWS + 1);
    assertThat(email.path("detectors").toString())
        .contains("{\"rule\":\"email\",\"kind\":\"column_name\",\"matches\":1}");
    assertThat(email.path("values_matched").asLong()).isEqualTo(ROWS);
    assertThat(email.path("confidence").asText()).isEqualTo("high");
    JsonNode summary = merge(analyser, ranges).content().get("summary");
    // the e-mail column and the ref column
    assertThat(summary.at("/categories/email/locations").asLong()).isEqualTo(2);
    assertThat(summary.at("/categories/email/matches").asLong()).isEqualTo(ROWS + 1 + 4);
  }

  @Test
  void noExampleValueIsInTheStateInClear() {
    CollectingWriter range = analyse(new PersonalDataAnalyser(), true, rows(1, PER_RANGE));

    String state = range.content().get(PartitionMerge.STATE_FIELD).toString();

    assertThat(state).contains("main|customers|email").doesNotContain("person1@example.com");
  }

  private static JsonNode ref(CollectingWriter out) {
    for (JsonNode finding : out.items("category", "email")) {
      if (finding.at("/location/column").asText().equals("ref")) {
        return finding;
      }
    }
    throw new AssertionError("no e-mail finding in column ref: " + out.items());
  }

  private static ProducerContext context(boolean partition) {
    RecordingContext recording = new RecordingContext(Path.of("."), "run-1", "pii");
    return new ProducerContext() {
      @Override
      public String runId() {
        return recording.runId();
      }

      @Override
      public String artifactId() {
        return recording.artifactId();
      }

      @Override
      public Path workingDirectory() {
        return recording.workingDirectory();
      }

      @Override
      public void heartbeat(Object progress) {}

      @Override
      public Coverage coverage() {
        return recording.coverage();
      }

      @Override
      public boolean producesPartition() {
        return partition;
      }
    };
  }

  /** The collected outputs read back as stored partitions, in order. */
  private static PartitionOutputs outputs(List<CollectingWriter> ranges) {
    return new PartitionOutputs() {
      @Override
      public int count() {
        return ranges.size();
      }

      @Override
      public void forEach(Visitor visitor) throws Exception {
        for (int i = 0; i < ranges.size(); i++) {
          visitor.accept(i, read(ranges.get(i).content()));
        }
      }
    };
  }

  /** As a stored message reads: without items, every field precedes the (empty) items array. */
  private static ContentReader read(ObjectNode content) {
    ObjectNode fields = content.deepCopy();
    fields.remove("findings");
    boolean items = !content.get("findings").isEmpty();
    ObjectNode trailer = items ? fields : Json.mapper().createObjectNode();
    ObjectNode leading = items ? Json.mapper().createObjectNode() : fields;
    return new ContentReader() {
      @Override
      public MessageHeader header() {
        return new MessageHeader(
            "pii~p000000",
            SchemaRef.of("personal_data_indicator"),
            "run-1",
            "analyser:test",
            "2026-01-01T00:00:00Z",
            null);
      }

      @Override
      public ObjectNode fields() {
        return leading;
      }

      @Override
      public Iterator<JsonNode> items() {
        return content.get("findings").iterator();
      }

      @Override
      public ObjectNode trailer() {
        return trailer;
      }

      @Override
      public void close() {}
    };
  }
}
