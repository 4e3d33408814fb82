package dev.wct.engine;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.plan.PlannedArtifact;
import dev.wct.workflows.run.RunRequest;
import dev.wct.workflows.run.RunbookWorkflow;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link RunbookWorkflow} starts, whoever starts it — {@code wct run}, {@code wct submit} or
 * a schedule's action: its options (workflow ID, queue, memo, search attributes, the summary and
 * details the Temporal UI shows) and its input. The plan travels as data; artifact bytes never do.
 */
public record RunStart(WorkflowOptions options, RunRequest request) {
  public static final SearchAttributeKey<String> RUNBOOK =
      SearchAttributeKey.forKeyword("WctRunbook");
  public static final SearchAttributeKey<String> SCHEDULE =
      SearchAttributeKey.forKeyword("WctSchedule");

  private static final int MAX_DETAIL_ROWS = 20;

  public RunStart {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(request, "request");
  }

  /**
   * @param workflowId {@code wct-run-RUN_ID}, or a schedule's {@code wct-sched-NAME}, to which
   *     Temporal appends each fire time
   * @param searchAttributes whether the server has wct's search attributes: then the run carries
   *     {@code WctRunbook} (and {@code WctSchedule}) and upserts {@code WctStatus} as it moves
   */
  public static RunStart of(
      String workflowId, String taskQueue, RunRequest request, boolean searchAttributes) {
    return of(workflowId, taskQueue, request.plan(), request, searchAttributes);
  }

  /**
   * @param plan the whole plan, for the summary and details, when {@code request} carries it
   *     without its artifacts (a large plan that travels through the store)
   */
  public static RunStart of(
      String workflowId,
      String taskQueue,
      ExecutionPlan plan,
      RunRequest request,
      boolean searchAttributes) {
    Map<String, Object> memo = new LinkedHashMap<>();
    memo.put("runbook", plan.runbook().name());
    if (plan.contentHash() != null) {
      memo.put("planHash", plan.contentHash());
    }
    if (request.schedule() != null) {
      memo.put("schedule", request.schedule());
    }
    WorkflowOptions.Builder options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(workflowId)
            .setTaskQueue(taskQueue)
            .setMemo(memo)
            .setStaticSummary(summary(plan, request.schedule()))
            .setStaticDetails(details(plan));
    if (request.schedule() == null) {
      // A run ID is used once; a schedule's fires get unique IDs from Temporal, which refuses
      // any other policy for them.
      options.setWorkflowIdReusePolicy(
          WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE);
    }
    if (searchAttributes) {
      SearchAttributes.Builder attributes =
          SearchAttributes.newBuilder().set(RUNBOOK, plan.runbook().name());
      if (request.schedule() != null) {
        attributes.set(SCHEDULE, request.schedule());
      }
      options.setTypedSearchAttributes(attributes.build());
    }
    return new RunStart(options.build(), request.withStatusAttributes(searchAttributes));
  }

  /** {@code crm_scan: 5 artifacts}, and the schedule that fired it. */
  static String summary(ExecutionPlan plan, String schedule) {
    int artifacts = plan.artifacts().size();
    String text =
        plan.runbook().name() + ": " + artifacts + (artifacts == 1 ? " artifact" : " artifacts");
    return schedule == null ? text : text + " (schedule " + schedule + ")";
  }

  /** A Markdown table of the planned artifacts: id, producer, inputs; bounded for big plans. */
  static String details(ExecutionPlan plan) {
    StringBuilder text = new StringBuilder("**" + plan.runbook().name() + "**");
    if (plan.contentHash() != null) {
      text.append(" · plan `").append(plan.contentHash()).append('`');
    }
    text.append("\n\n| artifact | producer | inputs |\n|---|---|---|\n");
    List<PlannedArtifact> artifacts = plan.artifacts();
    for (PlannedArtifact artifact :
        artifacts.subList(0, Math.min(artifacts.size(), MAX_DETAIL_ROWS))) {
      text.append("| ")
          .append(artifact.id())
          .append(" | ")
          .append(artifact.producer().label())
          .append(" | ")
          .append(String.join(", ", artifact.inputs()))
          .append(" |\n");
    }
    if (artifacts.size() > MAX_DETAIL_ROWS) {
      text.append("\n")
          .append(artifacts.size())
          .append(" artifacts in all; `wct plan` lists each.\n");
    }
    return text.toString();
  }
}
