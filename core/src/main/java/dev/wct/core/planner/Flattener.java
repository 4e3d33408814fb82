package dev.wct.core.planner;

import dev.wct.spi.message.SchemaRef;
import dev.wct.core.plan.RetrySettings;
import dev.wct.core.runbook.ArtifactSpec;
import dev.wct.core.runbook.ChildInput;
import dev.wct.core.runbook.ChildRunbookSpec;
import dev.wct.core.runbook.ParseResult;
import dev.wct.core.runbook.Problem;
import dev.wct.core.runbook.Runbook;
import dev.wct.core.runbook.RunbookParser;
import dev.wct.spi.text.Suggestions;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a runbook and its child runbooks into one flat set of artifacts. Child artifacts are
 * prefixed by the id of the parent artifact that uses them ({@code parent.child}); the parent
 * artifact becomes a pass-through of the child's output. References are resolved here, in the
 * namespace of the file that makes them, so that problems name the right file.
 */
final class Flattener {
  /**
   * The parent artifact mapped to a child input must have the input's schema.
   *
   * @param mappedAt where the mapping is written, in {@code runbook}
   */
  record SchemaExpectation(
      String artifactId, SchemaRef expected, Runbook runbook, String mappedAt) {
    Problem problem(String message) {
      return runbook.sourceMap().problem(mappedAt, message);
    }
  }

  /** A child runbook file on the current chain of nesting. */
  private record Frame(Path identity, String shown) {}

  private final List<Problem> problems;
  private final int maxDepth;
  private final List<Path> rootTemplateDirs;
  private final Map<String, PlanNode> nodes = new LinkedHashMap<>();
  private final List<SchemaExpectation> expectations = new ArrayList<>();
  private final Map<Path, ParseResult> parsedChildren = new HashMap<>();

  Flattener(List<Problem> problems, Runbook root, Path rootFile) {
    this.problems = problems;
    this.maxDepth = root.config().maxChildDepth();
    this.rootTemplateDirs = templateDirs(root, rootFile);
  }

  Map<String, PlanNode> nodes() {
    return nodes;
  }

  List<SchemaExpectation> expectations() {
    return expectations;
  }

  void addRoot(Runbook root, Path rootFile, RetrySettings retryBase) {
    List<Frame> chain = new ArrayList<>();
    chain.add(new Frame(identity(rootFile), root.file()));
    add(root, rootFile, "", Map.of(), retryBase, chain);
  }

  /**
   * @param bound child input name → flattened id of the parent artifact mapped to it
   */
  private void add(
      Runbook runbook,
      Path file,
      String prefix,
      Map<String, String> bound,
      RetrySettings retryBase,
      List<Frame> chain) {
    boolean child = chain.size() > 1;
    Map<String, String> names = namespace(runbook, prefix, bound, child);
    if (child) {
      checkOutputs(runbook);
    }
    for (ArtifactSpec spec : runbook.artifacts().values()) {
      String path = "artifacts." + spec.id();
      PlanNode.Kind kind = kindOf(spec);
      if (child && spec.isSource()) {
        problems.add(
            runbook
                .sourceMap()
                .problem(
                    path + ".source",
                    "a child runbook cannot contain source artifacts: map a parent artifact to one"
                        + " of its inputs instead"));
      }
      PlanNode node = new PlanNode(prefix + spec.id(), spec, runbook, path, kind, retryBase, false);
      if (spec.isDerived()) {
        resolveInputs(node, runbook, names, child);
        if (spec.childRunbook() != null) {
          // The child's artifacts read these inputs; this artifact passes the child's output on.
          node.inputs.clear();
          node.inputPaths.clear();
        }
      }
      put(node);
      if (spec.childRunbook() != null && spec.isDerived()) {
        addChild(node, runbook, file, retryBase, chain, names);
      }
    }
  }

