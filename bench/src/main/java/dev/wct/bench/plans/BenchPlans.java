package dev.wct.bench.plans;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.bench.components.BenchComponents;
import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.plan.PlanLimits;
import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.plan.Producer;
import dev.wct.core.plan.RetrySettings;
import dev.wct.core.plan.RunSettings;
import dev.wct.core.plan.RunbookInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Execution plans built directly (no runbook, no planner) from benchmark components: artifacts in
 * topological order, levels and the longest chain computed as the planner would.
 */
public final class BenchPlans {
  private static final Duration RUN_TIMEOUT = Duration.ofHours(1);
  private static final Duration PRODUCER_TIMEOUT = Duration.ofMinutes(10);

  private BenchPlans() {}

  /** {@code count} independent no-op sources, all allowed in flight at once. */
  public static ExecutionPlan parallel(int count) {
    List<PlannedArtifact> artifacts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      artifacts.add(source(id(i), BenchComponents.NO_OP, null));
    }
    return plan("parallel " + count, artifacts, count);
  }

  /**
   * A no-op source followed by {@code count - 1} no-op analysers, each reading the previous one.
   */
  public static ExecutionPlan chain(int count) {
    List<PlannedArtifact> artifacts = new ArrayList<>(count);
    artifacts.add(source(id(0), BenchComponents.NO_OP, null));
    for (int i = 1; i < count; i++) {
      artifacts.add(process(id(i), BenchComponents.NO_OP, null, List.of(id(i - 1))));
    }
    return plan("chain " + count, artifacts, count);
  }

  /** The DAG as sleeping components; every artifact may run as soon as its inputs are done. */
  public static ExecutionPlan of(SkewedDag dag) {
    List<PlannedArtifact> artifacts = new ArrayList<>(dag.nodes().size());
    for (SkewedDag.Node node : dag.nodes()) {
      ObjectNode sleep = BenchComponents.sleepFor(node.sleepMillis());
      artifacts.add(
          node.inputs().isEmpty()
              ? source(node.id(), BenchComponents.SLEEP, sleep)
              : process(node.id(), BenchComponents.SLEEP, sleep, node.inputs()));
    }
    return plan("skewed dag seed " + dag.seed(), artifacts, artifacts.size());
  }

  private static String id(int index) {
    return String.format("n%04d", index);
  }

  private static PlannedArtifact source(String id, String type, ObjectNode properties) {
    return artifact(id, new Producer.Source(type, properties), List.of());
  }

  private static PlannedArtifact process(
      String id, String type, ObjectNode properties, List<String> inputs) {
    return artifact(id, new Producer.Process(type, properties), inputs);
  }

  private static PlannedArtifact artifact(String id, Producer producer, List<String> inputs) {
    return new PlannedArtifact(
        id,
        null,
        null,
        producer,
        inputs,
        Collections.nCopies(inputs.size(), BenchComponents.SCHEMA),
        BenchComponents.SCHEMA,
        false,
        false,
        RetrySettings.DEFAULT,
        PRODUCER_TIMEOUT);
  }

  private static ExecutionPlan plan(
      String name, List<PlannedArtifact> artifacts, int maxConcurrency) {
    Map<String, Integer> depth = new LinkedHashMap<>();
    Map<String, String> deepestInput = new LinkedHashMap<>();
    List<List<String>> levels = new ArrayList<>();
    String deepest = null;
    for (PlannedArtifact artifact : artifacts) {
      int level = 0;
      for (String input : artifact.inputs()) {
        if (depth.get(input) + 1 > level) {
          level = depth.get(input) + 1;
          deepestInput.put(artifact.id(), input);
        }
      }
      depth.put(artifact.id(), level);
      while (levels.size() <= level) {
        levels.add(new ArrayList<>());
      }
      levels.get(level).add(artifact.id());
      if (deepest == null || level > depth.get(deepest)) {
        deepest = artifact.id();
      }
    }
    levels.forEach(Collections::sort);
    List<String> longestChain = new ArrayList<>();
    for (String at = deepest; at != null; at = deepestInput.get(at)) {
      longestChain.add(0, at);
    }
    return new ExecutionPlan(
        new RunbookInfo(name, "benchmark plan", null, null, null),
        new RunSettings(
            RUN_TIMEOUT,
            Math.min(maxConcurrency, PlanLimits.MAX_CONCURRENCY),
            RetrySettings.DEFAULT),
        artifacts,
        levels,
        longestChain,
        "bench-" + name.replace(' ', '-'));
  }
}
