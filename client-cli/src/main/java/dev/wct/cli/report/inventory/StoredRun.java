package dev.wct.cli.report.inventory;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactState;
import dev.wct.spi.error.WctException;
import dev.wct.store.ArtifactStore;
import dev.wct.store.StoreNames;
import dev.wct.store.runs.RunLiveness;
import dev.wct.store.runs.RunRecord;
import dev.wct.store.runs.RunRecords;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the store remembers of one run: its record, its artifact records and, when the run was
 * started by {@code wct run}, its plan.
 *
 * @param run the run record
 * @param artifacts the artifact records, in plan order when the plan is known, else by id
 * @param plan the plan the run executed; null when the store does not hold it
 * @param plannedById the plan's artifacts by id, so reports look each up once, not by a scan
 */
public record StoredRun(
    RunRecord run,
    List<ArtifactOutcome> artifacts,
    ExecutionPlan plan,
    Map<String, PlannedArtifact> plannedById) {
  public StoredRun {
    Objects.requireNonNull(run, "run");
    artifacts = List.copyOf(Objects.requireNonNull(artifacts, "artifacts"));
    plannedById = Collections.unmodifiableMap(new LinkedHashMap<>(plannedById));
  }

  public StoredRun(RunRecord run, List<ArtifactOutcome> artifacts, ExecutionPlan plan) {
    this(run, artifacts, plan, plan == null ? Map.of() : plan.artifactsById());
  }

  /**
   * Loads a run.
   *
   * @throws WctException (user error) when the store has no such run
   */
  public static StoredRun load(ArtifactStore store, String runId, String storeName) {
    checkName(() -> StoreNames.runId(runId));
    RunRecords records = new RunRecords(store);
    RunRecord run =
        records
            .run(runId)
            .map(new RunLiveness(records)::shown)
            .orElseThrow(
                () ->
                    WctException.user(
                        "no run '"
                            + runId
                            + "' in store "
                            + storeName
                            + " ('wct runs' lists them)"));
    ExecutionPlan plan = readPlan(records, runId).orElse(null);
    List<ArtifactOutcome> artifacts =
        plan != null ? records.artifacts(runId, plan) : records.artifacts(runId);
    return new StoredRun(run, artifacts, plan);
  }

  /** Turns the store's refusal of an unsafe run ID or artifact id into a one-line user error. */
  public static void checkName(Runnable check) {
    try {
      check.run();
    } catch (IllegalArgumentException unsafe) {
      throw WctException.user(unsafe.getMessage());
    }
  }

  private static Optional<ExecutionPlan> readPlan(RunRecords records, String runId) {
    try {
      return records.plan(runId);
    } catch (UncheckedIOException unreadable) {
      // An unreadable plan only costs the report its descriptions and output flags.
      return Optional.empty();
    }
  }

  public Optional<ExecutionPlan> planIfKnown() {
    return Optional.ofNullable(plan);
  }

  public Optional<ArtifactOutcome> artifact(String artifactId) {
    return artifacts.stream().filter(a -> a.id().equals(artifactId)).findFirst();
  }

  public Optional<PlannedArtifact> planned(String artifactId) {
    return Optional.ofNullable(plannedById.get(artifactId));
  }

  /** The runbook's description, when the plan is known. */
  public Optional<String> description() {
    return planIfKnown().map(p -> p.runbook().description());
  }

  /**
   * Whether an artifact belongs in the exported results: {@code output: true} in the plan or, when
   * the plan is unknown, any produced findings.
   */
  public boolean isOutput(ArtifactOutcome artifact, Presentations presentations) {
    if (plan != null) {
      return planned(artifact.id()).map(PlannedArtifact::output).orElse(false);
    }
    return artifact.output() != null && presentations.isFindings(artifact.output().schema());
  }

  /** How many artifacts are in each state, every state listed. */
  public Map<ArtifactState, Integer> countsByState() {
    Map<ArtifactState, Integer> counts = new EnumMap<>(ArtifactState.class);
    for (ArtifactState state : ArtifactState.values()) {
      counts.put(state, 0);
    }
    artifacts.forEach(a -> counts.merge(a.state(), 1, Integer::sum));
    return counts;
  }

  public int count(ArtifactState state) {
    return countsByState().get(state);
  }

  /** Milliseconds from start to end, or null while running. */
  public Long durationMillis() {
    return run.endedAt() == null
        ? null
        : run.endedAt().toEpochMilli() - run.startedAt().toEpochMilli();
  }
}
