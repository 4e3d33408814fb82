package dev.wct.testkit.plans;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.plan.Partitioning;
import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.plan.Producer;
import dev.wct.core.plan.RetrySettings;
import dev.wct.core.plan.RunSettings;
import dev.wct.core.plan.RunbookInfo;
import dev.wct.spi.message.SchemaRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds execution plans for tests; artifacts must be added inputs first. */
public final class PlanBuilder {
  public static final SchemaRef STANDARD_INPUT = SchemaRef.of("standard_input");
  public static final SchemaRef FINDINGS = SchemaRef.of("personal_data_indicator");

  /** Instant retries: tests assert attempts, not backoff. */
  public static final RetrySettings FAST_RETRY =
      new RetrySettings(3, Duration.ofMillis(10), 1.0, Duration.ofMillis(10));

  private final Map<String, PlannedArtifact> artifacts = new LinkedHashMap<>();
  private Duration timeout = Duration.ofHours(1);
  private int maxConcurrency = RunSettings.DEFAULT_MAX_CONCURRENCY;
  private boolean keepSources;
  private Duration retention;
  private RetrySettings retry = FAST_RETRY;
  private Duration producerTimeout = Duration.ofMinutes(10);

  public static PlanBuilder plan() {
    return new PlanBuilder();
  }

  public PlanBuilder timeout(Duration value) {
    timeout = value;
    return this;
  }

  /** Sets {@code config.keep_sources} and {@code config.retention}. */
  public PlanBuilder retention(boolean keepSourcesValue, Duration retentionValue) {
    keepSources = keepSourcesValue;
    retention = retentionValue;
    return this;
  }

  public PlanBuilder maxConcurrency(int value) {
    maxConcurrency = value;
    return this;
  }

  public PlanBuilder retry(RetrySettings value) {
    retry = value;
    return this;
  }

  public PlanBuilder source(String id) {
    return source(id, "test_source", null);
  }

  public PlanBuilder source(String id, String type, ObjectNode properties) {
    return add(id, new Producer.Source(type, properties), List.of(), STANDARD_INPUT, false);
  }

  public PlanBuilder analyser(String id, String... inputs) {
    return analyser(id, "test_analyser", null, inputs);
  }

  public PlanBuilder analyser(String id, String type, ObjectNode properties, String... inputs) {
    return add(id, new Producer.Process(type, properties), List.of(inputs), FINDINGS, false);
  }

  public PlanBuilder passThrough(String id, String... inputs) {
    SchemaRef schema = artifacts.get(inputs[0]).outputSchema();
    return add(id, new Producer.PassThrough(), List.of(inputs), schema, false);
  }

  public PlanBuilder reuse(String id, String fromRun, String artifact) {
    return add(id, new Producer.Reuse(fromRun, artifact), List.of(), STANDARD_INPUT, false);
  }

  /** Cuts an already added artifact as {@code partitioning} says. */
  public PlanBuilder partitioned(String id, Partitioning partitioning) {
    artifacts.put(id, artifacts.get(id).partitioned(partitioning));
    return this;
  }

  /** Marks an already added artifact optional. */
  public PlanBuilder optional(String id) {
    PlannedArtifact a = artifacts.get(id);
    artifacts.put(
        id,
        new PlannedArtifact(
            a.id(),
            a.name(),
            a.description(),
            a.producer(),
            a.inputs(),
            a.inputSchemas(),
            a.outputSchema(),
            a.output(),
            true,
            a.retry(),
            a.timeout()));
    return this;
  }

  private PlanBuilder add(
      String id, Producer producer, List<String> inputs, SchemaRef schema, boolean optional) {
    List<SchemaRef> inputSchemas = new ArrayList<>();
    for (String input : inputs) {
      PlannedArtifact upstream = artifacts.get(input);
      if (upstream == null) {
        throw new IllegalArgumentException("add '" + input + "' before '" + id + "'");
      }
      inputSchemas.add(upstream.outputSchema());
    }
    artifacts.put(
        id,
        new PlannedArtifact(
            id,
            null,
            null,
            producer,
            inputs,
            inputSchemas,
            schema,
            false,
            optional,
            retry,
            producerTimeout));
    return this;
  }

  public ExecutionPlan build() {
    Map<String, Integer> depth = new LinkedHashMap<>();
    List<List<String>> levels = new ArrayList<>();
    for (PlannedArtifact a : artifacts.values()) {
      int level = a.inputs().stream().mapToInt(i -> depth.get(i) + 1).max().orElse(0);
      depth.put(a.id(), level);
      while (levels.size() <= level) {
        levels.add(new ArrayList<>());
      }
      levels.get(level).add(a.id());
    }
    levels.forEach(l -> l.sort(null));
    return new ExecutionPlan(
        new RunbookInfo("test runbook", "built by PlanBuilder", null, null, "runbook.yaml"),
        new RunSettings(timeout, maxConcurrency, retry, keepSources, retention),
        List.copyOf(artifacts.values()),
        levels,
        List.of(),
        "plan-hash-" + artifacts.size());
  }
}
