package dev.wct.spi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.spi.message.ContentReader;
import dev.wct.spi.message.ContentWriter;
import dev.wct.spi.message.MessageHeader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default merge of a per-item analyser's partitions: their concatenation. */
class PartitionOutputsTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** A stored partition: leading fields, items, trailer (without items, all fields lead). */
  private record Stored(ObjectNode leading, List<JsonNode> items, ObjectNode trailer) {
    static Stored of(List<JsonNode> items, ObjectNode trailer) {
      ObjectNode leading = JSON.objectNode().put("name", "units");
      if (items.isEmpty()) {
        leading.setAll(trailer);
        return new Stored(leading, items, JSON.objectNode());
      }
      return new Stored(leading, items, trailer);
    }

    ContentReader reader() {
      return new ContentReader() {
        @Override
        public MessageHeader header() {
          return null;
        }

        @Override
        public ObjectNode fields() {
          return leading;
        }

        @Override
        public Iterator<JsonNode> items() {
          return items.iterator();
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

  private static Map<String, JsonNode> concatenate(List<Stored> partitions) throws Exception {
    Map<String, JsonNode> written = new LinkedHashMap<>();
    ArrayNode items = JSON.arrayNode();
    PartitionOutputs outputs =
        new PartitionOutputs() {
          @Override
          public int count() {
            return partitions.size();
          }

          @Override
          public void forEach(Visitor visitor) throws Exception {
            for (int i = 0; i < partitions.size(); i++) {
              visitor.accept(i, partitions.get(i).reader());
            }
          }
        };
    outputs.concatenate(
        new ContentWriter() {
          @Override
          public void field(String name, JsonNode value) {
            assertThat(written).as("written once: " + name).doesNotContainKey(name);
            written.put(name, value);
          }

          @Override
          public void item(JsonNode item) {
            items.add(item);
          }

          @Override
          public long itemCount() {
            return items.size();
          }
        });
    written.put("items", items);
    return written;
  }

  private static ObjectNode counts(int files) {
    ObjectNode trailer = JSON.objectNode();
    trailer.putObject("metadata").put("file_count", files).put("language", "php");
    return trailer;
  }

  @Test
  void itemsInPartitionOrderAndTrailerNumbersSummedEvenAfterAPartitionWithoutItems()
      throws Exception {
    List<Stored> partitions = new ArrayList<>();
    partitions.add(Stored.of(List.of(), counts(0)));
    partitions.add(Stored.of(List.of(JSON.textNode("a"), JSON.textNode("b")), counts(2)));
    partitions.add(Stored.of(List.of(), counts(0)));
    partitions.add(Stored.of(List.of(JSON.textNode("c")), counts(1)));

    Map<String, JsonNode> written = concatenate(partitions);

    assertThat(written.keySet()).containsExactly("name", "metadata", "items");
    assertThat(written.get("items").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
    assertThat(written.get("metadata").toString())
        .isEqualTo("{\"file_count\":3,\"language\":\"php\"}");
  }

  @Test
  void partitionsWithoutAnyItemsKeepTheirFields() throws Exception {
    Map<String, JsonNode> written =
        concatenate(List.of(Stored.of(List.of(), counts(0)), Stored.of(List.of(), counts(0))));

    assertThat(written.keySet()).containsExactly("name", "metadata", "items");
    assertThat(written.get("metadata").path("file_count").asInt()).isZero();
  }
}
