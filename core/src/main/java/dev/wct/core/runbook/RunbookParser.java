package dev.wct.core.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.spi.message.SchemaRef;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a runbook file strictly: unknown keys, wrong types and bad ids are problems with their
 * file, line and column, and every problem of the file is reported, not just the first.
 * Placeholders such as {@code ${VAR}} are checked for syntax and kept.
 */
public final class RunbookParser {
  /** Artifact ids, child input names and aliases. */
  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

  static final List<String> TOP_KEYS =
      List.of(
          "name",
          "description",
          "contact",
          "framework",
          "config",
          "inputs",
          "outputs",
          "artifacts");
  static final List<String> CONFIG_KEYS =
      List.of(
          "timeout",
          "max_concurrency",
          "retry",
          "template_paths",
          "max_child_depth",
          "keep_sources",
          "retention",
          "suppressions");
  static final List<String> RETRY_KEYS =
      List.of("max_attempts", "initial_interval", "backoff_coefficient", "maximum_interval");
  static final List<String> ARTIFACT_KEYS =
      List.of(
          "name",
          "description",
          "contact",
          "source",
          "inputs",
          "process",
          "reuse",
          "child_runbook",
          "output",
          "optional",
          "output_schema",
          "timeout",
          "retry",
          "partition");
  static final List<String> PARTITION_KEYS = List.of("max_bytes", "max_items", "by");
  static final List<String> COMPONENT_KEYS = List.of("type", "properties");
  static final List<String> REUSE_KEYS = List.of("from_run", "artifact");
  static final List<String> CHILD_KEYS =
      List.of("path", "input_mapping", "output", "output_mapping");
  static final List<String> INPUT_KEYS =
      List.of("input_schema", "optional", "default", "description");
  static final List<String> OUTPUT_KEYS = List.of("artifact", "description");

  private static final int MAX_FILE_CODE_POINTS = 64 * 1024 * 1024;

  private RunbookParser() {}

  /** Parses {@code file}, throwing a {@link RunbookException} with every problem found. */
  public static Runbook parse(Path file) {
    return read(file).orThrow();
  }

