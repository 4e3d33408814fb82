package dev.wct.classifiers.common;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.spi.json.Json;
import java.util.Map;
import java.util.TreeMap;

/** Counts by key, written in key order. */
public final class Counts {
  private final Map<String, Long> counts = new TreeMap<>();

  public void add(String key) {
    counts.merge(key, 1L, Long::sum);
  }

  public long get(String key) {
    return counts.getOrDefault(key, 0L);
  }

  public ObjectNode toJson() {
    ObjectNode json = Json.mapper().createObjectNode();
    counts.forEach(json::put);
    return json;
  }
}
