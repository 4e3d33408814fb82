package dev.wct.activities.producer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.ContentWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingTallyTest {
  private final ObjectMapper json = Json.mapper();

  @Test
  void countsFindingsPerCategorySubjectOrPurposeAndPassesEverythingOn() throws Exception {
    List<JsonNode> written = new ArrayList<>();
    FindingTally tally = new FindingTally();
    ContentWriter out = tally.counting(collecting(written));

    out.item(finding("category", "email"));
    out.item(finding("category", "email"));
    out.item(finding("subject", "customer"));
    out.item(finding("purpose", "marketing"));
    // A file read by a connector has no location: not a finding.
    out.item(json.readTree("{\"content\":\"category: email\",\"metadata\":{\"file_path\":\"a\"}}"));

    assertThat(written).hasSize(5);
    assertThat(out.itemCount()).isEqualTo(5);
    assertThat(tally.byCategory())
        .containsExactly(
            Map.entry("customer", 1L), Map.entry("email", 2L), Map.entry("marketing", 1L));
  }

  @Test
  void aSecondWriteOfTheSameAttemptCountsAfresh() {
    FindingTally tally = new FindingTally();
    tally.counting(collecting(new ArrayList<>())).item(finding("category", "email"));
    tally.counting(collecting(new ArrayList<>())).item(finding("category", "phone"));

    assertThat(tally.byCategory()).containsOnlyKeys("phone");
  }

  private JsonNode finding(String field, String value) {
    return json.createObjectNode()
        .put("id", "cb579111ecbb7ae7")
        .put(field, value)
        .set("location", json.createObjectNode().put("file_path", "a.txt"));
  }

  private static ContentWriter collecting(List<JsonNode> items) {
    return new ContentWriter() {
      @Override
      public void field(String name, JsonNode value) {}

      @Override
      public void item(JsonNode item) {
        items.add(item);
      }

      @Override
      public long itemCount() {
        return items.size();
      }
    };
  }
}
