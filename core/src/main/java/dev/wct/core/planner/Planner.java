package dev.wct.core.planner;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.plan.Partitioning;
import dev.wct.core.plan.PlanLimits;
import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.plan.Producer;
import dev.wct.core.plan.RetrySettings;
import dev.wct.core.plan.RunSettings;
import dev.wct.core.plan.RunbookInfo;
import dev.wct.core.runbook.ArtifactSpec;
import dev.wct.core.runbook.ComponentSpec;
import dev.wct.core.runbook.ParseResult;
import dev.wct.core.runbook.PartitionSpec;
import dev.wct.core.runbook.Problem;
import dev.wct.core.runbook.Runbook;
import dev.wct.core.runbook.RunbookException;
import dev.wct.core.runbook.RunbookParser;
import dev.wct.spi.Analyser;
import dev.wct.spi.Component;
import dev.wct.spi.ComponentCatalog;
import dev.wct.spi.Connector;
import dev.wct.spi.PartitionedConnector;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.SchemaRef;
import dev.wct.spi.text.Suggestions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a runbook file into an {@link ExecutionPlan}: parses it and its child runbooks, flattens
 * them, checks references, cycles, components, properties and schemas, and reports every problem at
 * once as a {@link RunbookException}. Thread-safe.
 */
public final class Planner {
  private final ComponentCatalog catalog;
  private final PropertiesCheck propertiesCheck = new PropertiesCheck();

