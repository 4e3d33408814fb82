package dev.wct.workflows.partition;

import dev.wct.core.plan.PlannedArtifact;
import dev.wct.workflows.producer.Produced;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The run workflow's side of partitioned artifacts: a partitioned source starts a child {@link
 * PartitionedArtifactWorkflow} for itself and the analysers that run per partition of it; those
 * analysers then take their outcome from the child's result, with no activity of their own. Lives
 * in the workflow thread.
 */
public final class PartitionedArtifacts {
  /** The workflow change that added partitioned artifacts; runs without them never record it. */
  public static final String CHANGE_ID = "partitions";

  private final Map<String, Promise<GroupResult>> groups = new LinkedHashMap<>();

  /**
   * Produces a partitioned artifact: for a source, starts its group; for a per-partition analyser,
   * answers from its group.
   *
   * @param runWorkflowId the run's workflow ID, which the group's ID extends
   * @param plan every artifact of the run, in plan order
   */
  public Promise<Produced> produce(
      String runId,
      String runWorkflowId,
      PlannedArtifact artifact,
      List<PlannedArtifact> plan,
      int maxConcurrency,
      Duration heartbeatTimeout) {
    if (artifact.partition().isSource()) {
      List<PlannedArtifact> group = group(artifact, plan);
      String groupId = runWorkflowId + "/partitions/" + artifact.id();
      PartitionedArtifactWorkflow child =
          Workflow.newChildWorkflowStub(
              PartitionedArtifactWorkflow.class,
              ChildWorkflowOptions.newBuilder().setWorkflowId(groupId).build());
      Promise<GroupResult> result =
          Async.function(
              child::run,
              new GroupRequest(runId, groupId, group, maxConcurrency, heartbeatTimeout, 0));
      for (PlannedArtifact member : group) {
        groups.put(member.id(), result);
      }
    }
    Promise<GroupResult> group = groups.get(artifact.id());
    if (group == null) {
      throw new IllegalStateException(
          "artifact " + artifact.id() + " runs per partition of an artifact that was not started");
    }
    return group.thenApply(result -> outcome(result, artifact.id()));
  }

  /**
   * The partitions done of an artifact whose group has ended, from the group's own result: a
   * block's last progress signal and the block's completion reach the run in no fixed order, so
   * after the end the result is the count to show, not the sum of the signals.
   */
  public Optional<PartitionsDone> ended(String artifactId) {
    Promise<GroupResult> group = groups.get(artifactId);
    if (group == null || !group.isCompleted() || group.getFailure() != null) {
      return Optional.empty();
    }
    return group
        .get()
        .of(artifactId)
        .map(
            outcome ->
                new PartitionsDone(artifactId, outcome.partitionsDone(), outcome.partitions()));
  }

  /** The source and every analyser that runs per partition of it, directly or through another. */
  static List<PlannedArtifact> group(PlannedArtifact source, List<PlannedArtifact> plan) {
    List<PlannedArtifact> group = new ArrayList<>();
    Set<String> members = new HashSet<>();
    group.add(source);
    members.add(source.id());
    for (PlannedArtifact artifact : plan) {
      if (artifact.partition() != null
          && !artifact.partition().isSource()
          && members.contains(artifact.partition().perPartitionOf())) {
        group.add(artifact);
        members.add(artifact.id());
      }
    }
    return group;
  }

  private static Produced outcome(GroupResult result, String artifactId) {
    GroupOutcome outcome =
        result
            .of(artifactId)
            .orElseThrow(() -> new IllegalStateException("no outcome for " + artifactId));
    if (outcome.produced() != null) {
      return outcome.produced();
    }
    throw ApplicationFailure.newNonRetryableFailure(
        outcome.error(), outcome.errorKind(), outcome.attempts());
  }
}
