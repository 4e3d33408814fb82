package dev.wct.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.spi.message.ContentReader;
import dev.wct.spi.message.ContentWriter;
import java.util.Iterator;
import java.util.Map;

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
   * The outputs as one: the first partition's leading fields, the items of all partitions in order,
   * and their trailers with numbers summed ({@link #sum}).
   */
  default void concatenate(ContentWriter out) throws Exception {
    ObjectNode trailer = JsonNodeFactory.instance.objectNode();
    forEach(
        (partition, output) -> {
          if (partition == 0) {
            output.fields().fields().forEachRemaining(f -> out.field(f.getKey(), f.getValue()));
          }
          for (Iterator<JsonNode> it = output.items(); it.hasNext(); ) {
            out.item(it.next());
          }
          sum(trailer, output.trailer());
        });
    trailer.fields().forEachRemaining(f -> out.field(f.getKey(), f.getValue()));
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
