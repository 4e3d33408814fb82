package dev.wct.workflows.partition;

import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.run.ArtifactRef;
import dev.wct.workflows.producer.Produced;
import dev.wct.workflows.producer.ProducerFailures;
import dev.wct.workflows.producer.ProducerOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;

/**
 * Produces every partition of a block, each artifact's partition as soon as the same partition of
 * its input exists, at most {@code maxConcurrency} activities in flight, lowest partition first.
 * Deterministic: tasks are ordered by (partition, artifact position).
 */
public class PartitionBlockWorkflowImpl implements PartitionBlockWorkflow {
  /** Progress signals per block besides the first block's opening one: bounds the run's history. */
  static final int PROGRESS_REPORTS_PER_BLOCK = 10;

  private static final Logger log = Workflow.getLogger(PartitionBlockWorkflowImpl.class);

  private final List<PartitionActivities> stubs = new ArrayList<>();
  private final TreeMap<Long, List<ArtifactRef>> ready = new TreeMap<>();
  private final Map<String, Integer> positions = new HashMap<>();
  private BlockRequest request;
  private PartitionTotals[] totals;
  private int inFlight;
  private int finished;
  private int[] reported;

  @Override
  public BlockResult run(BlockRequest request) {
    this.request = request;
    List<PlannedArtifact> artifacts = request.artifacts();
    totals = new PartitionTotals[artifacts.size()];
    for (int k = 0; k < artifacts.size(); k++) {
      PlannedArtifact artifact = artifacts.get(k);
      positions.put(artifact.id(), k);
      totals[k] = PartitionTotals.none(artifact.id());
      stubs.add(
          Workflow.newActivityStub(
              PartitionActivities.class, ProducerOptions.of(artifact, request.heartbeatTimeout())));
    }
    for (int i = request.from(); i < request.to(); i++) {
      ready.put(task(i, 0), List.of());
    }
    boolean reports =
        Workflow.getVersion(PartitionProgressSignal.CHANGE_ID, Workflow.DEFAULT_VERSION, 1) >= 1
            && request.progressWorkflowId() != null;
    reported = new int[artifacts.size()];
    if (reports && request.from() == 0) {
      report(); // the total, as soon as the partitions are listed
    }
    dispatch();
    int tasks = (request.to() - request.from()) * artifacts.size();
    if (reports) {
      int step = Math.max(1, tasks / PROGRESS_REPORTS_PER_BLOCK);
      while (finished < tasks) {
        int next = Math.min(tasks, finished + step);
        Workflow.await(() -> finished >= next);
        report();
      }
    }
    Workflow.await(() -> finished == tasks);
    return new BlockResult(List.of(totals));
  }

  /**
   * Signals the run the partitions done since the last report. A run that has closed (timed out,
   * cancelled) no longer listens; the block's own work goes on regardless.
   */
  private void report() {
    List<PartitionsDone> progress = new ArrayList<>();
    for (int k = 0; k < totals.length; k++) {
      progress.add(
          new PartitionsDone(
              totals[k].artifactId(), totals[k].succeeded() - reported[k], request.count()));
      reported[k] = totals[k].succeeded();
    }
    try {
      Workflow.newUntypedExternalWorkflowStub(request.progressWorkflowId())
          .signal(PartitionProgressSignal.NAME, progress);
    } catch (SignalExternalWorkflowException closed) {
      log.info("block {}: progress not signalled: {}", request.from(), closed.getMessage());
    }
  }

  private long task(int partition, int position) {
    return (long) (partition - request.from()) * request.artifacts().size() + position;
  }

  private void dispatch() {
    while (inFlight < request.maxConcurrency() && !ready.isEmpty()) {
      Map.Entry<Long, List<ArtifactRef>> next = ready.pollFirstEntry();
      start(next.getKey(), next.getValue());
    }
  }

  private void start(long task, List<ArtifactRef> inputs) {
    int size = request.artifacts().size();
    int partition = (int) (task / size) + request.from();
    int position = (int) (task % size);
    PlannedArtifact artifact = request.artifacts().get(position);
    PartitionActivities activities = stubs.get(position);
    PartitionRequest call =
        new PartitionRequest(request.runId(), artifact, partition, request.count(), inputs);
    Promise<Produced> result =
        position == 0
            ? Async.function(activities::connectPartition, call)
            : Async.function(activities::analysePartition, call);
    inFlight++;
    result.handle(
        (produced, failure) -> {
          inFlight--;
          finished++;
          if (failure == null) {
            add(
                position,
                new PartitionTotals(
                    artifact.id(), 1, 0, 0, produced.output().itemCount(), null, null, 0));
            for (int k = position + 1; k < size; k++) {
              if (artifact.id().equals(request.artifacts().get(k).partition().perPartitionOf())) {
                ready.put(task(partition, k), List.of(produced.output()));
              }
            }
          } else {
            ProducerFailures.Decoded decoded =
                ProducerFailures.decode(failure, artifact.retry().maxAttempts());
            add(
                position,
                new PartitionTotals(
                    artifact.id(),
                    0,
                    1,
                    0,
                    0,
                    "partition " + partition + ": " + decoded.message(),
                    decoded.kind(),
                    decoded.attempts()));
            skipDependents(artifact.id());
          }
          dispatch();
          return null;
        });
  }

  /** The artifacts that run on this partition of a failed one are skipped, transitively. */
  private void skipDependents(String failed) {
    for (int k = positions.get(failed) + 1; k < request.artifacts().size(); k++) {
      PlannedArtifact dependent = request.artifacts().get(k);
      if (failed.equals(dependent.partition().perPartitionOf())) {
        finished++;
        add(k, new PartitionTotals(dependent.id(), 0, 0, 1, 0, null, null, 0));
        skipDependents(dependent.id());
      }
    }
  }

  private void add(int position, PartitionTotals more) {
    totals[position] = totals[position].plus(more);
  }
}
