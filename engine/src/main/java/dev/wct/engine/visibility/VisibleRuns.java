package dev.wct.engine.visibility;

import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.workflows.run.RunbookWorkflow;
import dev.wct.workflows.run.ScheduledRunIds;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;
import java.util.List;
import java.util.Locale;

/** Lists runs through one visibility query on the server ({@code ListWorkflowExecutions}). */
public final class VisibleRuns {
  static final SearchAttributeKey<String> RUNBOOK = SearchAttributeKey.forKeyword("WctRunbook");
  static final SearchAttributeKey<String> STATUS = SearchAttributeKey.forKeyword("WctStatus");
  static final SearchAttributeKey<String> SCHEDULE = SearchAttributeKey.forKeyword("WctSchedule");
  static final SearchAttributeKey<Long> FAILED = SearchAttributeKey.forLong("WctFailedArtifacts");

  private VisibleRuns() {}

  /**
   * At most {@code limit} runs matching {@code filter}, newest first.
   *
   * @throws WctException EXTERNAL when the server refuses the query (e.g. a server whose visibility
   *     store has no wct search attributes: {@code wct setup} registers them)
   */
  public static List<VisibleRun> list(WorkflowClient client, RunFilter filter, int limit) {
    try {
      return client.listExecutions(filter.query()).limit(limit).map(VisibleRuns::run).toList();
    } catch (StatusRuntimeException e) {
      throw new WctException(
          ErrorKind.EXTERNAL,
          "the Temporal server refused the visibility query \""
              + filter.query()
              + "\": "
              + e.getStatus().getCode()
              + " "
              + e.getStatus().getDescription()
              + " (wct setup registers wct's search attributes)",
          e);
    }
  }

  /** One run as a listing or a describe of its workflow shows it. */
  public static VisibleRun run(WorkflowExecutionMetadata execution) {
    SearchAttributes attributes = execution.getTypedSearchAttributes();
    String workflowId = execution.getExecution().getWorkflowId();
    String schedule = attributes.get(SCHEDULE);
    String runbook = attributes.get(RUNBOOK);
    if (runbook == null) {
      runbook = (String) execution.getMemo("runbook", String.class);
    }
    String status = attributes.get(STATUS);
    return new VisibleRun(
        runId(workflowId, schedule),
        workflowId,
        runbook,
        schedule,
        status != null && !closedDifferently(execution.getStatus())
            ? status
            : label(execution.getStatus()),
        attributes.get(FAILED),
        execution.getStartTime(),
        execution.getCloseTime());
  }

  /** A run killed from outside (terminated, timed out by Temporal) never upserted its end. */
  private static boolean closedDifferently(WorkflowExecutionStatus status) {
    return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED
        || status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TIMED_OUT;
  }

  private static String runId(String workflowId, String schedule) {
    String prefix = RunbookWorkflow.workflowId("");
    if (workflowId.startsWith(prefix)) {
      return workflowId.substring(prefix.length());
    }
    return schedule != null ? ScheduledRunIds.runId(schedule, workflowId) : workflowId;
  }

  private static String label(WorkflowExecutionStatus status) {
    return switch (status) {
      case WORKFLOW_EXECUTION_STATUS_RUNNING -> "running";
      case WORKFLOW_EXECUTION_STATUS_COMPLETED -> "completed";
      case WORKFLOW_EXECUTION_STATUS_FAILED -> "failed";
      case WORKFLOW_EXECUTION_STATUS_CANCELED -> "cancelled";
      case WORKFLOW_EXECUTION_STATUS_TIMED_OUT -> "timed_out";
      default -> status.name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase(Locale.ROOT);
    };
  }
}
