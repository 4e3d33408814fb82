package dev.wct.workflows.run;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.workflows.records.RunFinished;
import dev.wct.workflows.records.RunRecordActivities;
import dev.wct.workflows.records.RunStarted;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the workflow recorded; serves a stored plan's artifacts if given one. */
public class FakeRecords implements RunRecordActivities {
  public final List<RunStarted> started = new CopyOnWriteArrayList<>();
  public final List<ArtifactOutcome> artifactBatches = new CopyOnWriteArrayList<>();
  public final List<RunFinished> finished = new CopyOnWriteArrayList<>();
  public final List<String> rawSourcesDeleted = new CopyOnWriteArrayList<>();

  /** The calls in the order they came, e.g. {@code deleteRawSources:r1}, {@code runFinished:r1}. */
  public final List<String> calls = new CopyOnWriteArrayList<>();

  private final ExecutionPlan storedPlan;

  public FakeRecords() {
    this(null);
  }

  public FakeRecords(ExecutionPlan storedPlan) {
    this.storedPlan = storedPlan;
  }

  @Override
  public void runStarted(RunStarted run) {
    started.add(run);
  }

  /** Plans the workflow stored itself (scheduled runs), by run ID. */
  public final java.util.Map<String, ExecutionPlan> savedPlans =
      new java.util.concurrent.ConcurrentHashMap<>();

  @Override
  public void savePlan(String runId, ExecutionPlan plan) {
    calls.add("savePlan:" + runId);
    savedPlans.put(runId, plan);
  }

  @Override
  public List<PlannedArtifact> planArtifacts(String runId, int from, int count) {
    List<PlannedArtifact> all = storedPlan.artifacts();
    return List.copyOf(all.subList(Math.min(from, all.size()), Math.min(from + count, all.size())));
  }

  /** What the launcher of a retry would have recorded as reused. */
  public final List<ArtifactOutcome> reused = new CopyOnWriteArrayList<>();

  @Override
  public List<ArtifactOutcome> reusedArtifacts(String runId, int from, int count) {
    return List.copyOf(
        reused.subList(Math.min(from, reused.size()), Math.min(from + count, reused.size())));
  }

  @Override
  public void artifactsFinished(String runId, List<ArtifactOutcome> outcomes) {
    artifactBatches.addAll(outcomes);
  }

  @Override
  public void runFinished(RunFinished run) {
    finished.add(run);
    calls.add("runFinished:" + run.run().runId());
  }

  @Override
  public void deleteRawSources(String runId) {
    rawSourcesDeleted.add(runId);
    calls.add("deleteRawSources:" + runId);
  }

  @Override
  public void endRun(RunFinished run) {
    deleteRawSources(run.run().runId());
    runFinished(run);
  }
}
