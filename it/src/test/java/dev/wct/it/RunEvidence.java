package dev.wct.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.run.RunStatus;
import dev.wct.store.ArtifactStore;
import dev.wct.store.StoredArtifact;
import dev.wct.store.runs.RunRecords;
import dev.wct.workflows.run.RunResult;
import dev.wct.workflows.run.RunbookWorkflow;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DefaultDataConverter;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** What a finished run left behind, read from Temporal's history and from the store. */
final class RunEvidence {
  private static final Set<String> PRODUCERS = Set.of("Connect", "Analyse", "PassThrough", "Reuse");

  private RunEvidence() {}

  static RunResult awaitResult(WorkflowClient client, String runId, Duration timeout)
      throws Exception {
    return client
        .newUntypedWorkflowStub(RunbookWorkflow.workflowId(runId))
        .getResult(timeout.toMillis(), TimeUnit.MILLISECONDS, RunResult.class);
  }

  /**
   * Producer activities completed per artifact, from the workflow history: an ActivityTaskCompleted
   * event per scheduled producer that succeeded, the artifact named by the activity's summary
   * ({@code "id: label"}).
   */
  static Map<String, Integer> completedProducers(WorkflowClient client, String runId) {
    Map<Long, String> scheduled = new HashMap<>();
    Map<String, Integer> completed = new TreeMap<>();
    for (HistoryEvent event : client.fetchHistory(RunbookWorkflow.workflowId(runId)).getEvents()) {
      if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED
          && PRODUCERS.contains(
              event.getActivityTaskScheduledEventAttributes().getActivityType().getName())) {
        Payload summary = event.getUserMetadata().getSummary();
        String text =
            DefaultDataConverter.STANDARD_INSTANCE.fromPayload(summary, String.class, String.class);
        scheduled.put(event.getEventId(), text.substring(0, text.indexOf(':')));
      } else if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) {
        String artifact =
            scheduled.get(event.getActivityTaskCompletedEventAttributes().getScheduledEventId());
        if (artifact != null) {
          completed.merge(artifact, 1, Integer::sum);
        }
      }
    }
    return completed;
  }

  /** Events of the history of a run, by type: to tell a queued run from a started one. */
  static long events(WorkflowClient client, String runId, EventType type) {
    return client.fetchHistory(RunbookWorkflow.workflowId(runId)).getEvents().stream()
        .filter(event -> event.getEventType() == type)
        .count();
  }

  /**
   * The checks every fault test ends with: the run completed with every artifact succeeded, each
   * produced by exactly one completed producer activity, each stored artifact's bytes matching the
   * SHA-256 recorded with it (the store's reads verify it too), and the run's record completed.
   */
  static void assertCompletedOnceAndIntact(
      WorkflowClient client, ArtifactStore store, String runId, RunResult result, int artifacts)
      throws Exception {
    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    List<String> succeeded = result.idsIn(ArtifactState.SUCCEEDED);
    assertThat(succeeded).hasSize(artifacts);
    Map<String, Integer> completions = completedProducers(client, runId);
    System.out.println(
        "  checked: producer completions per artifact in the history " + completions);
    assertThat(completions.keySet()).containsExactlyInAnyOrderElementsOf(succeeded);
    assertThat(completions.values()).allMatch(count -> count == 1);
    for (ArtifactOutcome outcome : result.artifacts()) {
      if (outcome.attempts() > 1) {
        System.out.println(
            "  artifact " + outcome.id() + " took " + outcome.attempts() + " attempts");
      }
    }

    assertThat(store.list(runId)).containsExactlyInAnyOrderElementsOf(succeeded);
    for (String artifact : store.list(runId)) {
      StoredArtifact stat = store.stat(runId, artifact).orElseThrow();
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      long size = 0;
      try (InputStream in = store.read(runId, artifact)) {
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
          sha.update(buffer, 0, n);
          size += n;
        }
      }
      assertThat(HexFormat.of().formatHex(sha.digest())).as(artifact).isEqualTo(stat.sha256());
      assertThat(size).as(artifact).isEqualTo(stat.sizeBytes());
    }
    System.out.println(
        "  checked: " + store.list(runId).size() + " stored artifacts match their SHA-256");
    assertThat(new RunRecords(store).run(runId).orElseThrow().status())
        .isEqualTo(RunStatus.COMPLETED);
  }
}
