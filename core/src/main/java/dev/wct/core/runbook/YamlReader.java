package dev.wct.core.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.spi.text.Suggestions;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads typed values out of a SnakeYAML node tree, recording the place of every value it visits and
 * collecting every problem instead of stopping at the first.
 */
final class YamlReader {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final String file;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, Location> locations = new HashMap<>();

  YamlReader(String file) {
    this.file = file;
  }

  List<Problem> problems() {
    return problems;
  }

  SourceMap sourceMap() {
    return new SourceMap(file, locations);
  }

  void problem(Node node, String path, String message) {
    Location at = location(node);
    problems.add(new Problem(file, at.line(), at.column(), path, message));
  }

  void problem(String path, String message) {
    Location at = SourceMap.locate(locations, path);
    problems.add(new Problem(file, at.line(), at.column(), path, message));
  }

  static Location location(Node node) {
    return new Location(node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
  }

  void record(String path, Node node) {
    locations.put(path, location(node));
  }

  /**
   * The entries of a mapping, in order, after reporting unknown and duplicate keys. Each value is
   * recorded at {@code path.key} (at the key when the value is a block below it).
   *
   * @return empty when {@code node} is not a mapping (reported)
   */
  Optional<Map<String, Node>> fields(Node node, String path, List<String> known) {
    return entries(node, path, known, false);
  }

  /** The entries of a mapping whose keys are free (ids, names), in order. */
  Optional<Map<String, Node>> entries(Node node, String path) {
    return entries(node, path, List.of(), true);
  }

  private Optional<Map<String, Node>> entries(
      Node node, String path, List<String> known, boolean freeKeys) {
    if (!(node instanceof MappingNode mapping)) {
      problem(node, path, "expected a mapping, got " + describe(node));
      return Optional.empty();
    }
    Map<String, Node> result = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      Node value = tuple.getValueNode();
      if (!(keyNode instanceof ScalarNode scalarKey)) {
        problem(keyNode, path, "keys must be plain strings");
        continue;
      }
      String key = scalarKey.getValue();
      String childPath = join(path, key);
      if (!freeKeys && !known.contains(key)) {
        String hint = Suggestions.hint(key, known);
        problem(
            keyNode,
            childPath,
            "unknown key '"
                + key
                + "'"
                + (hint.isEmpty() ? " (expected one of: " + String.join(", ", known) + ")" : hint));
        continue;
      }
      if (result.containsKey(key)) {
        problem(keyNode, childPath, "duplicate key '" + key + "'");
        continue;
      }
      boolean block = value.getStartMark().getLine() > keyNode.getStartMark().getLine();
      locations.put(childPath, location(block ? keyNode : value));
      result.put(key, value);
    }
    return Optional.of(result);
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** A string scalar (quoted or plain, not a number, boolean or null). */
  Optional<String> string(Node node, String path) {
    if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.STR)) {
      return Optional.of(scalar.getValue());
    }
    problem(node, path, "expected a string, got " + describe(node));
    return Optional.empty();
  }

  Optional<Boolean> bool(Node node, String path) {
    if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
      return Optional.of(isTrue(scalar.getValue()));
    }
    problem(node, path, "expected true or false, got " + describe(node));
    return Optional.empty();
  }

  Optional<Integer> integer(Node node, String path, int min) {
    if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT)) {
      BigInteger value = toInteger(scalar.getValue());
      if (value != null && value.bitLength() < 32 && value.intValue() >= min) {
        return Optional.of(value.intValue());
      }
      problem(
          node, path, "expected a whole number of at least " + min + ", got " + scalar.getValue());
      return Optional.empty();
    }
    problem(node, path, "expected a whole number, got " + describe(node));
    return Optional.empty();
  }

  Optional<Double> number(Node node, String path, double min) {
    if (node instanceof ScalarNode scalar
        && (scalar.getTag().equals(Tag.INT) || scalar.getTag().equals(Tag.FLOAT))) {
      try {
        double value = Double.parseDouble(scalar.getValue().replace("_", ""));
        if (value >= min && Double.isFinite(value)) {
          return Optional.of(value);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problem(node, path, "expected a number of at least " + min + ", got " + scalar.getValue());
      return Optional.empty();
    }
    problem(node, path, "expected a number, got " + describe(node));
    return Optional.empty();
  }

  /** Bytes as a whole number, or {@code 512KiB}, {@code 64MiB}, {@code 1GiB} (also KB, MB, GB). */
  Optional<Long> bytes(Node node, String path) {
    if (node instanceof ScalarNode scalar
        && (scalar.getTag().equals(Tag.INT) || scalar.getTag().equals(Tag.STR))) {
      Optional<Long> parsed = ByteSizes.parse(scalar.getValue().replace("_", ""));
      if (parsed.isPresent() && parsed.get() > 0) {
        return parsed;
      }
      problem(
          node,
          path,
          "expected a positive size such as 1048576, 512KiB, 64MiB or 1GiB, got '"
              + scalar.getValue()
              + "'");
      return Optional.empty();
    }
    problem(node, path, "expected a size such as 64MiB, got " + describe(node));
    return Optional.empty();
  }

  /** Seconds as a number, or {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}; positive. */
  Optional<Duration> duration(Node node, String path) {
    if (node instanceof ScalarNode scalar
        && (scalar.getTag().equals(Tag.INT)
            || scalar.getTag().equals(Tag.FLOAT)
            || scalar.getTag().equals(Tag.STR))) {
      Optional<Duration> parsed = Durations.parse(scalar.getValue().replace("_", ""));
      if (parsed.isPresent() && !parsed.get().isNegative() && !parsed.get().isZero()) {
        return parsed;
      }
      problem(
          node,
          path,
          "expected a positive duration such as 30, 30s, 10m, 2h or 500ms, got '"
              + scalar.getValue()
              + "'");
      return Optional.empty();
    }
    problem(node, path, "expected a duration such as 30s, got " + describe(node));
    return Optional.empty();
  }

  /** A list of elements read one by one; elements that fail are left out (and reported). */
  <T> Optional<List<T>> list(
      Node node, String path, BiFunction<Node, String, Optional<T>> element) {
    if (!(node instanceof SequenceNode sequence)) {
      problem(node, path, "expected a list, got " + describe(node));
      return Optional.empty();
    }
    List<T> result = new ArrayList<>();
    List<Node> elements = sequence.getValue();
    for (int i = 0; i < elements.size(); i++) {
      String elementPath = path + "[" + i + "]";
      record(elementPath, elements.get(i));
      element.apply(elements.get(i), elementPath).ifPresent(result::add);
    }
    return Optional.of(result);
  }

  /**
   * Converts a node to JSON, checking the placeholder syntax of every string in it and recording
   * the place of every nested value.
   */
  JsonNode json(Node node, String path) {
    if (node instanceof MappingNode) {
      ObjectNode object = JSON.objectNode();
      entries(node, path)
          .ifPresent(
              fields ->
                  fields.forEach((key, value) -> object.set(key, json(value, join(path, key)))));
      return object;
    }
    if (node instanceof SequenceNode sequence) {
      ArrayNode array = JSON.arrayNode();
      List<Node> elements = sequence.getValue();
      for (int i = 0; i < elements.size(); i++) {
        String elementPath = path + "[" + i + "]";
        record(elementPath, elements.get(i));
        array.add(json(elements.get(i), elementPath));
      }
      return array;
    }
    ScalarNode scalar = (ScalarNode) node;
    String text = scalar.getValue();
    Tag tag = scalar.getTag();
    if (tag.equals(Tag.NULL)) {
      return JSON.nullNode();
    }
    if (tag.equals(Tag.BOOL)) {
      return JSON.booleanNode(isTrue(text));
    }
    if (tag.equals(Tag.INT)) {
      BigInteger value = toInteger(text);
      if (value != null) {
        return value.bitLength() < 32
            ? JSON.numberNode(value.intValue())
            : value.bitLength() < 64 ? JSON.numberNode(value.longValue()) : JSON.numberNode(value);
      }
    }
    if (tag.equals(Tag.FLOAT)) {
      try {
        return JSON.numberNode(Double.parseDouble(text.replace("_", "")));
      } catch (NumberFormatException e) {
        // .inf, .nan and friends stay text
      }
    }
    Placeholders.syntaxProblem(text).ifPresent(message -> problem(node, path, message));
    return JSON.textNode(text);
  }

  private static boolean isTrue(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.equals("true") || lower.equals("yes") || lower.equals("on");
  }

  private static BigInteger toInteger(String text) {
    String digits = text.replace("_", "");
    int sign = 1;
    if (digits.startsWith("-") || digits.startsWith("+")) {
      sign = digits.startsWith("-") ? -1 : 1;
      digits = digits.substring(1);
    }
    try {
      BigInteger value;
      if (digits.startsWith("0x")) {
        value = new BigInteger(digits.substring(2), 16);
      } else if (digits.startsWith("0o")) {
        value = new BigInteger(digits.substring(2), 8);
      } else {
        value = new BigDecimal(digits).toBigIntegerExact();
      }
      return sign < 0 ? value.negate() : value;
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    Tag tag = node.getTag();
    String value = ((ScalarNode) node).getValue();
    if (tag.equals(Tag.NULL)) {
      return "nothing";
    }
    if (tag.equals(Tag.BOOL)) {
      return "the boolean " + value;
    }
    if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
      return "the number " + value;
    }
    return "the string '" + value + "'";
  }
}
