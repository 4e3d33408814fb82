package dev.wct.core.planner;

import dev.wct.spi.message.SchemaRef;
import dev.wct.core.plan.RetrySettings;
import dev.wct.core.runbook.ArtifactSpec;
import dev.wct.core.runbook.Problem;
import dev.wct.core.runbook.Runbook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An artifact of the flattened runbook while it is being planned. */
final class PlanNode {
  enum Kind {
    SOURCE,
    PROCESS,
    PASS_THROUGH,
    REUSE,
    /** Already reported as malformed: kept so that references to it are not reported again. */
    BROKEN
  }

  final String id;
  final ArtifactSpec spec;
  final Runbook origin;

  /** Where it is declared in {@link #origin}, e.g. {@code artifacts.pii}. */
  final String path;

  final Kind kind;

  /** Retry defaults in force where it is declared (run config, then child config). */
  final RetrySettings retryBase;

  /** Flattened ids of its inputs, in runbook order. */
  final List<String> inputs = new ArrayList<>();

  /** Where each input is named, same order. */
  final List<String> inputPaths = new ArrayList<>();

  /**
   * For inputs that are child-runbook inputs: the schema the child declares, by input id. The child
   * is checked against its declared contract; a parent artifact of another schema is reported once,
   * at the mapping.
   */
  final Map<String, SchemaRef> declaredInputSchemas = new HashMap<>();

  /** True for the alias artifacts of {@code output_mapping}. */
  final boolean alias;

  SchemaRef schema;

  PlanNode(
      String id,
      ArtifactSpec spec,
      Runbook origin,
      String path,
      Kind kind,
      RetrySettings retryBase,
      boolean alias) {
    this.id = id;
    this.spec = spec;
    this.origin = origin;
    this.path = path;
    this.kind = kind;
    this.retryBase = retryBase;
    this.alias = alias;
  }

  void addInput(String id, String path) {
    inputs.add(id);
    inputPaths.add(path);
  }

  Problem problem(String subPath, String message) {
    return origin.sourceMap().problem(subPath.isEmpty() ? path : path + "." + subPath, message);
  }
}