  private static PlanNode.Kind kindOf(ArtifactSpec spec) {
    if (spec.isSource()) {
      return PlanNode.Kind.SOURCE;
    }
    if (spec.isReuse()) {
      return PlanNode.Kind.REUSE;
    }
    if (!spec.isDerived()) {
      return PlanNode.Kind.BROKEN;
    }
    if (spec.childRunbook() != null) {
      return PlanNode.Kind.PASS_THROUGH;
    }
    return spec.process() != null ? PlanNode.Kind.PROCESS : PlanNode.Kind.PASS_THROUGH;
  }

  /** Every name an artifact of this file may use in {@code inputs}: local name → flattened id. */
  private Map<String, String> namespace(
      Runbook runbook, String prefix, Map<String, String> bound, boolean child) {
    Map<String, String> names = new LinkedHashMap<>();
    runbook.artifacts().keySet().forEach(id -> names.put(id, prefix + id));
    for (ArtifactSpec spec : runbook.artifacts().values()) {
      if (spec.childRunbook() == null) {
        continue;
      }
      spec.childRunbook()
          .outputMapping()
          .forEach(
              (childOutput, alias) -> {
                if (names.containsKey(alias)) {
                  problems.add(
                      runbook
                          .sourceMap()
                          .problem(
                              "artifacts."
                                  + spec.id()
                                  + ".child_runbook.output_mapping."
                                  + childOutput,
                              "alias '" + alias + "' is already the id of another artifact"));
                } else {
                  names.put(alias, prefix + alias);
                }
              });
    }
    if (child) {
      runbook.inputs().keySet().forEach(input -> names.putIfAbsent(input, bound.get(input)));
    }
    return names;
  }

  private void resolveInputs(
      PlanNode node, Runbook runbook, Map<String, String> names, boolean child) {
    List<String> inputs = node.spec.inputs();
    boolean listed = runbook.sourceMap().has(node.path + ".inputs[0]");
    List<String> unmapped = new ArrayList<>();
    boolean unknown = false;
    for (int i = 0; i < inputs.size(); i++) {
      String reference = inputs.get(i);
      String inputPath = node.path + ".inputs" + (listed ? "[" + i + "]" : "");
      if (names.containsKey(reference)) {
        String target = names.get(reference);
        ChildInput declared = child ? runbook.inputs().get(reference) : null;
        if (target != null) {
          node.addInput(target, inputPath);
          if (declared != null && !runbook.artifacts().containsKey(reference)) {
            node.declaredInputSchemas.put(target, declared.inputSchema());
          }
        } else if (declared != null && declared.optional()) {
          unmapped.add(reference);
        }
        continue;
      }
      unknown = true;
      List<String> known = new ArrayList<>(names.keySet());
      String hint = Suggestions.hint(reference, known);
      problems.add(
          runbook
              .sourceMap()
              .problem(
                  inputPath,
                  "unknown artifact '"
                      + reference
                      + "'"
                      + (hint.isEmpty() && child && !runbook.inputs().isEmpty()
                          ? " (inputs of this child runbook: "
                              + String.join(", ", runbook.inputs().keySet())
                              + ")"
                          : hint)));
    }
    if (node.inputs.isEmpty() && !unmapped.isEmpty() && !unknown) {
      problems.add(
          runbook
              .sourceMap()
              .problem(
                  node.path + ".inputs",
                  "no inputs left: the optional inputs "
                      + unmapped
                      + " are not mapped by the parent runbook"));
    }
  }

  private void checkOutputs(Runbook child) {
    child
        .outputs()
        .forEach(
            (output, artifact) -> {
              if (!child.artifacts().containsKey(artifact)) {
                problems.add(
                    child
                        .sourceMap()
                        .problem(
                            "outputs." + output + ".artifact",
                            "unknown artifact '"
                                + artifact
                                + "'"
                                + Suggestions.hint(artifact, child.artifacts().keySet())));
              }
            });
  }

