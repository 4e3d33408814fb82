package dev.wct.analysers.ruleset;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One rule of a ruleset: keywords that indicate a category.
 *
 * @param name unique within the ruleset
 * @param category what a match indicates, e.g. {@code email}, {@code patient}, {@code analytics}
 * @param description one sentence
 * @param keywords words or phrases matched with word-boundary semantics
 * @param weight 1–100, how strongly a match indicates the category (used for confidence scores)
 * @param metadata extra facts carried into findings, sorted by key
 */
public record Rule(
    String name,
    String category,
    String description,
    List<String> keywords,
    int weight,
    Map<String, String> metadata) {
  public static final int DEFAULT_WEIGHT = 50;

  public Rule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(description, "description");
    keywords = List.copyOf(Objects.requireNonNull(keywords, "keywords"));
    metadata =
        java.util.Collections.unmodifiableMap(
            new TreeMap<>(Objects.requireNonNull(metadata, "metadata")));
  }
}