  public Planner(ComponentCatalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  /**
   * Plans {@code runbook}.
   *
   * @throws RunbookException with every problem found, each with file, line and column
   */
  public ExecutionPlan plan(Path runbook) {
    ParseResult parsed = RunbookParser.read(runbook);
    if (parsed.runbook() == null) {
      throw new RunbookException(parsed.problems());
    }
    List<Problem> problems = new ArrayList<>(parsed.problems());
    ExecutionPlan plan = new Planning(parsed.runbook(), runbook, problems).plan();
    if (!problems.isEmpty()) {
      problems.sort(Problem.BY_PLACE);
      throw new RunbookException(problems.stream().distinct().toList());
    }
    return plan;
  }

  /** Plans {@code runbook} and, if it is valid, nothing else: for {@code wct validate}. */
  public List<Problem> validate(Path runbook) {
    try {
      plan(runbook);
      return List.of();
    } catch (RunbookException e) {
      return e.problems();
    }
  }

  /** The state of planning one runbook. */
  private final class Planning {
    private final Runbook root;
    private final Path rootFile;
    private final List<Problem> problems;
    private Map<String, PlanNode> nodes;

    Planning(Runbook root, Path rootFile, List<Problem> problems) {
      this.root = root;
      this.rootFile = rootFile;
      this.problems = problems;
    }

    ExecutionPlan plan() {
      checkRunSettings();
      RetrySettings runRetry = root.config().retry().over(RetrySettings.DEFAULT);
      Flattener flattener = new Flattener(problems, root, rootFile);
      flattener.addRoot(root, rootFile, runRetry);
      nodes = flattener.nodes();

      Map<String, List<String>> edges = new LinkedHashMap<>();
      nodes.values().forEach(node -> edges.put(node.id, knownInputs(node)));
      Dag dag = Dag.of(edges);
      for (List<String> cycle : dag.cycles()) {
        PlanNode first = nodes.get(cycle.get(0));
        problems.add(first.problem("inputs", "cycle: " + String.join(" -> ", cycle)));
      }
      List<String> order = dag.cycles().isEmpty() ? dag.order() : List.copyOf(nodes.keySet());
      for (String id : order) {
        checkComponent(nodes.get(id));
      }
      if (!dag.cycles().isEmpty()) {
        return null;
      }
      for (String id : order) {
        resolveSchema(nodes.get(id));
      }
      for (Flattener.SchemaExpectation expected : flattener.expectations()) {
        SchemaRef actual = nodes.get(expected.artifactId()).schema;
        if (actual != null && !actual.equals(expected.expected())) {
          problems.add(
              expected.problem(
                  "schema mismatch: '"
                      + expected.artifactId()
                      + "' produces "
                      + actual
                      + " but the child input expects "
                      + expected.expected()));
        }
      }
      if (!problems.isEmpty()) {
        return null;
      }
      return assemble(dag, runRetry);
    }

    private void checkRunSettings() {
      try {
        PlanLimits.concurrency("max_concurrency", root.config().maxConcurrency());
      } catch (IllegalArgumentException e) {
        problems.add(root.sourceMap().problem("config.max_concurrency", e.getMessage()));
      }
      if (!root.inputs().isEmpty()) {
        problems.add(
            root.sourceMap()
                .problem(
                    "inputs",
                    "declares inputs, so it is a child runbook: plan the runbook that uses it"));
      }
      if (!root.outputs().isEmpty()) {
        problems.add(
            root.sourceMap()
                .problem(
                    "outputs",
                    "declares outputs, so it is a child runbook: plan the runbook that uses it"));
      }
    }

    private List<String> knownInputs(PlanNode node) {
      return node.inputs.stream().filter(nodes::containsKey).toList();
    }

    private void checkComponent(PlanNode node) {
      if (node.alias) {
        return;
      }
      ArtifactSpec spec = node.spec;
      if (node.kind == PlanNode.Kind.SOURCE) {
        component(node, "source", spec.source(), catalog.connectors(), "connector")
            .ifPresent(connector -> checkPartition(node, connector));
      } else if (node.kind == PlanNode.Kind.PROCESS) {
        component(node, "process", spec.process(), catalog.analysers(), "analyser");
      }
    }

    /** A source's {@code partition} settings must name a cut its connector can make. */
    private void checkPartition(PlanNode node, Connector connector) {
      PartitionSpec partition = node.spec.partition();
      if (partition == null) {
        return;
      }
      PartitionedConnector.Cut cut =
          partition.byTable()
              ? PartitionedConnector.Cut.TABLE
              : partition.byRows() ? PartitionedConnector.Cut.ROWS : PartitionedConnector.Cut.SIZE;
      if (!(connector instanceof PartitionedConnector partitioned)
          || !partitioned.cuts().contains(cut)) {
        String can =
            catalog.connectors().values().stream()
                .filter(c -> c instanceof PartitionedConnector p && p.cuts().contains(cut))
                .map(Connector::type)
                .collect(Collectors.joining(", "));
        problems.add(
            node.problem(
                "partition",
                "connector '"
                    + connector.type()
                    + "' cannot partition "
                    + (partition.byTable()
                        ? "by table"
                        : partition.byRows() ? "by rows" : "by size")
                    + "; connectors that can: "
                    + (can.isEmpty() ? "none installed" : can)));
      }
    }

    /**
     * How each artifact is cut: sources as their runbook says; an item-by-item analyser of a single
     * partitioned input partition by partition, so it starts as soon as a partition exists (of a
     * cut by rows only if it merges a column's findings across partitions).
     */
    private Partitioning partitioning(PlanNode node, Map<String, Partitioning> cut) {
      ArtifactSpec spec = node.spec;
      if (node.kind == PlanNode.Kind.SOURCE && spec.partition() != null) {
        PartitionSpec p = spec.partition();
        if (p.byTable()) {
          return Partitioning.byTable(p.maxItems());
        }
        return p.byRows()
            ? Partitioning.byRows(p.maxItems())
            : Partitioning.bySize(p.maxBytes(), p.maxItems());
      }
      List<String> inputs = knownInputs(node);
      // A cut by rows splits a column over partitions: an analyser whose merge cannot put a
      // column's findings (counts, confidence) back together reads the whole input instead.
      if (node.kind == PlanNode.Kind.PROCESS
          && inputs.size() == 1
          && cut.containsKey(inputs.get(0))) {
        Analyser analyser = catalog.analysers().get(spec.process().type());
        if (analyser != null
            && analyser.perItem()
            && (!cut.get(inputs.get(0)).splitsLocations() || analyser.mergesSplitPlaces())) {
          return Partitioning.perPartitionOf(inputs.get(0));
        }
      }
      return null;
    }

    private <C extends Component> Optional<C> component(
        PlanNode node, String key, ComponentSpec spec, Map<String, C> known, String what) {
      C component = known.get(spec.type());
      if (component == null) {
        String hint = Suggestions.hint(spec.type(), known.keySet());
        problems.add(
            node.problem(
                key + ".type",
                "unknown "
                    + what
                    + " type '"
                    + spec.type()
                    + "'"
                    + hint
                    + "; known: "
                    + (known.isEmpty() ? "none installed" : String.join(", ", known.keySet()))));
        return Optional.empty();
      }
      for (PropertiesCheck.Violation violation :
          propertiesCheck.check(component, spec.properties())) {
        problems.add(node.problem(key + ".properties" + violation.subPath(), violation.message()));
      }
      return Optional.of(component);
    }

    private void resolveSchema(PlanNode node) {
      ArtifactSpec spec = node.spec;
      List<SchemaRef> inputs = inputSchemas(node);
      boolean inputsKnown = inputs.stream().allMatch(Objects::nonNull);
      switch (node.kind) {
        case SOURCE -> {
          Connector connector = catalog.connectors().get(spec.source().type());
          if (connector != null) {
            node.schema = produced(node, connector);
          }
        }
        case PROCESS -> {
          Analyser analyser = catalog.analysers().get(spec.process().type());
          if (analyser == null) {
            return;
          }
          if (inputsKnown && !analyser.accepts(inputs)) {
            problems.add(
                node.problem(
                    "inputs",
                    "analyser '"
                        + analyser.type()
                        + "' does not accept "
                        + describe(node, inputs)
                        + "; it accepts "
                        + analyser.acceptedInputs().stream()
                            .map(set -> set.stream().sorted().map(SchemaRef::toString).toList())
                            .map(Object::toString)
                            .collect(Collectors.joining(" or "))));
          }
          node.schema = produced(node, analyser);
        }
        case PASS_THROUGH -> {
          if (!inputsKnown || inputs.isEmpty()) {
            return;
          }
          if (inputs.stream().distinct().count() > 1) {
            problems.add(
                node.problem(
                    "inputs",
                    "pass-through fan-in of different schemas: "
                        + describe(node, inputs)
                        + "; add a 'process' step or split the artifact"));
            return;
          }
          node.schema = inputs.get(0);
          if (!node.alias
              && spec.outputSchema() != null
              && !spec.outputSchema().equals(node.schema)) {
            problems.add(
                node.problem(
                    "output_schema",
                    "a pass-through produces its inputs' schema "
                        + node.schema
                        + ", not "
                        + spec.outputSchema()));
          }
        }
        case REUSE -> node.schema = reusedSchema(node);
        case BROKEN -> {}
      }
    }

    private List<SchemaRef> inputSchemas(PlanNode node) {
      List<SchemaRef> schemas = new ArrayList<>();
      for (String input : knownInputs(node)) {
        SchemaRef declared = node.declaredInputSchemas.get(input);
        schemas.add(declared != null ? declared : nodes.get(input).schema);
      }
      return schemas;
    }

    private String describe(PlanNode node, List<SchemaRef> schemas) {
      List<String> inputs = knownInputs(node);
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        parts.add("'" + inputs.get(i) + "' (" + schemas.get(i) + ")");
      }
      return String.join(", ", parts);
    }

    private SchemaRef produced(PlanNode node, Component component) {
      List<SchemaRef> offered = component.outputSchemas();
      SchemaRef wanted = node.spec.outputSchema();
      if (wanted == null) {
        return offered.isEmpty() ? null : offered.get(0);
      }
      if (!offered.contains(wanted)) {
        problems.add(
            node.problem(
                "output_schema",
                "'"
                    + component.type()
                    + "' cannot produce "
                    + wanted
                    + "; it produces "
                    + offered.stream().map(SchemaRef::toString).collect(Collectors.joining(", "))));
        return null;
      }
      return wanted;
    }

    /**
     * A reused artifact's schema must be known now: {@code output_schema}, or the schema of the
     * artifact of the same id in this runbook when that is a source or process artifact.
     */
    private SchemaRef reusedSchema(PlanNode node) {
      if (node.spec.outputSchema() != null) {
        return node.spec.outputSchema();
      }
      String original = node.spec.reuse().artifact();
      PlanNode same = nodes.get(original);
      if (same != null && same != node && same.kind == PlanNode.Kind.SOURCE) {
        Connector connector = catalog.connectors().get(same.spec.source().type());
        return connector == null ? null : produced(same, connector);
      }
      if (same != null && same != node && same.kind == PlanNode.Kind.PROCESS) {
        Analyser analyser = catalog.analysers().get(same.spec.process().type());
        return analyser == null ? null : produced(same, analyser);
      }
      problems.add(
          node.problem(
              "reuse",
              "add 'output_schema': the schema of '"
                  + original
                  + "' from run '"
                  + node.spec.reuse().fromRun()
                  + "' cannot be known at plan time"));
      return null;
    }

    private ExecutionPlan assemble(Dag dag, RetrySettings runRetry) {
      RunSettings settings =
          new RunSettings(
              root.config().timeout(),
              root.config().maxConcurrency(),
              runRetry,
              root.config().keepSources(),
              root.config().retention());
      List<PlannedArtifact> artifacts = new ArrayList<>(dag.order().size());
      Map<String, Partitioning> cut = new LinkedHashMap<>();
      for (String id : dag.order()) {
        PlannedArtifact artifact = planned(nodes.get(id), settings);
        Partitioning partitioning = partitioning(nodes.get(id), cut);
        if (partitioning != null) {
          cut.put(id, partitioning);
          artifact = artifact.partitioned(partitioning);
        }
        artifacts.add(artifact);
      }
      RunbookInfo info =
          new RunbookInfo(
              root.name(),
              root.description(),
              root.contact(),
              root.framework(),
              rootFile.toString());
      ExecutionPlan unsigned =
          new ExecutionPlan(info, settings, artifacts, dag.levels(), dag.criticalPath(), null);
      byte[] canonical = json(unsigned);
      ExecutionPlan plan =
          new ExecutionPlan(
              info, settings, artifacts, dag.levels(), dag.criticalPath(), sha256(canonical));
      int[] artifactBytes = new int[artifacts.size()];
      for (int i = 0; i < artifactBytes.length; i++) {
        artifactBytes[i] = jsonBytes(artifacts.get(i));
      }
      String tooLarge = PlanLimits.planSizeProblem(json(plan).length, artifactBytes);
      if (tooLarge != null) {
        problems.add(root.sourceMap().problem("artifacts", tooLarge));
        return null;
      }
      return plan;
    }

    private PlannedArtifact planned(PlanNode node, RunSettings settings) {
      ArtifactSpec spec = node.spec;
      Producer producer =
          switch (node.kind) {
            case SOURCE -> new Producer.Source(spec.source().type(), spec.source().properties());
            case PROCESS ->
                new Producer.Process(spec.process().type(), spec.process().properties());
            case REUSE -> new Producer.Reuse(spec.reuse().fromRun(), spec.reuse().artifact());
            case PASS_THROUGH, BROKEN -> new Producer.PassThrough();
          };
      List<String> inputs = knownInputs(node);
      return new PlannedArtifact(
          node.id,
          node.alias ? null : spec.name(),
          node.alias ? null : spec.description(),
          producer,
          inputs,
          inputs.stream().map(id -> nodes.get(id).schema).toList(),
          node.schema,
          spec.output(),
          spec.optional(),
          spec.retry() == null ? node.retryBase : spec.retry().over(node.retryBase),
          spec.timeout() == null ? settings.timeout() : spec.timeout());
    }
  }

  private static int jsonBytes(PlannedArtifact artifact) {
    try {
      return Json.mapper().writeValueAsBytes(artifact).length;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a planned artifact could not be written as JSON", e);
    }
  }

  static byte[] json(ExecutionPlan plan) {
    try {
      return Json.mapper().writeValueAsString(plan).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an execution plan could not be written as JSON", e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
