package dev.wct.cli.remote;

import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.run.RunStatus;
import dev.wct.workflows.partition.PartitionsDone;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code wct status} found out about a run, and where from.
 *
 * @param runbook the runbook's name; null when only Temporal was asked
 * @param source where the status comes from, e.g. "the workflow's status query"
 * @param notes what the user should know about the other sources, one line each
 * @param partitions partitions done of total of the partitioned artifacts, while the run runs
 */
record RunLook(
    String runId,
    RunStatus status,
    String runbook,
    String source,
    List<ArtifactOutcome> artifacts,
    List<String> notes,
    List<PartitionsDone> partitions) {

  RunLook(
      String runId,
      RunStatus status,
      String runbook,
      String source,
      List<ArtifactOutcome> artifacts,
      List<String> notes) {
    this(runId, status, runbook, source, artifacts, notes, List.of());
  }

  /** How many artifacts are in each state, in state order; states with none left out. */
  Map<ArtifactState, Integer> counts() {
    Map<ArtifactState, Integer> counts = new TreeMap<>();
    artifacts.forEach(a -> counts.merge(a.state(), 1, Integer::sum));
    return counts;
  }
}
