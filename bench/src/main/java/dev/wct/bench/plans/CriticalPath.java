package dev.wct.bench.plans;

import dev.wct.bench.components.BenchComponents;
import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.plan.Producer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Lower bounds on the makespan of a plan of sleeping components, read from the plan itself.
 *
 * @param millis the longest sum of sleeps along a dependency path: no scheduler can beat it
 * @param path that path, first to last
 * @param levelBarrierMillis the sum over levels of the longest sleep in each: the best a scheduler
 *     that waits for a whole level before starting the next can do
 */
public record CriticalPath(long millis, List<String> path, long levelBarrierMillis) {
  public CriticalPath {
    path = List.copyOf(Objects.requireNonNull(path, "path"));
  }

  public static CriticalPath of(ExecutionPlan plan) {
    Map<String, Long> finish = new LinkedHashMap<>();
    Map<String, String> slowestInput = new LinkedHashMap<>();
    String last = null;
    for (PlannedArtifact artifact : plan.artifacts()) {
      long start = 0;
      String slowest = null;
      for (String input : artifact.inputs()) {
        if (slowest == null || finish.get(input) > start) {
          start = finish.get(input);
          slowest = input;
        }
      }
      if (slowest != null) {
        slowestInput.put(artifact.id(), slowest);
      }
      finish.put(artifact.id(), start + sleepOf(artifact));
      if (last == null || finish.get(artifact.id()) > finish.get(last)) {
        last = artifact.id();
      }
    }
    List<String> path = new ArrayList<>();
    for (String at = last; at != null; at = slowestInput.get(at)) {
      path.add(0, at);
    }
    Map<String, PlannedArtifact> byId = plan.artifactsById();
    long barrier = 0;
    for (List<String> level : plan.levels()) {
      barrier += level.stream().mapToLong(id -> sleepOf(byId.get(id))).max().orElse(0);
    }
    return new CriticalPath(last == null ? 0 : finish.get(last), path, barrier);
  }

  /** The sleep of one artifact's producer; 0 for anything but a sleeping benchmark component. */
  public static long sleepOf(PlannedArtifact artifact) {
    if (artifact.producer() instanceof Producer.Source source
        && BenchComponents.SLEEP.equals(source.type())) {
      return BenchComponents.millisOf(source.properties(), artifact.id());
    }
    if (artifact.producer() instanceof Producer.Process process
        && BenchComponents.SLEEP.equals(process.type())) {
      return BenchComponents.millisOf(process.properties(), artifact.id());
    }
    return 0;
  }
}
