package dev.wct.workflows.run;

import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.run.RunStatus;
import io.temporal.common.SearchAttributeKey;
import io.temporal.workflow.Workflow;
import java.util.List;

/**
 * What the Temporal UI and visibility queries see of a run as it moves: {@code WctStatus} (the
 * status label, e.g. {@code running}, {@code failed}) and, once it ends, {@code WctFailedArtifacts}
 * and the current details, a Markdown table headed by the status. The upserts only happen when the
 * starter said the server has the attributes ({@link RunRequest#statusAttributes()}) and the
 * history has the {@value #UPSERT_STATUS} change.
 */
final class RunVisibility {
  /** The change that made the workflow upsert its status; older histories lack it. */
  static final String UPSERT_STATUS = "upsert-status";

  static final SearchAttributeKey<String> STATUS = SearchAttributeKey.forKeyword("WctStatus");
  static final SearchAttributeKey<Long> FAILED_ARTIFACTS =
      SearchAttributeKey.forLong("WctFailedArtifacts");

  private final boolean upsert;

  private RunVisibility(boolean upsert) {
    this.upsert = upsert;
  }

  /** Decides once, at the start of the run, whether this run upserts, and says it is running. */
  static RunVisibility start(RunRequest request) {
    boolean upsert =
        request.statusAttributes()
            && Workflow.getVersion(UPSERT_STATUS, Workflow.DEFAULT_VERSION, 1) >= 1;
    RunVisibility visibility = new RunVisibility(upsert);
    if (upsert) {
      Workflow.upsertTypedSearchAttributes(STATUS.valueSet(RunStatus.RUNNING.label()));
    }
    return visibility;
  }

  /** The final status and count of failed artifacts, before the workflow closes. */
  void finished(RunStatus status, List<ArtifactOutcome> outcomes) {
    if (!upsert) {
      return;
    }
    long failed = outcomes.stream().filter(o -> o.state() == ArtifactState.FAILED).count();
    Workflow.upsertTypedSearchAttributes(
        STATUS.valueSet(status.label()), FAILED_ARTIFACTS.valueSet(failed));
  }

  /** The details table, headed by the status when this run upserts it (older runs: the table). */
  String details(RunStatus status, List<ArtifactOutcome> outcomes) {
    String table = RunOutcomeText.details(outcomes);
    return upsert ? "**" + status.label() + "**\n\n" + table : table;
  }
}
