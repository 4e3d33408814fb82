package dev.wct.analysers.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.spi.coverage.SkipReason;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Aggregates matches into one finding per (location, category) while items stream by. A location is
 * a database column (or table) or a file (or one CSV or sheet column, or JSON path, of it), see
 * {@link Location}. Every location is kept; only the examples per location are capped ({@code
 * maximum_evidence_count}). State is bounded by the number of findings, columns and files, never by
 * the number of items or matches.
 *
 * <p>Each finding says why it fired: its detectors ({@code rule}, {@code kind}, {@code matches}),
 * with {@link Kind#VALUE} a validated value, {@link Kind#KEYWORD} a word rule in text and {@link
 * Kind#COLUMN_NAME} a schema-level name (a database column or table, a CSV header). Its {@link
 * Confidence} follows from them.
 */
public final class Findings {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** What kind of signal a detector is. */
  public enum Kind {
    /** A value a detector validated: checksum, Luhn, libphonenumber, address syntax... */
    VALUE,
    /**
     * A value recognised by how it is written, not validated: a phone number in international
     * format of a possible length, or after a phone label, that no numbering plan assigns.
     */
    FORMAT,
    /** A word rule matched in text. */
    KEYWORD,
    /** A word rule matched in a schema-level name: a database column or table, a CSV header. */
    COLUMN_NAME,
    /** A word rule matched in code: an identifier, a call, a route or hook name (not a comment). */
    CODE,
    /** A word rule matched in code within two lines of a personal data field it handles. */
    DATA_FLOW,
    /** A service's SDK, call or endpoint in code: an import, a call, a URL, a package name. */
    SERVICE;

    private final String id = name().toLowerCase(Locale.ROOT);

    public String id() {
      return id;
    }
  }

  /**
   * How sure a finding is, by the rule documented in docs/output-reference.md:
   *
   * <ul>
   *   <li>{@code high}: a validated value (in a database column: in at least half of the values
   *       examined, or in a column whose name says so), or a column name together with matching
   *       values;
   *   <li>{@code medium}: a keyword in a column name alone, two distinct keywords, validated values
   *       in a minority of a column's values (a phone-shaped number in a salary column), or values
   *       recognised by their format only ({@link Kind#FORMAT});
   *   <li>{@code low}: a single bare keyword in text.
   * </ul>
   *
   * <p>Processing purposes rest on code: a service's SDK or endpoint ({@link Kind#SERVICE}) or a
   * keyword in code next to a personal data field ({@link Kind#DATA_FLOW}) is {@code high}, a
   * keyword in an identifier or call alone ({@link Kind#CODE}) {@code medium}.
   */
  public enum Confidence {
    HIGH,
    MEDIUM,
    LOW;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final String analyser;
  private final EvidenceSettings settings;
  private final SnippetFactory snippets;
  private final Map<String, Finding> findings = new TreeMap<>();
  private final Map<String, Long> examined = new HashMap<>();
  private final Map<String, Integer> objectInputs = new HashMap<>();
  private final Map<String, Coverage> coverage = new LinkedHashMap<>();
  private final Set<String> namesScanned = new HashSet<>();

  // The "kind|rule" key of each detector, by kind: built once per rule rather than per match.
  private final Map<Kind, Map<String, String>> detectorKeys = new EnumMap<>(Kind.class);

  private long item;
  private long duplicatesSkipped;

  private TextItem current;
  private Location currentLocation;
  private StructuredText currentFields;
  private int currentContentStart;
  private Map<String, Location> currentFieldLocations;

  /**
   * @param analyser the analyser type, part of every finding id
   */
  public Findings(String analyser, EvidenceSettings settings, SnippetFactory snippets) {
    this.analyser = Objects.requireNonNull(analyser, "analyser");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.snippets = Objects.requireNonNull(snippets, "snippets");
  }

