package dev.wct.analysers.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.wct.analysers.text.Tokens;
import dev.wct.spi.error.WctException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Loads rulesets named {@code local/<name>/<version>} (shipped as {@code
 * rulesets/<name>/<version>.yaml} resources) or {@code file:<path>} (resolved against the working
 * directory), validates them and caches them. Every problem is a user error naming the file and the
 * rule.
 */
public final class RulesetLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern LOCAL =
      Pattern.compile("local/([a-z][a-z0-9_]*)/(\\d+\\.\\d+\\.\\d+)");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
  private static final Set<String> TOP_LEVEL_KEYS =
      Set.of("name", "version", "description", "rules", "detectors", "person_context");
  private static final Set<String> RULE_KEYS =
      Set.of("name", "category", "description", "keywords", "weight", "metadata", "context");
  private static final Set<String> CONTEXT_KEYS = Set.of("tables", "person", "columns_only");
  private static final Set<String> PERSON_CONTEXT_KEYS = Set.of("words", "categories");
  private static final Set<String> DETECTOR_KEYS = Set.of("detector", "category");
  private static final Map<String, Ruleset> CACHE = new ConcurrentHashMap<>();

  private RulesetLoader() {}

  /**
   * Loads a ruleset of kind {@code expectedName}.
   *
   * @param reference {@code local/<name>/<version>} or {@code file:<path>}
   * @param workingDirectory what a relative {@code file:} path resolves against
   * @param knownDetectors detector names the ruleset may switch on
   */
  public static Ruleset load(
      String reference,
      Path workingDirectory,
      String expectedName,
      Collection<String> knownDetectors) {
    Ruleset ruleset;
    if (reference.startsWith("file:")) {
      ruleset = loadFile(reference, workingDirectory, knownDetectors);
    } else if (LOCAL.matcher(reference).matches()) {
      ruleset = CACHE.computeIfAbsent(reference, ref -> loadLocal(ref, knownDetectors));
    } else {
      throw WctException.user(
          "ruleset '"
              + reference
              + "': expected local/<name>/<version> (e.g. local/"
              + expectedName
              + "/1.0.0) or file:<path>");
    }
    if (!ruleset.name().equals(expectedName)) {
      throw WctException.user(
          "ruleset '"
              + reference
              + "' is a "
              + ruleset.name()
              + " ruleset, but a "
              + expectedName
              + " ruleset is needed");
    }
    return ruleset;
  }

  private static Ruleset loadLocal(String reference, Collection<String> knownDetectors) {
    var matcher = LOCAL.matcher(reference);
    matcher.matches();
    String resource = "rulesets/" + matcher.group(1) + "/" + matcher.group(2) + ".yaml";
    try (InputStream in = RulesetLoader.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw WctException.user(
            "unknown ruleset '" + reference + "' (known: " + String.join(", ", shipped()) + ")");
      }
      return parse(reference, resource, YAML.readTree(in), knownDetectors);
    } catch (IOException e) {
      throw WctException.user(resource + ": unreadable ruleset: " + firstLine(e));
    }
  }

  private static Ruleset loadFile(
      String reference, Path workingDirectory, Collection<String> knownDetectors) {
    Path path = workingDirectory.resolve(reference.substring("file:".length())).normalize();
    if (!Files.isRegularFile(path)) {
      throw WctException.user("ruleset '" + reference + "': no such file " + path);
    }
    try {
      String key =
          path.toAbsolutePath() + "@" + Files.getLastModifiedTime(path) + "#" + Files.size(path);
      Ruleset cached = CACHE.get(key);
      if (cached != null) {
        return cached;
      }
      JsonNode root;
      try (InputStream in = Files.newInputStream(path)) {
        root = YAML.readTree(in);
      }
      Ruleset ruleset = parse(reference, path.toString(), root, knownDetectors);
      CACHE.put(key, ruleset);
      return ruleset;
    } catch (IOException e) {
      throw WctException.user(path + ": unreadable ruleset: " + firstLine(e));
    }
  }

  /** The shipped ruleset references, sorted. */
  public static List<String> shipped() {
    return List.of(
        "local/data_subject_indicator/1.0.0",
        "local/data_subject_indicator/1.1.0",
        "local/personal_data_indicator/1.0.0",
        "local/personal_data_indicator/1.1.0",
        "local/personal_data_indicator/1.2.0",
        "local/personal_data_indicator/1.3.0",
        "local/personal_data_indicator/1.4.0",
        "local/processing_purpose_indicator/1.0.0",
        "local/processing_purpose_indicator/1.1.0");
  }

  static Ruleset parse(
      String reference, String file, JsonNode root, Collection<String> knownDetectors) {
    if (root == null || !root.isObject()) {
      throw invalid(file, "a ruleset must be a mapping with name, version, description and rules");
    }
    unknownKeys(file, "", root, TOP_LEVEL_KEYS);
    String name = requiredText(file, "", root, "name");
    if (!IDENTIFIER.matcher(name).matches()) {
      throw invalid(file, "name '" + name + "' must match [a-z][a-z0-9_]*");
    }
    String version = requiredText(file, "", root, "version");
    if (!VERSION.matcher(version).matches()) {
      throw invalid(file, "version '" + version + "' must be MAJOR.MINOR.PATCH");
    }
    String description = root.path("description").asText("");
    JsonNode rulesNode = root.get("rules");
    if (rulesNode == null || !rulesNode.isArray() || rulesNode.isEmpty()) {
      throw invalid(file, "'rules' must be a non-empty list");
    }
    List<Rule> rules = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < rulesNode.size(); i++) {
      Rule rule = rule(file, i, rulesNode.get(i));
      if (!names.add(rule.name())) {
        throw invalid(file, "rules[" + i + "] ('" + rule.name() + "'): duplicate rule name");
      }
      rules.add(rule);
    }
    List<DetectorBinding> detectors = new ArrayList<>();
    JsonNode detectorsNode = root.path("detectors");
    if (!detectorsNode.isMissingNode() && !detectorsNode.isArray()) {
      throw invalid(file, "'detectors' must be a list");
    }
    for (int i = 0; i < detectorsNode.size(); i++) {
      String where = "detectors[" + i + "]";
      JsonNode node = detectorsNode.get(i);
      if (!node.isObject()) {
        throw invalid(file, where + ": must be a mapping with detector and category");
      }
      unknownKeys(file, where + ": ", node, DETECTOR_KEYS);
      String detector = requiredText(file, where + ": ", node, "detector");
      if (!knownDetectors.contains(detector)) {
        throw invalid(
            file,
            where
                + ": unknown detector '"
                + detector
                + "' (known: "
                + String.join(", ", new java.util.TreeSet<>(knownDetectors))
                + ")");
      }
      detectors.add(new DetectorBinding(detector, category(file, where + ": ", node)));
    }
    Ruleset.Persons persons = Ruleset.Persons.NONE;
    JsonNode personsNode = root.path("person_context");
    if (!personsNode.isMissingNode()) {
      if (!personsNode.isObject()) {
        throw invalid(file, "'person_context' must be a mapping with words and categories");
      }
      unknownKeys(file, "person_context: ", personsNode, PERSON_CONTEXT_KEYS);
      persons =
          new Ruleset.Persons(
              words(file, "person_context: 'words'", personsNode.get("words")),
              words(file, "person_context: 'categories'", personsNode.get("categories")));
    }
    for (Rule rule : rules) {
      if (rule.context().person() != Rule.Person.ANY && persons.words().isEmpty()) {
        throw invalid(
            file,
            "rule '"
                + rule.name()
                + "' needs a person in its table, but the ruleset has no person_context words");
      }
    }
    return new Ruleset(reference, name, version, description, rules, detectors, persons);
  }

  private static List<String> words(String file, String where, JsonNode node) {
    if (node == null || !node.isArray() || node.isEmpty()) {
      throw invalid(file, where + " must be a non-empty list of strings");
    }
    List<String> words = new ArrayList<>();
    for (JsonNode word : node) {
      if (!word.isTextual() || Tokens.words(word.asText()).isEmpty()) {
        throw invalid(file, where + ": " + word + " must be a string with a word in it");
      }
      words.add(word.asText());
    }
    return words;
  }

  private static Rule.Context context(String file, String prefix, JsonNode node) {
    if (node == null) {
      return Rule.Context.ANYWHERE;
    }
    if (!node.isObject()) {
      throw invalid(file, prefix + "'context' must be a mapping (tables, person, columns_only)");
    }
    unknownKeys(file, prefix + "context: ", node, CONTEXT_KEYS);
    List<String> tables =
        node.has("tables")
            ? words(file, prefix + "context: 'tables'", node.get("tables"))
            : List.of();
    Rule.Person person = Rule.Person.ANY;
    if (node.has("person")) {
      String value = node.get("person").asText("");
      person =
          switch (value) {
            case "any" -> Rule.Person.ANY;
            case "linked" -> Rule.Person.LINKED;
            case "table" -> Rule.Person.TABLE;
            default ->
                throw invalid(
                    file,
                    prefix + "context: 'person' must be any, linked or table, got '" + value + "'");
          };
    }
    JsonNode columnsOnly = node.path("columns_only");
    if (!columnsOnly.isMissingNode() && !columnsOnly.isBoolean()) {
      throw invalid(file, prefix + "context: 'columns_only' must be true or false");
    }
    return new Rule.Context(tables, person, columnsOnly.asBoolean(false));
  }

  private static Rule rule(String file, int index, JsonNode node) {
    String where = "rules[" + index + "]";
    if (node == null || !node.isObject()) {
      throw invalid(file, where + ": a rule must be a mapping");
    }
    String ruleName = node.path("name").asText("");
    if (!ruleName.isEmpty()) {
      where += " ('" + ruleName + "')";
    }
    String prefix = where + ": ";
    unknownKeys(file, prefix, node, RULE_KEYS);
    String name = requiredText(file, prefix, node, "name");
    String category = category(file, prefix, node);
    JsonNode keywordsNode = node.get("keywords");
    if (keywordsNode == null || !keywordsNode.isArray() || keywordsNode.isEmpty()) {
      throw invalid(file, prefix + "'keywords' must be a non-empty list of strings");
    }
    List<String> keywords = new ArrayList<>();
    for (JsonNode keyword : keywordsNode) {
      if (!keyword.isTextual() || Tokens.words(keyword.asText()).isEmpty()) {
        throw invalid(file, prefix + "keyword " + keyword + " must be a string with a word in it");
      }
      keywords.add(keyword.asText());
    }
    int weight = Rule.DEFAULT_WEIGHT;
    if (node.has("weight")) {
      JsonNode weightNode = node.get("weight");
      if (!weightNode.isInt() || weightNode.asInt() < 1 || weightNode.asInt() > 100) {
        throw invalid(file, prefix + "'weight' must be an integer from 1 to 100");
      }
      weight = weightNode.asInt();
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    JsonNode metadataNode = node.path("metadata");
    if (!metadataNode.isMissingNode()) {
      if (!metadataNode.isObject()) {
        throw invalid(file, prefix + "'metadata' must be a mapping");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = metadataNode.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (!entry.getValue().isValueNode()) {
          throw invalid(file, prefix + "metadata." + entry.getKey() + " must be a plain value");
        }
        metadata.put(entry.getKey(), entry.getValue().asText());
      }
    }
    return new Rule(
        name,
        category,
        node.path("description").asText(""),
        keywords,
        weight,
        metadata,
        context(file, prefix, node.get("context")));
  }

  private static String category(String file, String prefix, JsonNode node) {
    String category = requiredText(file, prefix, node, "category");
    if (!IDENTIFIER.matcher(category).matches()) {
      throw invalid(file, prefix + "category '" + category + "' must match [a-z][a-z0-9_]*");
    }
    return category;
  }

  private static String requiredText(String file, String prefix, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isValueNode() || value.isNull() || value.asText().isBlank()) {
      throw invalid(file, prefix + "'" + field + "' is required");
    }
    return value.asText();
  }

  private static void unknownKeys(String file, String prefix, JsonNode node, Set<String> known) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        throw invalid(
            file,
            prefix
                + "unknown key '"
                + key
                + "' (expected one of "
                + String.join(", ", new java.util.TreeSet<>(known))
                + ")");
      }
    }
  }

  private static WctException invalid(String file, String message) {
    return WctException.user(file + ": invalid ruleset: " + message);
  }

  private static String firstLine(Exception e) {
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException json
        && json.getLocation() != null) {
      return "line "
          + json.getLocation().getLineNr()
          + ", column "
          + json.getLocation().getColumnNr()
          + ": "
          + json.getOriginalMessage();
    }
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
