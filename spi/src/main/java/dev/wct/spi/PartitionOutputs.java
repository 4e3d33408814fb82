package dev.wct.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.spi.message.ContentReader;
import dev.wct.spi.message.ContentWriter;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The outputs an analyser wrote for the partitions of its input, in partition order, for {@link
 * Analyser#mergePartitions}. Each is opened, read and checked against its stored checksum by {@link
 * #forEach}; an output is small (an analyser's findings), the input's items are not in it.
 */
public interface PartitionOutputs {
  /** How many partitions there are. */
  int count();

  /**
   * Reads the outputs one after the other, lowest partition first; may be called more than once.
   * The reader is closed and checked when {@code visitor} returns.
   */
  void forEach(Visitor visitor) throws Exception;

  /** Reads one partition's output. */
  @FunctionalInterface
  interface Visitor {
    void accept(int partition, ContentReader output) throws Exception;
  }

  /**
   * The outputs as one: the leading fields of the first partition with items, the items of all
   * partitions in order, and the other fields with numbers summed ({@link #sum}). A partition
   * without items wrote all its fields before its empty items array: they are summed with the
   * trailers, so that no field is written twice.
   */
  default void concatenate(ContentWriter out) throws Exception {
    ObjectNode trailer = JsonNodeFactory.instance.objectNode();
    ObjectNode itemless = JsonNodeFactory.instance.objectNode();
    Set<String> leading = new HashSet<>();
    forEach(
        (partition, output) -> {
          Iterator<JsonNode> items = output.items();
          if (!items.hasNext()) {
            sum(itemless, output.fields());
            sum(itemless, output.trailer());
            return;
          }
          if (leading.isEmpty()) {
            output.fields().fields().forEachRemaining(f -> leading.add(f.getKey()));
            leading.add(""); // the leading fields are written, even if there are none
            output.fields().fields().forEachRemaining(f -> out.field(f.getKey(), f.getValue()));
          }
          while (items.hasNext()) {
            out.item(items.next());
          }
          sum(trailer, output.trailer());
        });
    sum(trailer, itemless);
    trailer
        .fields()
        .forEachRemaining(
            f -> {
              if (!leading.contains(f.getKey())) {
                out.field(f.getKey(), f.getValue());
              }
            });
  }

  /** Adds {@code more} into {@code total}: numbers summed, objects merged, the rest kept first. */
  static void sum(ObjectNode total, JsonNode more) {
    for (Iterator<Map.Entry<String, JsonNode>> it = more.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode existing = total.get(field.getKey());
      JsonNode value = field.getValue();
      if (existing == null) {
        total.set(field.getKey(), value.deepCopy());
      } else if (existing.isIntegralNumber() && value.isIntegralNumber()) {
        total.put(field.getKey(), existing.longValue() + value.longValue());
      } else if (existing.isObject() && value.isObject()) {
        sum((ObjectNode) existing, value);
      }
    }
  }
}