  /**
   * Claims a file or table for input {@code input}: false when another input already holds it (the
   * same file or table read through two artifacts is analysed once).
   */
  public boolean claim(Location object, int input) {
    Integer owner = objectInputs.putIfAbsent(object.object(), input);
    coverage.computeIfAbsent(object.object(), key -> new Coverage(object.json()));
    return owner == null || owner == input;
  }

  /**
   * Marks the start of the next item, read from input {@code input}; false when the item's file or
   * table belongs to another input, and is to be skipped.
   */
  public boolean startItem(TextItem next, int input) {
    Location object = Location.objectOf(next);
    if (!claim(object, input)) {
      duplicatesSkipped++;
      current = null;
      return false;
    }
    item++;
    current = next;
    lineCursor = 0;
    lineAtCursor = 1;
    currentLocation = Location.of(next);
    currentFields = StructuredText.of(next);
    currentContentStart = next.contentStart();
    currentFieldLocations = null;
    Coverage record = coverage.get(object.object());
    record.items++;
    if (!next.text().isEmpty()) {
      record.itemsWithText++;
    }
    if (currentLocation.databaseColumn()) {
      examined.merge(currentLocation.canonical(), 1L, Long::sum);
    } else if (currentFields != null) {
      currentFields
          .valuesPerField()
          .forEach(
              (field, values) ->
                  examined.merge(fieldLocation(field).canonical(), values, Long::sum));
    }
    return true;
  }

  /** The location of the current item's text (its file, or database column). */
  public Location currentLocation() {
    return currentLocation;
  }

  /** True the first time the names of {@code location} are to be scanned, false after. */
  public boolean firstSight(Location location) {
    return namesScanned.add(location.canonical());
  }

  /**
   * Records one match in the current item's text. In a CSV file the match is placed in its column,
   * and a keyword in the header line is a {@link Kind#COLUMN_NAME}.
   *
   * @param pattern the keyword or detector that matched
   * @param rule the rule or detector name
   */
  public void match(
      String category,
      String pattern,
      String rule,
      Kind kind,
      TextItem source,
      int start,
      int end) {
    if (source != current) {
      throw new IllegalStateException("match outside the current item");
    }
    if (start < currentContentStart) {
      return; // in the header rows a chunk repeats: counted in the chunk that read them first
    }
    Location location = currentLocation;
    Kind signal = kind;
    long value = -1;
    if (currentFields != null) {
      String field = currentFields.fieldAt(start);
      if (field != null) {
        location = fieldLocation(field);
      }
      if (currentFields.inHeader(start)) {
        signal = kind == Kind.KEYWORD ? Kind.COLUMN_NAME : kind;
      } else if (field != null) {
        value = currentFields.valueAt(start);
      }
    }
    Finding finding = finding(location, category);
    finding.record(pattern, rule, detectorKey(signal, rule));
    if (location.databaseColumn() && finding.lastItem != item) {
      finding.valuesMatched++;
    } else if (value >= 0 && (finding.lastItem != item || finding.lastValue != value)) {
      finding.valuesMatched++;
    }
    finding.lastItem = item;
    finding.lastValue = value;
    boolean wantsExample = finding.wantsExample(settings);
    if (finding.line == 0 || wantsExample) {
      int itemLine = lineOf(source, start);
      long line = source.fileLine(itemLine);
      int column = start - source.lineStart(start) + 1;
      int cellStart = source.cellValueStart();
      if (cellStart > 0 && itemLine == 1) {
        column -= cellStart;
      }
      if (finding.line == 0 && !location.databaseColumn()) {
        finding.line = line;
      }
      if (wantsExample) {
        ObjectNode example = JSON.objectNode();
        example.put("snippet", snippets.snippet(source, start, end));
        example.put("line", line);
        example.put("column", Math.max(1, column));
        if (source.isCell() && source.row() >= 0) {
          example.put("row", source.row());
        }
        finding.addExample(example);
      }
    }
  }

  // Where lineOf() last counted to in the current item, and the line there: matches arrive in
  // text order (keywords, then values), so counting on from there reads the text about twice per
  // item, where counting from 0 for each example read it once per example.
  private int lineCursor;
  private int lineAtCursor = 1;

