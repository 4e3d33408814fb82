package dev.wct.activities.producer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.spi.message.ContentWriter;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Counts the findings a producer writes per category as they stream by, so that metrics need not
 * read the stored artifact again. Only category names are kept, never a finding's content.
 */
final class FindingTally {
  /** The field that names what a finding is about, per indicator schema. */
  private static final String[] CATEGORY_FIELDS = {"category", "subject", "purpose"};

  private final Map<String, Long> byCategory = new TreeMap<>();

  /** Passes everything to {@code delegate}, counting findings; starts the count afresh. */
  ContentWriter counting(ContentWriter delegate) {
    byCategory.clear();
    return new ContentWriter() {
      @Override
      public void field(String name, JsonNode value) {
        delegate.field(name, value);
      }

      @Override
      public void item(JsonNode item) {
        delegate.item(item);
        category(item).ifPresent(category -> byCategory.merge(category, 1L, Long::sum));
      }

      @Override
      public long itemCount() {
        return delegate.itemCount();
      }
    };
  }

  /** Findings per category, sorted by category; empty when no item was a finding. */
  Map<String, Long> byCategory() {
    return Collections.unmodifiableMap(new TreeMap<>(byCategory));
  }

  /**
   * The category (subject, purpose) of a finding: an item with an id and a location, as in {@code
   * docs/output-reference.md}; empty for any other item.
   */
  static Optional<String> category(JsonNode item) {
    if (!item.path("id").isTextual() || !item.path("location").isObject()) {
      return Optional.empty();
    }
    for (String field : CATEGORY_FIELDS) {
      JsonNode value = item.get(field);
      if (value != null && value.isTextual()) {
        return Optional.of(value.asText());
      }
    }
    return Optional.empty();
  }
}
