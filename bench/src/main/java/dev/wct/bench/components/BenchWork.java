package dev.wct.bench.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.wct.spi.message.ContentWriter;

/** What every benchmark component does: optionally sleep, then write one tiny item. */
final class BenchWork {
  private BenchWork() {}

  static void sleepThenWriteOneItem(long millis, String artifactId, ContentWriter out)
      throws InterruptedException {
    if (millis > 0) {
      Thread.sleep(millis);
    }
    out.item(JsonNodeFactory.instance.objectNode().put("content", artifactId));
  }

  /**
   * The {@code millis} property of a sleeping component; 0 when absent.
   *
   * @param artifactId named in the error when the property is not a non-negative number
   */
  static long millis(JsonNode properties, String artifactId) {
    if (properties == null || !properties.has(BenchComponents.MILLIS)) {
      return 0;
    }
    long millis = properties.get(BenchComponents.MILLIS).asLong(-1);
    if (millis < 0) {
      throw new IllegalArgumentException(
          "artifact '"
              + artifactId
              + "': property '"
              + BenchComponents.MILLIS
              + "' must be a non-negative number of ms, got "
              + properties.get(BenchComponents.MILLIS));
    }
    return millis;
  }
}