  /** Parses {@code file}, named in problems as {@code file.toString()}. */
  public static ParseResult read(Path file) {
    String name = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return new ParseResult(null, List.of(Problem.ofFile(name, "file not found")));
    } catch (IOException e) {
      String reason = Files.isDirectory(file) ? "is a directory, not a runbook file" : e.toString();
      return new ParseResult(null, List.of(Problem.ofFile(name, "cannot read: " + reason)));
    }
    return read(name, text);
  }

  /** Parses runbook text; {@code file} names it in problems. */
  public static ParseResult read(String file, String text) {
    Node root;
    try (Reader reader = new StringReader(text)) {
      LoaderOptions options = new LoaderOptions();
      options.setCodePointLimit(MAX_FILE_CODE_POINTS);
      root = new Yaml(options).compose(reader);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
      if (e.getContext() != null && problem.startsWith("but ")) {
        problem = e.getContext() + ", " + problem;
      }
      String message = "invalid YAML: " + problem;
      return new ParseResult(
          null,
          List.of(
              mark == null
                  ? Problem.ofFile(file, message)
                  : new Problem(file, mark.getLine() + 1, mark.getColumn() + 1, "", message)));
    } catch (YAMLException | IOException e) {
      return new ParseResult(
          null, List.of(Problem.ofFile(file, "invalid YAML: " + e.getMessage())));
    }
    if (root == null) {
      return new ParseResult(null, List.of(Problem.ofFile(file, "the runbook is empty")));
    }
    if (!(root instanceof MappingNode)) {
      Location at = YamlReader.location(root);
      return new ParseResult(
          null,
          List.of(
              new Problem(
                  file,
                  at.line(),
                  at.column(),
                  "",
                  "a runbook is a mapping with name, description and artifacts, got "
                      + YamlReader.describe(root))));
    }
    YamlReader yaml = new YamlReader(file);
    yaml.record("", root);
    Runbook runbook = new Reading(yaml).runbook(root);
    List<Problem> problems = new ArrayList<>(yaml.problems());
    problems.sort(Problem.BY_PLACE);
    return new ParseResult(runbook, problems);
  }

  /** One pass over one file. */
  private static final class Reading {
    private final YamlReader yaml;

    Reading(YamlReader yaml) {
      this.yaml = yaml;
    }

    Runbook runbook(Node root) {
      Map<String, Node> top = yaml.fields(root, "", TOP_KEYS).orElse(Map.of());
      String name = requiredString(root, top, "", "name");
      String description = requiredString(root, top, "", "description");
      String contact = optionalString(top, "contact");
      String framework = optionalString(top, "framework");
      RunbookConfig config =
          top.containsKey("config") ? config(top.get("config")) : RunbookConfig.DEFAULT;
      Map<String, ChildInput> inputs =
          top.containsKey("inputs") ? childInputs(top.get("inputs")) : Map.of();
      Map<String, String> outputs =
          top.containsKey("outputs") ? childOutputs(top.get("outputs")) : Map.of();
      Map<String, ArtifactSpec> artifacts = new LinkedHashMap<>();
      if (!top.containsKey("artifacts")) {
        yaml.problem(root, "", "missing required key 'artifacts'");
      } else {
        yaml.entries(top.get("artifacts"), "artifacts")
            .ifPresent(
                entries -> {
                  if (entries.isEmpty()) {
                    yaml.problem(top.get("artifacts"), "artifacts", "declares no artifacts");
                  }
                  entries.forEach(
                      (id, node) -> artifact(id, node).ifPresent(a -> artifacts.put(id, a)));
                });
      }
      for (String input : inputs.keySet()) {
        if (artifacts.containsKey(input)) {
          yaml.problem(
              "inputs." + input,
              "input '" + input + "' has the same name as an artifact; rename one of them");
        }
      }
      return new Runbook(
          name == null ? "" : name,
          description == null ? "" : description,
          contact,
          framework,
          config,
          inputs,
          outputs,
          artifacts,
          yaml.sourceMap());
    }

    private String requiredString(Node parent, Map<String, Node> fields, String path, String key) {
      Node node = fields.get(key);
      if (node == null) {
        yaml.problem(parent, path, "missing required key '" + key + "'");
        return null;
      }
      return yaml.string(node, YamlReader.join(path, key)).orElse(null);
    }

    private String optionalString(Map<String, Node> fields, String path, String key) {
      Node node = fields.get(key);
      return node == null || isNull(node)
          ? null
          : yaml.string(node, YamlReader.join(path, key)).orElse(null);
    }

    private String optionalString(Map<String, Node> fields, String key) {
      return optionalString(fields, "", key);
    }

    private static boolean isNull(Node node) {
      return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    private RunbookConfig config(Node node) {
      Map<String, Node> fields = yaml.fields(node, "config", CONFIG_KEYS).orElse(Map.of());
      RunbookConfig defaults = RunbookConfig.DEFAULT;
      Duration timeout =
          read(fields, "timeout", n -> yaml.duration(n, "config.timeout"), defaults.timeout());
      int maxConcurrency =
          read(
              fields,
              "max_concurrency",
              n -> yaml.integer(n, "config.max_concurrency", 1),
              defaults.maxConcurrency());
      RetrySpec retry =
          fields.containsKey("retry")
              ? retry(fields.get("retry"), "config.retry")
              : RetrySpec.EMPTY;
      List<String> templatePaths =
          read(
              fields,
              "template_paths",
              n -> yaml.list(n, "config.template_paths", yaml::string),
              List.of());
      int maxChildDepth =
          read(
              fields,
              "max_child_depth",
              n -> yaml.integer(n, "config.max_child_depth", 0),
              defaults.maxChildDepth());
      boolean keepSources =
          read(
              fields,
              "keep_sources",
              n -> yaml.bool(n, "config.keep_sources"),
              defaults.keepSources());
      Duration retention =
          read(fields, "retention", n -> yaml.duration(n, "config.retention"), null);
      String suppressions = suppressions(fields.get("suppressions"));
      return new RunbookConfig(
          timeout,
          maxConcurrency,
          retry,
          templatePaths,
          maxChildDepth,
          keepSources,
          retention,
          suppressions);
    }

    /** {@code file:PATH}, the path relative to the runbook's folder; null when absent. */
    private String suppressions(Node node) {
      if (node == null || isNull(node)) {
        return null;
      }
      String value = yaml.string(node, "config.suppressions").orElse(null);
      if (value == null) {
        return null;
      }
      if (!value.startsWith("file:") || value.length() == "file:".length()) {
        yaml.problem(
            node,
            "config.suppressions",
            "expected 'file:PATH' (a YAML file of accepted findings, relative to the runbook),"
                + " got '"
                + value
                + "'");
        return null;
      }
      return value.substring("file:".length());
    }

    private <T> T read(
        Map<String, Node> fields,
        String key,
        java.util.function.Function<Node, Optional<T>> reader,
        T fallback) {
      Node node = fields.get(key);
      return node == null ? fallback : reader.apply(node).orElse(fallback);
    }

    private RetrySpec retry(Node node, String path) {
      Map<String, Node> fields = yaml.fields(node, path, RETRY_KEYS).orElse(Map.of());
      Integer maxAttempts =
          read(fields, "max_attempts", n -> yaml.integer(n, path + ".max_attempts", 1), null);
      Duration initial =
          read(fields, "initial_interval", n -> yaml.duration(n, path + ".initial_interval"), null);
      Double backoff =
          read(
              fields,
              "backoff_coefficient",
              n -> yaml.number(n, path + ".backoff_coefficient", 1.0),
              null);
      Duration maximum =
          read(fields, "maximum_interval", n -> yaml.duration(n, path + ".maximum_interval"), null);
      if (initial != null && maximum != null && maximum.compareTo(initial) < 0) {
        yaml.problem(
            path + ".maximum_interval", "maximum_interval is shorter than initial_interval");
      }
      return new RetrySpec(maxAttempts, initial, backoff, maximum);
    }

    private Map<String, ChildInput> childInputs(Node node) {
      Map<String, ChildInput> inputs = new LinkedHashMap<>();
      yaml.entries(node, "inputs")
          .ifPresent(
              entries ->
                  entries.forEach(
                      (name, value) -> {
                        String path = "inputs." + name;
                        checkId(name, path, "input name");
                        Map<String, Node> fields =
                            yaml.fields(value, path, INPUT_KEYS).orElse(null);
                        if (fields == null) {
                          return;
                        }
                        SchemaRef schema = null;
                        if (!fields.containsKey("input_schema")) {
                          yaml.problem(value, path, "missing required key 'input_schema'");
                        } else {
                          schema = schemaRef(fields.get("input_schema"), path + ".input_schema");
                        }
                        boolean optional =
                            read(fields, "optional", n -> yaml.bool(n, path + ".optional"), false);
                        JsonNode defaultValue =
                            fields.containsKey("default")
                                ? yaml.json(fields.get("default"), path + ".default")
                                : null;
                        String description = optionalString(fields, path, "description");
                        if (schema != null) {
                          inputs.put(
                              name, new ChildInput(schema, optional, defaultValue, description));
                        }
                      }));
      return inputs;
    }

    private Map<String, String> childOutputs(Node node) {
      Map<String, String> outputs = new LinkedHashMap<>();
      yaml.entries(node, "outputs")
          .ifPresent(
              entries ->
                  entries.forEach(
                      (name, value) -> {
                        String path = "outputs." + name;
                        Map<String, Node> fields =
                            yaml.fields(value, path, OUTPUT_KEYS).orElse(null);
                        if (fields == null) {
                          return;
                        }
                        optionalString(fields, path, "description");
                        if (!fields.containsKey("artifact")) {
                          yaml.problem(value, path, "missing required key 'artifact'");
                          return;
                        }
                        yaml.string(fields.get("artifact"), path + ".artifact")
                            .ifPresent(artifact -> outputs.put(name, artifact));
                      }));
      return outputs;
    }

    private void checkId(String id, String path, String what) {
      if (!ID.matcher(id).matches()) {
        yaml.problem(
            path,
            "invalid "
                + what
                + " '"
                + id
                + "': use lower-case letters, digits, '_', '.' and '-', starting with a letter or"
                + " digit");
      }
    }

    private Optional<ArtifactSpec> artifact(String id, Node node) {
      String path = "artifacts." + id;
      checkId(id, path, "artifact id");
      Optional<Map<String, Node>> read = yaml.fields(node, path, ARTIFACT_KEYS);
      if (read.isEmpty()) {
        return Optional.empty();
      }
      Map<String, Node> f = read.get();
      ComponentSpec source =
          f.containsKey("source") ? component(f.get("source"), path + ".source") : null;
      List<String> inputs =
          f.containsKey("inputs") ? references(f.get("inputs"), path + ".inputs") : List.of();
      ComponentSpec process =
          f.containsKey("process") ? component(f.get("process"), path + ".process") : null;
      ReuseSpec reuse = f.containsKey("reuse") ? reuse(f.get("reuse"), path + ".reuse") : null;
      ChildRunbookSpec child =
          f.containsKey("child_runbook")
              ? childRunbook(f.get("child_runbook"), path + ".child_runbook")
              : null;

      List<String> producers = new ArrayList<>();
      for (String key : List.of("source", "inputs", "reuse")) {
        if (f.containsKey(key)) {
          producers.add(key);
        }
      }
      if (producers.isEmpty()) {
        yaml.problem(node, path, "needs exactly one of 'source', 'inputs' or 'reuse', found none");
      } else if (producers.size() > 1) {
        yaml.problem(
            node,
            path,
            "needs exactly one of 'source', 'inputs' or 'reuse', found "
                + String.join(" and ", producers));
      }
      if (f.containsKey("process") && !f.containsKey("inputs")) {
        yaml.problem(path + ".process", "'process' needs 'inputs' to process");
      }
      if (f.containsKey("child_runbook")) {
        if (!f.containsKey("inputs")) {
          yaml.problem(path + ".child_runbook", "'child_runbook' needs 'inputs'");
        }
        if (f.containsKey("process")) {
          yaml.problem(path + ".process", "'child_runbook' and 'process' exclude each other");
        }
      }

      SchemaRef outputSchema =
          f.containsKey("output_schema")
              ? schemaRef(f.get("output_schema"), path + ".output_schema")
              : null;
      Duration timeout =
          read(f, "timeout", n -> yaml.duration(n, path + ".timeout"), (Duration) null);
      RetrySpec retry = f.containsKey("retry") ? retry(f.get("retry"), path + ".retry") : null;
      PartitionSpec partition =
          f.containsKey("partition") ? partition(f.get("partition"), path + ".partition") : null;
      if (partition != null && !f.containsKey("source")) {
        yaml.problem(path + ".partition", "only a 'source' artifact can be partitioned");
      }
      return Optional.of(
          new ArtifactSpec(
              id,
              optionalString(f, path, "name"),
              optionalString(f, path, "description"),
              optionalString(f, path, "contact"),
              source,
              inputs,
              process,
              reuse,
              child,
              read(f, "output", n -> yaml.bool(n, path + ".output"), false),
              read(f, "optional", n -> yaml.bool(n, path + ".optional"), false),
              outputSchema,
              timeout,
              retry,
              partition));
    }

    /** {@code {max_bytes: 64MiB, max_items: 1000}}, {@code {by: table}} or {@code {by: rows}}. */
    private PartitionSpec partition(Node node, String path) {
      Map<String, Node> f = yaml.fields(node, path, PARTITION_KEYS).orElse(null);
      if (f == null) {
        return null;
      }
      long maxBytes = read(f, "max_bytes", n -> yaml.bytes(n, path + ".max_bytes"), 0L);
      int maxItems = read(f, "max_items", n -> yaml.integer(n, path + ".max_items", 1), 0);
      String by = read(f, "by", n -> yaml.string(n, path + ".by"), (String) null);
      if (by != null && !PartitionSpec.BY_TABLE.equals(by) && !PartitionSpec.BY_ROWS.equals(by)) {
        yaml.problem(path + ".by", "expected 'table' or 'rows', got '" + by + "'");
        return null;
      }
      if (by != null && f.containsKey("max_bytes")) {
        yaml.problem(
            path + ".max_bytes",
            "'by: " + by + "' cuts by " + by + ", not by size: drop max_bytes");
        return null;
      }
      if (f.isEmpty()) {
        yaml.problem(
            node,
            path,
            "needs 'max_bytes', 'max_items', 'by: table' or 'by: rows' (e.g. {max_bytes: 64MiB})");
        return null;
      }
      return new PartitionSpec(maxBytes, maxItems, by);
    }

    /** {@code inputs: id} or {@code inputs: [ids]}. */
    private List<String> references(Node node, String path) {
      if (node instanceof ScalarNode) {
        return yaml.string(node, path).map(List::of).orElse(List.of());
      }
      List<String> ids = yaml.list(node, path, yaml::string).orElse(List.of());
      if (ids.isEmpty() && node instanceof SequenceNode s && s.getValue().isEmpty()) {
        yaml.problem(node, path, "must name at least one artifact");
      }
      List<String> seen = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        if (seen.contains(ids.get(i))) {
          yaml.problem(path + "[" + i + "]", "'" + ids.get(i) + "' is listed twice");
        }
        seen.add(ids.get(i));
      }
      return ids;
    }

    private ComponentSpec component(Node node, String path) {
      Map<String, Node> fields = yaml.fields(node, path, COMPONENT_KEYS).orElse(null);
      if (fields == null) {
        return null;
      }
      ObjectNode read = null;
      Node propertiesNode = fields.get("properties");
      if (propertiesNode != null && !isNull(propertiesNode)) {
        JsonNode json = yaml.json(propertiesNode, path + ".properties");
        if (json instanceof ObjectNode object) {
          read = object;
        } else {
          yaml.problem(
              propertiesNode,
              path + ".properties",
              "expected a mapping, got " + YamlReader.describe(propertiesNode));
        }
      }
      if (!fields.containsKey("type")) {
        yaml.problem(node, path, "missing required key 'type'");
        return null;
      }
      ObjectNode properties = read;
      return yaml.string(fields.get("type"), path + ".type")
          .map(type -> new ComponentSpec(type, properties))
          .orElse(null);
    }

    private ReuseSpec reuse(Node node, String path) {
      Map<String, Node> fields = yaml.fields(node, path, REUSE_KEYS).orElse(null);
      if (fields == null) {
        return null;
      }
      String fromRun = requiredString(node, fields, path, "from_run");
      String artifact = requiredString(node, fields, path, "artifact");
      return fromRun == null || artifact == null ? null : new ReuseSpec(fromRun, artifact);
    }

    private ChildRunbookSpec childRunbook(Node node, String path) {
      Map<String, Node> fields = yaml.fields(node, path, CHILD_KEYS).orElse(null);
      if (fields == null) {
        return null;
      }
      String childPath = requiredString(node, fields, path, "path");
      Map<String, String> inputMapping =
          fields.containsKey("input_mapping")
              ? stringMap(fields.get("input_mapping"), path + ".input_mapping")
              : Map.of();
      String output = optionalString(fields, path, "output");
      Map<String, String> outputMapping =
          fields.containsKey("output_mapping")
              ? stringMap(fields.get("output_mapping"), path + ".output_mapping")
              : Map.of();
      outputMapping.forEach(
          (childOutput, alias) -> checkId(alias, path + ".output_mapping." + childOutput, "alias"));
      boolean hasOutput = fields.containsKey("output");
      boolean hasMapping = fields.containsKey("output_mapping");
      if (hasOutput == hasMapping) {
        yaml.problem(
            node,
            path,
            hasOutput
                ? "'output' and 'output_mapping' exclude each other"
                : "needs 'output' or 'output_mapping'");
      } else if (hasMapping && outputMapping.isEmpty()) {
        yaml.problem(path + ".output_mapping", "must map at least one output");
      }
      return childPath == null
          ? null
          : new ChildRunbookSpec(childPath, inputMapping, output, outputMapping);
    }

    private Map<String, String> stringMap(Node node, String path) {
      Map<String, String> result = new LinkedHashMap<>();
      yaml.entries(node, path)
          .ifPresent(
              entries ->
                  entries.forEach(
                      (key, value) ->
                          yaml.string(value, YamlReader.join(path, key))
                              .ifPresent(text -> result.put(key, text))));
      return result;
    }

    private SchemaRef schemaRef(Node node, String path) {
      return yaml.string(node, path)
          .flatMap(
              text -> {
                try {
                  return Optional.of(SchemaRef.parse(text));
                } catch (IllegalArgumentException e) {
                  yaml.problem(node, path, e.getMessage() + " (expected name or name/1.0.0)");
                  return Optional.empty();
                }
              })
          .orElse(null);
    }
  }
}
