package dev.wct.engine.retry;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.run.RunStatus;
import dev.wct.spi.error.WctException;
import dev.wct.store.ArtifactStore;
import dev.wct.store.StoredArtifact;
import dev.wct.store.runs.RunLiveness;
import dev.wct.store.runs.RunRecord;
import dev.wct.store.runs.RunRecords;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a retry of a run does with each artifact of the run's recorded plan (never the runbook as it
 * reads today): reuse what succeeded and is still stored with its checksum, produce again what
 * failed, was skipped or never finished, and everything downstream of those. A succeeded raw source
 * whose content was deleted at the end of the run is reused as deleted unless an artifact produced
 * again reads it; then it is produced again too.
 *
 * @param retried the run retried
 * @param plan its recorded plan
 * @param reused the retried run's outcomes of the artifacts reused, in plan order
 * @param deletedSources the reused raw sources whose content was deleted at the end of the run
 * @param produced the artifacts produced again, in plan order
 */
public record RetryPlan(
    RunRecord retried,
    ExecutionPlan plan,
    List<ArtifactOutcome> reused,
    Set<String> deletedSources,
    Set<String> produced) {

  /**
   * Decides what to reuse.
   *
   * @throws WctException USER when the run is unknown, still running, has no recorded plan or has
   *     nothing to retry
   */
  public static RetryPlan of(ArtifactStore store, String runId) {
    RunRecords records = new RunRecords(store);
    RunRecord run =
        records
            .run(runId)
            .map(new RunLiveness(records)::shown)
            .orElseThrow(() -> WctException.user("no run '" + runId + "' in the store"));
    if (run.status() == RunStatus.RUNNING) {
      throw WctException.user(
          "run '" + runId + "' is still running: wait for it to end, or cancel it, then retry");
    }
    ExecutionPlan plan = recordedPlan(records, runId);
    Map<String, ArtifactOutcome> outcomes = new LinkedHashMap<>();
    records.artifacts(runId).forEach(outcome -> outcomes.put(outcome.id(), outcome));

    Set<String> produced = new LinkedHashSet<>();
    Set<String> deleted = new LinkedHashSet<>();
    for (PlannedArtifact artifact : plan.artifacts()) {
      ArtifactOutcome outcome = outcomes.get(artifact.id());
      if (outcome == null
          || outcome.state() != ArtifactState.SUCCEEDED
          || outcome.output() == null) {
        produced.add(artifact.id());
      } else if (records.sourceDeleted(runId, artifact.id())) {
        deleted.add(artifact.id());
      } else if (!storedIntact(store, outcome) || !coverageReadable(records, runId, outcome)) {
        produced.add(artifact.id());
      }
    }
    if (produced.isEmpty()) {
      throw WctException.user("run '" + runId + "' has nothing to retry: every artifact succeeded");
    }
    closeOver(plan, produced, deleted);

    List<ArtifactOutcome> reused =
        plan.artifacts().stream()
            .map(PlannedArtifact::id)
            .filter(id -> !produced.contains(id))
            .map(outcomes::get)
            .toList();
    deleted.removeAll(produced);
    Set<String> inOrder = new LinkedHashSet<>();
    plan.artifacts().stream()
        .map(PlannedArtifact::id)
        .filter(produced::contains)
        .forEach(inOrder::add);
    return new RetryPlan(
        run,
        plan,
        reused,
        Collections.unmodifiableSet(deleted),
        Collections.unmodifiableSet(inOrder));
  }

  /**
   * Adds to {@code produced} everything downstream of it, and the deleted sources it reads, until
   * nothing changes. The plan lists inputs before the artifacts that read them.
   */
  private static void closeOver(ExecutionPlan plan, Set<String> produced, Set<String> deleted) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (PlannedArtifact artifact : plan.artifacts()) {
        if (!produced.contains(artifact.id())
            && artifact.inputs().stream().anyMatch(produced::contains)) {
          produced.add(artifact.id());
          changed = true;
        }
        if (produced.contains(artifact.id())) {
          for (String input : artifact.inputs()) {
            if (deleted.contains(input) && produced.add(input)) {
              changed = true;
            }
          }
        }
      }
    }
  }

  /**
   * A coverage record torn by a crash (a store that syncs per run) cannot be copied with its
   * artifact: the artifact is produced again.
   */
  private static boolean coverageReadable(
      RunRecords records, String runId, ArtifactOutcome outcome) {
    try {
      records.coverage(runId, outcome.id());
      return true;
    } catch (UncheckedIOException torn) {
      return false;
    }
  }

  private static boolean storedIntact(ArtifactStore store, ArtifactOutcome outcome) {
    Optional<StoredArtifact> stored =
        store.stat(outcome.output().runId(), outcome.output().artifactId());
    return stored.isPresent() && stored.get().sha256().equals(outcome.output().sha256());
  }

  private static ExecutionPlan recordedPlan(RunRecords records, String runId) {
    Optional<ExecutionPlan> plan;
    try {
      plan = records.plan(runId);
    } catch (UncheckedIOException unreadable) {
      throw WctException.user(
          "run '"
              + runId
              + "' cannot be retried: its recorded plan is unreadable ("
              + unreadable.getMessage()
              + ")");
    }
    return plan.orElseThrow(
        () ->
            WctException.user(
                "run '"
                    + runId
                    + "' cannot be retried: the store holds no plan for it (_system/plan.json);"
                    + " start it again with wct run RUNBOOK"));
  }
}
