package dev.wct.analysers.common;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Aggregates matches per category while items stream by. State is bounded by the number of
 * categories and patterns times {@code maximum_evidence_count}, never by the number of items.
 */
public final class Findings {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final EvidenceSettings settings;
  private final SnippetFactory snippets;
  private final Map<String, Category> categories = new TreeMap<>();
  private long item;

  public Findings(EvidenceSettings settings, SnippetFactory snippets) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.snippets = Objects.requireNonNull(snippets, "snippets");
  }

  /** Marks the start of the next item, so that items with matches are counted once. */
  public void nextItem() {
    item++;
  }

  /**
   * Records one match in the item's text.
   *
   * @param pattern the keyword or detector that matched
   * @param rule the rule or detector name
   */
  public void match(
      String category, String pattern, String rule, TextItem source, int start, int end) {
    Category state = record(category, pattern, rule, false);
    if (state.wantsEvidence(settings)) {
      state.addEvidence(snippets.snippet(source, start, end), location(source, start));
    }
  }

  /**
   * Records one match in a name (file path, table or column name), which identifies what an item is
   * about more strongly than its text. The name is its own evidence: structural names are the one
   * thing {@link dev.wct.analysers.personaldata.Redactor} leaves in clear.
   */
  public void nameMatch(
      String category, String pattern, String rule, TextItem source, String name) {
    Category state = record(category, pattern, rule, true);
    if (state.wantsEvidence(settings)) {
      state.addEvidence(name, location(source, -1));
    }
  }

  private Category record(String category, String pattern, String rule, boolean inName) {
    Category state = categories.computeIfAbsent(category, Category::new);
    state.patterns.merge(pattern, 1L, Long::sum);
    state.rules.add(rule);
    state.matches++;
    if (inName) {
      state.namePatterns.add(pattern);
    }
    if (state.lastItem != item) {
      state.lastItem = item;
      state.items++;
    }
    return state;
  }

  private static ObjectNode location(TextItem source, int offset) {
    ObjectNode location = JSON.objectNode();
    if (source.isCell()) {
      location.put("table", source.table());
      location.put("column", source.column());
      if (source.schema() != null) {
        location.put("schema", source.schema());
      }
      return location;
    }
    if (source.filePath() != null) {
      location.put("file_path", source.filePath());
    } else {
      location.put("source", source.source() != null ? source.source() : "unknown");
    }
    if (offset >= 0) {
      location.put("line", source.lineOf(offset));
    }
    return location;
  }

  /** Findings per category, as {@code summary.<field>} reports them. */
  public ObjectNode countsByCategory() {
    ObjectNode counts = JSON.objectNode();
    categories.values().forEach(category -> counts.put(category.name, category.matches));
    return counts;
  }

  /** The {@code summary} field: {@code total_findings}, {@code total_matches} and counts. */
  public ObjectNode summary(String countsField) {
    ObjectNode summary = JSON.objectNode();
    summary.put("total_findings", categories.size());
    summary.put("total_matches", categories.values().stream().mapToLong(c -> c.matches).sum());
    summary.set(countsField, countsByCategory());
    return summary;
  }

  /** The categories found, in name order. */
  public Collection<Category> categories() {
    return categories.values();
  }

  public boolean isEmpty() {
    return categories.isEmpty();
  }

  /** What was found for one category. */
  public static final class Category {
    private final String name;
    private final Map<String, Long> patterns = new TreeMap<>();
    private final Set<String> rules = new TreeSet<>();
    private final Set<String> namePatterns = new TreeSet<>();
    private final List<ObjectNode> evidence = new ArrayList<>();
    private final Set<String> evidenceKeys = new HashSet<>();
    private long matches;
    private long items;
    private long lastItem = -1;

    private Category(String name) {
      this.name = name;
    }

    private boolean wantsEvidence(EvidenceSettings settings) {
      return evidence.size() < settings.maximumEvidenceCount();
    }

    private void addEvidence(String snippet, ObjectNode location) {
      if (evidenceKeys.add(snippet + '\u0000' + location)) {
        ObjectNode node = JSON.objectNode();
        node.put("snippet", snippet);
        node.set("location", location);
        evidence.add(node);
      }
    }

    public String name() {
      return name;
    }

    /** Match counts per keyword or detector, sorted by pattern. */
    public Map<String, Long> patterns() {
      return java.util.Collections.unmodifiableMap(patterns);
    }

    /** Rules that matched, sorted. */
    public Set<String> rules() {
      return java.util.Collections.unmodifiableSet(rules);
    }

    /** Patterns that matched in a name rather than in text, sorted. */
    public Set<String> namePatterns() {
      return java.util.Collections.unmodifiableSet(namePatterns);
    }

    public long matches() {
      return matches;
    }

    /** Items with at least one match. */
    public long items() {
      return items;
    }

    public List<ObjectNode> evidence() {
      return java.util.Collections.unmodifiableList(evidence);
    }

    /**
     * The finding in the shared shape: {@code {id, <categoryField>, matched_patterns, evidence,
     * metadata}}.
     */
    public ObjectNode toJson(String idPrefix, String categoryField, ObjectNode metadata) {
      ObjectNode finding = JSON.objectNode();
      finding.put("id", idPrefix + name);
      finding.put(categoryField, name);
      ArrayNode matched = finding.putArray("matched_patterns");
      patterns.forEach(
          (pattern, count) ->
              matched.addObject().put("pattern", pattern).put("match_count", count));
      ArrayNode evidenceArray = finding.putArray("evidence");
      evidence.forEach(node -> evidenceArray.add(node.deepCopy()));
      ObjectNode meta = metadata.deepCopy();
      ArrayNode ruleArray = meta.putArray("rules");
      rules.forEach(ruleArray::add);
      meta.put("match_count", matches);
      meta.put("item_count", items);
      finding.set("metadata", meta);
      return finding;
    }
  }
}
