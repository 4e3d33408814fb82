package dev.wct.workflows.run;

import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactState;
import dev.wct.workflows.records.RunRecordActivities;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.Map;

/**
 * A retry's reused artifacts: they count as succeeded from the start, so their producers never run
 * and their dependants start on the copies. The launcher has copied their content into the run and
 * written their records; only claim checks reach the workflow.
 */
final class ReusedArtifacts {
  /** The change that lets a run start with artifacts reused from the run it retries. */
  static final String RETRY_REUSE = "retry-reuse";

  private ReusedArtifacts() {}

  /**
   * Marks each reused artifact succeeded, read from the request or, for many, from the run's
   * records; a run that reuses nothing records no version marker.
   */
  static void apply(
      RunRequest request, RunRecordActivities records, Map<String, ArtifactTracker> trackers) {
    if ((request.reused().isEmpty() && !request.reusedInStore())
        || Workflow.getVersion(RETRY_REUSE, Workflow.DEFAULT_VERSION, 1) < 1) {
      return;
    }
    List<ArtifactOutcome> reused =
        request.reusedInStore()
            ? Batches.loadAll(
                (from, count) -> records.reusedArtifacts(request.runId(), from, count))
            : request.reused();
    for (ArtifactOutcome outcome : reused) {
      ArtifactTracker tracker = trackers.get(outcome.id());
      if (tracker != null && outcome.state() == ArtifactState.SUCCEEDED && outcome.reused()) {
        tracker.reused(outcome);
      }
    }
  }
}
