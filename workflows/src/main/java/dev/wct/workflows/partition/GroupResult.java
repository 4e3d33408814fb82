package dev.wct.workflows.partition;

import java.util.List;
import java.util.Optional;

/** The outcomes of a group's artifacts, in the group's order. */
public record GroupResult(List<GroupOutcome> outcomes) {
  public GroupResult {
    outcomes = List.copyOf(outcomes);
  }

  Optional<GroupOutcome> of(String artifactId) {
    return outcomes.stream().filter(o -> o.artifactId().equals(artifactId)).findFirst();
  }
}
