package dev.wct.workflows.run;

import java.util.ArrayList;
import java.util.List;

/** What test producers did, in the order they did it: {@code start:a}, {@code end:a}. */
public final class EventLog {
  private final List<String> events = new ArrayList<>();

  public synchronized void add(String event) {
    events.add(event);
  }

  public synchronized List<String> events() {
    return List.copyOf(events);
  }

  public synchronized int indexOf(String event) {
    int index = events.indexOf(event);
    if (index < 0) {
      throw new AssertionError("no event '" + event + "' in " + events);
    }
    return index;
  }

  /** The most producers that were running at once, from start/end events. */
  public synchronized int maxConcurrent() {
    int running = 0;
    int max = 0;
    for (String event : events) {
      if (event.startsWith("start:")) {
        max = Math.max(max, ++running);
      } else if (event.startsWith("end:")) {
        running--;
      }
    }
    return max;
  }
}
