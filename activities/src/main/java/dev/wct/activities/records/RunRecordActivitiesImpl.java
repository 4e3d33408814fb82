package dev.wct.activities.records;

import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.RunStatus;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.store.ArtifactStore;
import dev.wct.store.runs.RunRecord;
import dev.wct.store.runs.RunRecords;
import dev.wct.workflows.records.RunFinished;
import dev.wct.workflows.records.RunRecordActivities;
import dev.wct.workflows.records.RunStarted;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the workflow's run bookkeeping into the store's run records. Idempotent. */
public final class RunRecordActivitiesImpl implements RunRecordActivities {
  private static final Logger log = LoggerFactory.getLogger(RunRecordActivitiesImpl.class);

  private final RunRecords records;

  public RunRecordActivitiesImpl(ArtifactStore store) {
    this.records = new RunRecords(Objects.requireNonNull(store, "store"));
  }

  @Override
  public void runStarted(RunStarted run) {
    Instant startedAt =
        records
            .run(run.runId())
            .map(RunRecord::startedAt)
            .orElse(Instant.ofEpochMilli(run.startedAtMillis()));
    records.saveRun(running(run, startedAt));
    log.info("run {} started: {} artifacts", run.runId(), run.artifactCount());
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
  public void artifactsFinished(String runId, List<ArtifactOutcome> outcomes) {
    outcomes.forEach(outcome -> records.saveArtifact(runId, outcome));
  }

  @Override
  public void runFinished(RunFinished finished) {
    RunStarted run = finished.run();
    for (ArtifactOutcome outcome : finished.unsucceeded()) {
      records.saveArtifact(run.runId(), outcome);
    }
    RunRecord current =
        records
            .run(run.runId())
            .orElseGet(() -> running(run, Instant.ofEpochMilli(run.startedAtMillis())));
    records.saveRun(
        current.finished(
            Instant.ofEpochMilli(finished.endedAtMillis()), finished.status(), finished.error()));
    log.info(
        "run {} finished: {}, {} artifact(s) not produced",
        run.runId(),
        finished.status().label(),
        finished.unsucceeded().size());
  }

  private static RunRecord running(RunStarted run, Instant startedAt) {
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
        null);
  }
}