  /** The 1-based line of {@code offset} in {@code source}, as {@link TextItem#lineOf}. */
  private int lineOf(TextItem source, int offset) {
    String text = source.text();
    int target = Math.max(0, Math.min(offset, text.length()));
    if (target < lineCursor) {
      lineCursor = 0;
      lineAtCursor = 1;
    }
    int line = lineAtCursor;
    for (int i = lineCursor; i < target; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    lineCursor = target;
    lineAtCursor = line;
    return line;
  }

  /**
   * Records one match in a name: a database column or table name from the catalogue, a file path.
   * The name is its own example: structural names are the one thing {@link
   * dev.wct.analysers.personaldata.Redactor} leaves in clear.
   */
  public void nameMatch(
      String category, String pattern, String rule, Kind kind, Location location, String name) {
    Finding finding = finding(location, category);
    String key = detectorKey(kind, rule);
    finding.record(pattern, rule, key);
    finding.recordName(pattern, key);
    if (finding.wantsExample(settings)) {
      ObjectNode example = JSON.objectNode();
      example.put("snippet", name);
      finding.addExample(example);
    }
  }

  /** {@code kind.id() + '|' + rule}, the key of a finding's detector counts. */
  private String detectorKey(Kind kind, String rule) {
    Map<String, String> keys = detectorKeys.computeIfAbsent(kind, k -> new HashMap<>());
    String key = keys.get(rule);
    if (key == null) {
      key = kind.id() + '|' + rule;
      keys.put(rule, key);
    }
    return key;
  }

  private Location fieldLocation(String field) {
    if (currentFieldLocations == null) {
      currentFieldLocations = new HashMap<>();
    }
    return currentFieldLocations.computeIfAbsent(
        field, key -> currentFields.locate(currentLocation, key));
  }

  // The findings of the location matched last, by category: most matches of an item fall in one
  // place, and the sorted map's keys share long path prefixes that each lookup would compare.
  private Location lastLocation;
  private final Map<String, Finding> lastLocationFindings = new HashMap<>();

  private Finding finding(Location location, String category) {
    if (location != lastLocation) {
      lastLocation = location;
      lastLocationFindings.clear();
    }
    Finding finding = lastLocationFindings.get(category);
    if (finding == null) {
      finding = sortedFinding(location, category);
      lastLocationFindings.put(category, finding);
    }
    return finding;
  }

  private Finding sortedFinding(Location location, String category) {
    return findings.computeIfAbsent(
        location.canonical() + '\u0000' + category, key -> new Finding(location, category));
  }

  /**
   * Drops the findings of {@code categories} that rest on one bare keyword in text (confidence
   * {@link Confidence#LOW}): for these a second signal in the same place is required. Returns how
   * many were dropped.
   */
  public int dropUncorroborated(Set<String> categories) {
    return dropWhere(categories, finding -> confidenceOf(finding) == Confidence.LOW);
  }

  /**
   * Drops the findings of {@code categories} that rest on words for people only: keywords in text,
   * comments, UI strings or a file path, with no {@link Kind#CODE}, {@link Kind#DATA_FLOW}, {@link
   * Kind#SERVICE} or {@link Kind#COLUMN_NAME} signal. Returns how many were dropped.
   */
  public int dropWithoutProcessingEvidence(Set<String> categories) {
    return dropWhere(
        categories,
        finding ->
            finding.detectors.keySet().stream()
                .allMatch(key -> key.startsWith(Kind.KEYWORD.id() + '|')));
  }

  private int dropWhere(Set<String> categories, Predicate<Finding> drop) {
    if (categories.isEmpty()) {
      return 0;
    }
    int before = findings.size();
    findings
        .values()
        .removeIf(finding -> categories.contains(finding.category) && drop.test(finding));
    lastLocation = null;
    lastLocationFindings.clear();
    return before - findings.size();
  }

  /** The findings, ordered by place then category. */
  public Collection<Finding> findings() {
    return Collections.unmodifiableCollection(findings.values());
  }

  public boolean isEmpty() {
    return findings.isEmpty();
  }

  /** The finding in the 2.0.0 shape; {@code categoryField} is category, subject or purpose. */
  public ObjectNode toJson(Finding finding, String categoryField) {
    ObjectNode json = JSON.objectNode();
    json.put("id", finding.location.idFor(analyser, finding.category));
    json.put(categoryField, finding.category);
    ObjectNode location = finding.location.json().deepCopy();
    if (finding.line > 0) {
      location.put("line", finding.line);
    }
    json.set("location", location);
    json.put("confidence", confidenceOf(finding).id());
    json.put("matches", finding.matches);
    if (finding.location.holdsValues()) {
      json.put("values_examined", examined.getOrDefault(finding.location.canonical(), 0L));
      json.put("values_matched", finding.valuesMatched);
    }
    ArrayNode detectors = json.putArray("detectors");
    finding.detectors.forEach(
        (key, matches) -> {
          int bar = key.indexOf('|');
          detectors
              .addObject()
              .put("rule", key.substring(bar + 1))
              .put("kind", key.substring(0, bar))
              .put("matches", matches);
        });
    ArrayNode examples = json.putArray("examples");
    finding.examples.forEach(example -> examples.add(example.deepCopy()));
    return json;
  }

  /** The confidence of {@code finding}, by the rule in {@link Confidence}. */
  public Confidence confidenceOf(Finding finding) {
    long examinedValues =
        finding.location.holdsValues()
            ? examined.getOrDefault(finding.location.canonical(), 0L)
            : -1;
    return finding.confidence(examinedValues);
  }

  /**
   * The {@code summary} field: findings, matches, distinct categories and locations, and per
   * category ({@code countsField}) its locations and matches.
   */
  public ObjectNode summary(String countsField) {
    ObjectNode summary = JSON.objectNode();
    Map<String, long[]> byCategory = new TreeMap<>();
    Set<String> locations = new TreeSet<>();
    Map<Confidence, Long> confidence = new java.util.EnumMap<>(Confidence.class);
    long matches = 0;
    for (Finding finding : findings.values()) {
      long[] counts = byCategory.computeIfAbsent(finding.category, key -> new long[2]);
      counts[0]++;
      counts[1] += finding.matches;
      locations.add(finding.location.canonical());
      confidence.merge(confidenceOf(finding), 1L, Long::sum);
      matches += finding.matches;
    }
    summary.put("total_findings", findings.size());
    summary.put("total_matches", matches);
    summary.put("distinct_categories", byCategory.size());
    summary.put("distinct_locations", locations.size());
    ObjectNode counts = summary.putObject(countsField);
    byCategory.forEach(
        (category, values) ->
            counts.putObject(category).put("locations", values[0]).put("matches", values[1]));
    ObjectNode byConfidence = summary.putObject("by_confidence");
    for (Confidence level : Confidence.values()) {
      byConfidence.put(level.id(), confidence.getOrDefault(level, 0L));
    }
    summary.put("duplicate_items_skipped", duplicatesSkipped);
    return summary;
  }

  /**
   * The {@code coverage} field: one record per file or table analysed, clean ones included, with
   * the items read from it and the findings in it.
   */
  public ArrayNode coverage() {
    Map<String, Long> perObject = new HashMap<>();
    for (Finding finding : findings.values()) {
      perObject.merge(finding.location.object(), 1L, Long::sum);
    }
    ArrayNode array = JSON.arrayNode();
    coverage.forEach(
        (object, record) ->
            array
                .addObject()
                .<ObjectNode>set("location", record.location.deepCopy())
                .put("items_examined", record.items)
                .put("findings", perObject.getOrDefault(object, 0L)));
    return array;
  }

  /**
   * Notes that the current item is a code unit whose content an upstream producer left out ({@link
   * TextInputs#contentLeftOut}): read as nothing, and recorded as such by {@link #recordCoverage}.
   */
  public void contentLeftOut() {
    if (current != null) {
      coverage.get(Location.objectOf(current).object()).contentLeftOut++;
    }
  }

  /**
   * When the content of a file was left out upstream (a {@code source_code} unit with {@code
   * include_content: false}), records each file or table in the run's coverage record: scanned when
   * one of its items had text to read, skipped as {@link SkipReason#EXCLUDED} when its content was
   * left out, so that a run that read nothing says so ("read 0 files"), {@link SkipReason#EMPTY}
   * when it had no text at all (an empty file or table, whose names were still analysed). When
   * every item had its content, nothing is recorded: the connector's record already lists these
   * files and tables, and a report would count them twice.
   */
  public void recordCoverage(dev.wct.spi.coverage.Coverage target) {
    if (coverage.values().stream().noneMatch(record -> record.contentLeftOut > 0)) {
      return;
    }
    boolean files = false;
    boolean tables = false;
    for (Coverage record : coverage.values()) {
      String name = record.name();
      if (record.location.has("table")) {
        tables = true;
      } else {
        files = true;
      }
      if (record.itemsWithText > 0) {
        target.scanned(name);
      } else if (record.contentLeftOut > 0) {
        target.skipped(name, SkipReason.EXCLUDED);
      } else {
        target.skipped(name, SkipReason.EMPTY);
      }
    }
    if (files != tables) {
      target.objectsAre(files ? "files" : "tables");
    }
  }

  /**
   * What {@link #addPartition} needs to merge these findings with those of the other partitions of
   * the same input: the accumulators rather than the report, so bare keywords are not dropped yet
   * and every place's values examined are kept, with or without findings there. Places, rules,
   * keywords and the examples (masked as in the report): no value in clear.
   */
  public ObjectNode partitionState() {
    ObjectNode state = JSON.objectNode();
    ArrayNode all = state.putArray("findings");
    for (Finding finding : findings.values()) {
      ObjectNode json = all.addObject();
      json.set("location", locationState(finding.location));
      json.put("category", finding.category);
      json.set("detectors", countsJson(finding.detectors));
      json.set("patterns", countsJson(finding.patterns));
      ArrayNode rules = json.putArray("rules");
      finding.rules.forEach(rules::add);
      ArrayNode names = json.putArray("name_patterns");
      finding.namePatterns.forEach(names::add);
      json.set("name_detectors", countsJson(finding.nameDetectors));
      json.set("name_pattern_matches", countsJson(finding.namePatternCounts));
      json.put("name_matches", finding.nameMatches);
      json.put("matches", finding.matches);
      json.put("values_matched", finding.valuesMatched);
      json.put("line", finding.line);
      ArrayNode examples = json.putArray("examples");
      finding.examples.forEach(example -> examples.add(example.deepCopy()));
    }
    state.set("values_examined", countsJson(examined));
    ArrayNode objects = state.putArray("coverage");
    coverage.forEach(
        (object, record) ->
            objects
                .addObject()
                .put("object", object)
                .<ObjectNode>set("location", record.location.deepCopy())
                .put("items", record.items)
                .put("items_with_text", record.itemsWithText)
                .put("content_left_out", record.contentLeftOut));
    state.put("duplicate_items_skipped", duplicatesSkipped);
    return state;
  }

  /**
   * Adds the {@link #partitionState} of the next partition, lowest first, so that these findings
   * become those of one run over all partitions: one finding per (place, category) with its
   * matches, values examined and values matched summed, examples in partition order up to {@code
   * maximum_evidence_count}. Names (catalogue columns, a file path) are read alike by every
   * partition: the matches in them count once, as in a whole run. Drop bare keywords and write the
   * report after the last partition.
   */
  public void addPartition(JsonNode state) {
    lastLocation = null;
    lastLocationFindings.clear();
    for (JsonNode json : state.path("findings")) {
      Location location = location(json.path("location"));
      Finding finding = sortedFinding(location, json.path("category").asText());
      Map<String, Long> nameDetectors = countsOf(json.path("name_detectors"));
      Map<String, Long> namePatterns = countsOf(json.path("name_pattern_matches"));
      long nameMatches = json.path("name_matches").asLong();
      countsOf(json.path("detectors"))
          .forEach(
              (key, n) -> add(finding.detectors, key, n - nameDetectors.getOrDefault(key, 0L)));
      countsOf(json.path("patterns"))
          .forEach((key, n) -> add(finding.patterns, key, n - namePatterns.getOrDefault(key, 0L)));
      finding.matches += json.path("matches").asLong() - nameMatches;
      if (finding.nameMatches == 0 && nameMatches > 0) {
        nameDetectors.forEach(
            (key, n) -> {
              add(finding.detectors, key, n);
              add(finding.nameDetectors, key, n);
            });
        namePatterns.forEach(
            (key, n) -> {
              add(finding.patterns, key, n);
              add(finding.namePatternCounts, key, n);
            });
        json.path("name_patterns").forEach(name -> finding.namePatterns.add(name.asText()));
        finding.nameMatches = nameMatches;
        finding.matches += nameMatches;
      }
      json.path("rules").forEach(rule -> finding.rules.add(rule.asText()));
      finding.valuesMatched += json.path("values_matched").asLong();
      if (finding.line == 0) {
        finding.line = json.path("line").asLong();
      }
      for (JsonNode example : json.path("examples")) {
        if (finding.wantsExample(settings) && example.isObject()) {
          finding.addExample(((ObjectNode) example).deepCopy());
        }
      }
    }
    countsOf(state.path("values_examined")).forEach((key, n) -> add(examined, key, n));
    for (JsonNode json : state.path("coverage")) {
      Coverage record =
          coverage.computeIfAbsent(
              json.path("object").asText(),
              key -> new Coverage(((ObjectNode) json.path("location")).deepCopy()));
      record.items += json.path("items").asLong();
      record.itemsWithText += json.path("items_with_text").asLong();
      record.contentLeftOut += json.path("content_left_out").asLong();
    }
    duplicatesSkipped += state.path("duplicate_items_skipped").asLong();
  }

  private static void add(Map<String, Long> total, String key, long n) {
    if (n > 0) {
      total.merge(key, n, Long::sum);
    }
  }

  private static ObjectNode countsJson(Map<String, Long> counts) {
    ObjectNode json = JSON.objectNode();
    counts.forEach(json::put);
    return json;
  }

  private static Map<String, Long> countsOf(JsonNode json) {
    Map<String, Long> counts = new TreeMap<>();
    json.fields().forEachRemaining(f -> counts.put(f.getKey(), f.getValue().asLong()));
    return counts;
  }

  private static ObjectNode locationState(Location location) {
    ObjectNode json = JSON.objectNode();
    json.put("canonical", location.canonical());
    json.put("object", location.object());
    json.set("json", location.json().deepCopy());
    json.put("database_column", location.databaseColumn());
    return json;
  }

  private static Location location(JsonNode json) {
    return new Location(
        json.path("canonical").asText(),
        json.path("object").asText(),
        ((ObjectNode) json.path("json")).deepCopy(),
        json.path("database_column").asBoolean());
  }

  private static final class Coverage {
    private final ObjectNode location;
    private long items;
    private long itemsWithText;
    private long contentLeftOut;

    /** A file's path, a table's {@code schema.table}: names, never content. */
    private String name() {
      if (location.has("table")) {
        String schema = location.path("schema").asText("");
        return (schema.isEmpty() ? "" : schema + ".") + location.path("table").asText();
      }
      return location.path("file_path").asText();
    }

    private Coverage(ObjectNode location) {
      this.location = location;
    }
  }

  /** What was found for one category in one location. */
  public static final class Finding {
    private final Location location;
    private final String category;
    private final Map<String, Long> detectors = new TreeMap<>();
    private final Map<String, Long> patterns = new TreeMap<>();
    private final Set<String> rules = new TreeSet<>();
    private final Set<String> namePatterns = new TreeSet<>();
    // the part of detectors, patterns and matches that comes from names (see PartitionState)
    private final Map<String, Long> nameDetectors = new TreeMap<>();
    private final Map<String, Long> namePatternCounts = new TreeMap<>();
    private long nameMatches;
    private final List<ObjectNode> examples = new ArrayList<>();
    private long matches;
    private long valuesMatched;
    private long lastItem = -1;
    private long lastValue = -1;
    private long line;

    private Finding(Location location, String category) {
      this.location = location;
      this.category = category;
    }

    /**
     * @param detector the detector's key, {@code kind.id() + '|' + rule}
     */
    private void record(String pattern, String rule, String detector) {
      detectors.merge(detector, 1L, Long::sum);
      patterns.merge(pattern, 1L, Long::sum);
      rules.add(rule);
      matches++;
    }

    /** Notes that the match just recorded was in a name: every partition sees the same names. */
    private void recordName(String pattern, String detector) {
      namePatterns.add(pattern);
      nameDetectors.merge(detector, 1L, Long::sum);
      namePatternCounts.merge(pattern, 1L, Long::sum);
      nameMatches++;
    }

    private boolean wantsExample(EvidenceSettings settings) {
      return examples.size() < settings.maximumEvidenceCount();
    }

    /** Keeps {@code example} unless one kept already serialises to the same JSON text. */
    private void addExample(ObjectNode example) {
      for (ObjectNode kept : examples) {
        if (maySerialiseAlike(kept, example) && kept.toString().equals(example.toString())) {
          return;
        }
      }
      examples.add(example);
    }

    /**
     * False only where the two examples cannot serialise to the same JSON text: one has a snippet
     * and the other not, or both have text snippets that differ. Most examples differ in their
     * snippet, so few are serialised to be compared.
     */
    private static boolean maySerialiseAlike(ObjectNode a, ObjectNode b) {
      JsonNode x = a.get("snippet");
      JsonNode y = b.get("snippet");
      if (x == null || y == null) {
        return x == y;
      }
      return !(x.isTextual() && y.isTextual()) || x.textValue().equals(y.textValue());
    }

    /**
     * The rule in {@link Confidence}.
     *
     * @param examined the values examined in a database column, or -1 for other places
     */
    Confidence confidence(long examined) {
      boolean value = false;
      boolean format = false;
      boolean name = false;
      boolean keyword = false;
      boolean processing = false;
      boolean code = false;
      for (String key : detectors.keySet()) {
        value |= key.startsWith(Kind.VALUE.id() + '|');
        format |= key.startsWith(Kind.FORMAT.id() + '|');
        name |= key.startsWith(Kind.COLUMN_NAME.id() + '|');
        keyword |= key.startsWith(Kind.KEYWORD.id() + '|');
        processing |=
            key.startsWith(Kind.SERVICE.id() + '|') || key.startsWith(Kind.DATA_FLOW.id() + '|');
        code |= key.startsWith(Kind.CODE.id() + '|');
      }
      boolean sparse = examined > 0 && valuesMatched * 2 < examined;
      if (value && (!sparse || name) || name && (keyword || valuesMatched > 0) || processing) {
        return Confidence.HIGH;
      }
      if (value || format || name || code || patterns.size() >= 2) {
        return Confidence.MEDIUM;
      }
      return Confidence.LOW;
    }

    public String name() {
      return category;
    }

    public Location location() {
      return location;
    }

    /** Match counts per keyword or detector, sorted by pattern. */
    public Map<String, Long> patterns() {
      return Collections.unmodifiableMap(patterns);
    }

    /** Rules that matched, sorted. */
    public Set<String> rules() {
      return Collections.unmodifiableSet(rules);
    }

    /** Patterns that matched in a name rather than in text, sorted. */
    public Set<String> namePatterns() {
      return Collections.unmodifiableSet(namePatterns);
    }

    public long matches() {
      return matches;
    }

    public List<ObjectNode> examples() {
      return Collections.unmodifiableList(examples);
    }
  }
}
