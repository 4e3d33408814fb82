package dev.wct.activities.records;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.plan.PartitionIds;
import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.plan.RawSources;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.RunStatus;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.store.ArtifactStore;
import dev.wct.store.runs.RunRecord;
import dev.wct.store.runs.RunRecords;
import dev.wct.store.runs.SourceDeletion;
import dev.wct.workflows.records.RunFinished;
import dev.wct.workflows.records.RunRecordActivities;
import dev.wct.workflows.records.RunStarted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the workflow's run bookkeeping into the store's run records. Idempotent. */
public final class RunRecordActivitiesImpl implements RunRecordActivities {
  private static final Logger log = LoggerFactory.getLogger(RunRecordActivitiesImpl.class);

  private final ArtifactStore store;
  private final RunRecords records;

  public RunRecordActivitiesImpl(ArtifactStore store) {
    this.store = Objects.requireNonNull(store, "store");
    this.records = new RunRecords(store);
  }

  @Override
  public void runStarted(RunStarted run) {
    Optional<RunRecord> launched = records.run(run.runId());
    Instant startedAt =
        launched.map(RunRecord::startedAt).orElse(Instant.ofEpochMilli(run.startedAtMillis()));
    // A scheduled run has no launcher's record: its retention comes from the plan it stored.
    Duration retention =
        launched.isPresent()
            ? launched.get().retention()
            : records.plan(run.runId()).map(plan -> plan.settings().retention()).orElse(null);
    records.saveRun(
        running(run, startedAt, retention, launched.map(RunRecord::retryOf).orElse(null)));
    log.info("run {} started: {} artifacts", run.runId(), run.artifactCount());
  }

  @Override
  public void savePlan(String runId, ExecutionPlan plan) {
    records.savePlan(runId, plan);
  }

  @Override
  public List<PlannedArtifact> planArtifacts(String runId, int from, int count) {
    List<PlannedArtifact> all =
        records
            .plan(runId)
            .orElseThrow(
                () ->
                    new WctException(ErrorKind.INTERNAL, "run '" + runId + "' has no stored plan"))
            .artifacts();
    return List.copyOf(all.subList(Math.min(from, all.size()), Math.min(from + count, all.size())));
  }

  @Override
  public List<ArtifactOutcome> reusedArtifacts(String runId, int from, int count) {
    List<ArtifactOutcome> reused =
        records.artifacts(runId).stream().filter(ArtifactOutcome::reused).toList();
    return List.copyOf(
        reused.subList(Math.min(from, reused.size()), Math.min(from + count, reused.size())));
  }

  @Override
  public void artifactsFinished(String runId, List<ArtifactOutcome> outcomes) {
    outcomes.forEach(outcome -> records.saveArtifact(runId, outcome));
  }

  @Override
  public void runFinished(RunFinished finished) {
    RunStarted run = finished.run();
    for (ArtifactOutcome outcome : finished.unsucceeded()) {
      records.saveArtifact(run.runId(), outcome);
    }
    // a store that deferred its syncs makes the run durable before the record says it ended
    store.syncRun(run.runId());
    RunRecord current =
        records
            .run(run.runId())
            .orElseGet(() -> running(run, Instant.ofEpochMilli(run.startedAtMillis()), null, null));
    records.saveRun(
        current.finished(
            Instant.ofEpochMilli(finished.endedAtMillis()), finished.status(), finished.error()));
    log.info(
        "run {} finished: {}, {} artifact(s) not produced",
        run.runId(),
        finished.status().label(),
        finished.unsucceeded().size());
  }

  /**
   * Records the sources it is about to delete before deleting them: an attempt that dies halfway
   * leaves a record that a retry completes, never deleted content that no record mentions.
   */
  @Override
  public void deleteRawSources(String runId) {
    Optional<ExecutionPlan> plan = records.plan(runId);
    if (plan.isEmpty()) {
      log.warn("run {} has no stored plan: its raw sources were not deleted", runId);
      return;
    }
    if (plan.get().settings().keepSources()) {
      log.info("run {}: raw sources kept (config.keep_sources)", runId);
      return;
    }
    Optional<SourceDeletion> earlier = records.sourceDeletion(runId);
    Set<String> recorded = new TreeSet<>();
    earlier.ifPresent(d -> recorded.addAll(d.deletedSources()));
    NavigableSet<String> stored = new TreeSet<>(store.list(runId));
    Set<String> deleted = new TreeSet<>();
    for (String id : RawSources.of(plan.get())) {
      if (recorded.contains(id) || stored.contains(id) || reusedAsDeleted(runId, id)) {
        deleted.add(id);
      }
    }
    if (deleted.isEmpty()) {
      return;
    }
    if (!deleted.equals(recorded)) {
      Instant at = earlier.map(SourceDeletion::deletedAt).orElseGet(Instant::now);
      records.saveSourceDeletion(new SourceDeletion(runId, List.copyOf(deleted), at));
    }
    List<String> artifacts = new ArrayList<>();
    for (String id : deleted) {
      artifacts.add(id);
      // the partitions of a partitioned source are raw data too
      artifacts.addAll(PartitionIds.partitionsOf(stored, id));
    }
    store.deleteAll(runId, artifacts);
    log.info("run {}: deleted {} raw source artifact(s)", runId, deleted.size());
  }

  @Override
  public void endRun(RunFinished run) {
    deleteRawSources(run.run().runId());
    runFinished(run);
  }

  /** A raw source a retry reused from a run that had deleted it: deleted here too. */
  private boolean reusedAsDeleted(String runId, String artifactId) {
    return records.artifact(runId, artifactId).map(ArtifactOutcome::reused).orElse(false);
  }

  private static RunRecord running(
      RunStarted run, Instant startedAt, Duration retention, String retryOf) {
    return new RunRecord(
        run.runId(),
        run.workflowId(),
        run.runbookName(),
        run.runbookPath(),
        run.planHash(),
        run.artifactCount(),
        startedAt,
        null,
        RunStatus.RUNNING,
        null,
        retention,
        retryOf);
  }
}