  private void addChild(
      PlanNode parent,
      Runbook runbook,
      Path file,
      RetrySettings retryBase,
      List<Frame> chain,
      Map<String, String> names) {
    ChildRunbookSpec spec = parent.spec.childRunbook();
    String specPath = parent.path + ".child_runbook";
    Optional<Path> found = locate(spec.path(), runbook, file, specPath + ".path");
    if (found.isEmpty()) {
      return;
    }
    Path childFile = found.get();
    Frame frame = new Frame(identity(childFile), childFile.toString());
    if (chain.stream().anyMatch(f -> f.identity().equals(frame.identity()))) {
      problems.add(
          runbook
              .sourceMap()
              .problem(
                  specPath + ".path", "circular child runbook reference: " + show(chain, frame)));
      return;
    }
    if (chain.size() > maxDepth) {
      problems.add(
          runbook
              .sourceMap()
              .problem(
                  specPath + ".path",
                  "child runbooks nest deeper than max_child_depth ("
                      + maxDepth
                      + "): "
                      + show(chain, frame)));
      return;
    }
    boolean firstVisit = !parsedChildren.containsKey(frame.identity());
    ParseResult parsed =
        parsedChildren.computeIfAbsent(frame.identity(), k -> RunbookParser.read(childFile));
    if (firstVisit) {
      problems.addAll(parsed.problems());
    }
    if (parsed.runbook() == null) {
      return;
    }
    Runbook child = parsed.runbook();
    Map<String, String> bound = bindInputs(parent, runbook, child, childFile, names);
    List<Frame> deeper = new ArrayList<>(chain);
    deeper.add(frame);
    add(child, childFile, parent.id + ".", bound, child.config().retry().over(retryBase), deeper);
    connectOutputs(parent, runbook, child, childFile);
  }

  private Map<String, String> bindInputs(
      PlanNode parent, Runbook runbook, Runbook child, Path childFile, Map<String, String> names) {
    ChildRunbookSpec spec = parent.spec.childRunbook();
    String mappingPath = parent.path + ".child_runbook.input_mapping";
    Map<String, String> bound = new LinkedHashMap<>();
    spec.inputMapping()
        .forEach(
            (input, artifact) -> {
              String at = mappingPath + "." + input;
              ChildInput declared = child.inputs().get(input);
              if (declared == null) {
                problems.add(
                    runbook
                        .sourceMap()
                        .problem(
                            at,
                            "child runbook "
                                + childFile
                                + " has no input '"
                                + input
                                + "'"
                                + hintOrList(input, child.inputs().keySet())));
                return;
              }
              if (!parent.spec.inputs().contains(artifact)) {
                problems.add(
                    runbook
                        .sourceMap()
                        .problem(
                            at,
                            "'"
                                + artifact
                                + "' is not among the inputs of '"
                                + parent.spec.id()
                                + "': "
                                + parent.spec.inputs()));
                return;
              }
              String target = names.get(artifact);
              if (target != null) {
                bound.put(input, target);
                expectations.add(
                    new SchemaExpectation(target, declared.inputSchema(), runbook, at));
              }
            });
    child
        .inputs()
        .forEach(
            (input, declared) -> {
              if (!declared.optional() && !spec.inputMapping().containsKey(input)) {
                problems.add(
                    runbook
                        .sourceMap()
                        .problem(
                            parent.path + ".child_runbook",
                            "required input '"
                                + input
                                + "' of child runbook "
                                + childFile
                                + " is not mapped in input_mapping"));
              }
            });
    return bound;
  }

  private void connectOutputs(PlanNode parent, Runbook runbook, Runbook child, Path childFile) {
    ChildRunbookSpec spec = parent.spec.childRunbook();
    String specPath = parent.path + ".child_runbook";
    if (spec.output() != null) {
      childOutput(spec.output(), child, childFile, runbook, specPath + ".output")
          .ifPresent(target -> parent.addInput(parent.id + "." + target, specPath + ".output"));
      return;
    }
    boolean first = true;
    for (Map.Entry<String, String> mapping : spec.outputMapping().entrySet()) {
      String at = specPath + ".output_mapping." + mapping.getKey();
      Optional<String> target = childOutput(mapping.getKey(), child, childFile, runbook, at);
      if (target.isEmpty()) {
        continue;
      }
      String targetId = parent.id + "." + target.get();
      if (first) {
        parent.addInput(targetId, at);
        first = false;
      }
      String aliasId =
          parent.id.substring(0, parent.id.length() - parent.spec.id().length())
              + mapping.getValue();
      if (!nodes.containsKey(aliasId)) {
        PlanNode alias =
            new PlanNode(
                aliasId,
                parent.spec,
                runbook,
                parent.path,
                PlanNode.Kind.PASS_THROUGH,
                parent.retryBase,
                true);
        alias.addInput(targetId, at);
        put(alias);
      }
    }
  }

