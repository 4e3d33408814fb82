package dev.wct.workflows.run;

import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One workflow history measured against a real server's limits, and which worker identities started
 * its activities.
 */
record HistoryMeasure(
    String workflowId,
    int events,
    long bytes,
    long largestEvent,
    int maxPending,
    Map<String, Integer> activitiesByIdentity) {
  static final int MAX_EVENTS = 51_200;
  static final long MAX_HISTORY_BYTES = 50L * 1024 * 1024;
  static final long MAX_PAYLOAD_BYTES = 2L * 1024 * 1024;
  static final int MAX_PENDING_ACTIVITIES = 2_000;

  static HistoryMeasure of(WorkflowClient client, String workflowId) {
    History history = client.fetchHistory(workflowId).getHistory();
    int pending = 0;
    int maxPending = 0;
    long largest = 0;
    Map<String, Integer> identities = new TreeMap<>();
    for (HistoryEvent event : history.getEventsList()) {
      largest = Math.max(largest, event.getSerializedSize());
      switch (event.getEventType()) {
        case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> maxPending = Math.max(maxPending, ++pending);
        case EVENT_TYPE_ACTIVITY_TASK_STARTED ->
            identities.merge(
                event.getActivityTaskStartedEventAttributes().getIdentity(), 1, Integer::sum);
        case EVENT_TYPE_ACTIVITY_TASK_COMPLETED,
            EVENT_TYPE_ACTIVITY_TASK_FAILED,
            EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT,
            EVENT_TYPE_ACTIVITY_TASK_CANCELED ->
            pending--;
        default -> {}
      }
    }
    return new HistoryMeasure(
        workflowId,
        history.getEventsCount(),
        history.getSerializedSize(),
        largest,
        maxPending,
        identities);
  }

  /** The run's history, its partitioned artifacts' and their blocks'. */
  static List<HistoryMeasure> ofRun(
      WorkflowClient client, String runId, List<String> partitionedSources, int blocks) {
    List<HistoryMeasure> all = new ArrayList<>();
    String run = RunbookWorkflow.workflowId(runId);
    all.add(of(client, run));
    for (String source : partitionedSources) {
      String group = run + "/partitions/" + source;
      all.add(of(client, group));
      for (int b = 0; b < blocks; b++) {
        all.add(of(client, group + "/block-" + b));
      }
    }
    return all;
  }

  boolean withinServerLimits() {
    return events < MAX_EVENTS
        && bytes < MAX_HISTORY_BYTES
        && largestEvent < MAX_PAYLOAD_BYTES
        && maxPending <= MAX_PENDING_ACTIVITIES;
  }

  @Override
  public String toString() {
    return String.format(
        "%s: %d events, %d bytes, largest event %d bytes, max pending %d",
        workflowId, events, bytes, largestEvent, maxPending);
  }
}
