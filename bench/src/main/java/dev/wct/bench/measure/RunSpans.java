package dev.wct.bench.measure;

import io.temporal.api.history.v1.HistoryEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a run's time went, from the timestamps of its history: its head (workflow started to the
 * first producer scheduled), its producers (first scheduled to last completed) and its tail (last
 * producer completed to the workflow completed). Head and tail are what a run costs apart from its
 * producers: its own bookkeeping. The producers are the activities of the most frequent type.
 */
public record RunSpans(double headMillis, double producersMillis, double tailMillis) {
  public static RunSpans of(List<HistoryEvent> events) {
    String producerType = mostFrequentActivityType(events);
    Set<Long> producers = new HashSet<>();
    long started = -1;
    long ended = -1;
    long firstScheduled = -1;
    long lastCompleted = -1;
    for (HistoryEvent event : events) {
      long at = nanos(event);
      switch (event.getEventType()) {
        case EVENT_TYPE_WORKFLOW_EXECUTION_STARTED -> started = at;
        case EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED -> ended = at;
        case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> {
          if (event
              .getActivityTaskScheduledEventAttributes()
              .getActivityType()
              .getName()
              .equals(producerType)) {
            producers.add(event.getEventId());
            firstScheduled = firstScheduled < 0 ? at : firstScheduled;
          }
        }
        case EVENT_TYPE_ACTIVITY_TASK_COMPLETED -> {
          if (producers.contains(
              event.getActivityTaskCompletedEventAttributes().getScheduledEventId())) {
            lastCompleted = at;
          }
        }
        default -> {}
      }
    }
    if (started < 0 || ended < 0 || firstScheduled < 0 || lastCompleted < 0) {
      throw new IllegalArgumentException("not the history of a completed run with activities");
    }
    return new RunSpans(
        millis(firstScheduled - started),
        millis(lastCompleted - firstScheduled),
        millis(ended - lastCompleted));
  }

  /** When the event happened, in nanoseconds since the epoch. */
  public static long nanos(HistoryEvent event) {
    return event.getEventTime().getSeconds() * 1_000_000_000L + event.getEventTime().getNanos();
  }

  private static String mostFrequentActivityType(List<HistoryEvent> events) {
    Map<String, Integer> counts = new HashMap<>();
    for (HistoryEvent event : events) {
      if (event.hasActivityTaskScheduledEventAttributes()) {
        counts.merge(
            event.getActivityTaskScheduledEventAttributes().getActivityType().getName(),
            1,
            Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse("");
  }

  private static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }
}