  private Optional<String> childOutput(
      String output, Runbook child, Path childFile, Runbook runbook, String at) {
    String artifact = child.outputs().get(output);
    if (artifact == null) {
      problems.add(
          runbook
              .sourceMap()
              .problem(
                  at,
                  "child runbook "
                      + childFile
                      + " has no output '"
                      + output
                      + "'"
                      + hintOrList(output, child.outputs().keySet())));
      return Optional.empty();
    }
    return child.artifacts().containsKey(artifact) ? Optional.of(artifact) : Optional.empty();
  }

  private static String hintOrList(String word, Collection<String> declared) {
    String hint = Suggestions.hint(word, declared);
    if (!hint.isEmpty()) {
      return hint;
    }
    return declared.isEmpty()
        ? " (it declares none)"
        : " (declared: " + String.join(", ", declared) + ")";
  }

  private void put(PlanNode node) {
    PlanNode previous = nodes.putIfAbsent(node.id, node);
    if (previous != null) {
      problems.add(
          node.problem(
              "",
              "artifact id '"
                  + node.id
                  + "' is used twice once child runbooks are flattened (children's ids are"
                  + " prefixed with 'parent_id.'); rename one"));
    }
  }

  /** The child file: relative to the parent's folder first, then to each template path. */
  private Optional<Path> locate(String path, Runbook runbook, Path parentFile, String at) {
    Path relative;
    try {
      relative = Path.of(path);
    } catch (InvalidPathException e) {
      problems.add(runbook.sourceMap().problem(at, "invalid child runbook path '" + path + "'"));
      return Optional.empty();
    }
    boolean climbs = false;
    for (Path part : relative) {
      climbs |= part.toString().equals("..");
    }
    if (relative.isAbsolute() || path.startsWith("/") || path.startsWith("\\") || climbs) {
      problems.add(
          runbook
              .sourceMap()
              .problem(
                  at,
                  "unsafe child runbook path '"
                      + path
                      + "': absolute paths and '..' are refused; use config.template_paths for"
                      + " shared folders"));
      return Optional.empty();
    }
    List<Path> candidates = new ArrayList<>();
    candidates.add(folderOf(parentFile).resolve(relative).normalize());
    List<Path> dirs = new ArrayList<>(templateDirs(runbook, parentFile));
    dirs.addAll(rootTemplateDirs);
    dirs.forEach(dir -> candidates.add(dir.resolve(relative).normalize()));
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    problems.add(
        runbook
            .sourceMap()
            .problem(
                at,
                "child runbook '"
                    + path
                    + "' not found (looked in: "
                    + candidates.stream()
                        .map(Path::toString)
                        .distinct()
                        .collect(Collectors.joining(", "))
                    + ")"));
    return Optional.empty();
  }

  private static List<Path> templateDirs(Runbook runbook, Path file) {
    return runbook.config().templatePaths().stream()
        .map(dir -> folderOf(file).resolve(dir).normalize())
        .toList();
  }

  private static Path folderOf(Path file) {
    Path parent = file.getParent();
    return parent == null ? Path.of("") : parent;
  }

  private static Path identity(Path file) {
    return file.toAbsolutePath().normalize();
  }

  private static String show(List<Frame> chain, Frame next) {
    List<String> shown = new ArrayList<>();
    chain.forEach(f -> shown.add(f.shown()));
    shown.add(next.shown());
    return String.join(" -> ", shown);
  }
}
