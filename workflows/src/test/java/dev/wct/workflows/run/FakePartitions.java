package dev.wct.workflows.run;

import dev.wct.core.plan.PartitionIds;
import dev.wct.core.run.ArtifactRef;
import dev.wct.spi.error.WctException;
import dev.wct.workflows.partition.PartitionActivities;
import dev.wct.workflows.partition.PartitionCount;
import dev.wct.workflows.partition.PartitionRequest;
import dev.wct.workflows.partition.SealRequest;
import dev.wct.workflows.producer.ProduceRequest;
import dev.wct.workflows.producer.Produced;
import dev.wct.workflows.producer.ProducerFailures;
import io.temporal.activity.Activity;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * No-op partition activities: every source lists {@code count} partitions, every partition holds
 * one item; starts go to an {@link EventLog} as {@code start:{artifact}#{index}}.
 */
public final class FakePartitions implements PartitionActivities {
  private final EventLog log;
  private final int count;
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Map<String, String> failing = new ConcurrentHashMap<>();
  public final List<PartitionRequest> requests = new CopyOnWriteArrayList<>();
  public final List<SealRequest> seals = new CopyOnWriteArrayList<>();

  public FakePartitions(EventLog log, int count) {
    this.log = log;
    this.count = count;
  }

  private volatile long sleepMillis;

  /** Every partition takes {@code millis}. */
  public FakePartitions slow(long millis) {
    sleepMillis = millis;
    return this;
  }

  private volatile int heldFrom = Integer.MAX_VALUE;
  private final java.util.concurrent.CountDownLatch release =
      new java.util.concurrent.CountDownLatch(1);

  /** Partitions from {@code index} on wait for {@link #release()} before they are produced. */
  public FakePartitions holdFrom(int index) {
    heldFrom = index;
    return this;
  }

  /** Lets the held partitions go. */
  public void release() {
    release.countDown();
  }

  /** Partition {@code index} of {@code artifactId} fails for good with a user error. */
  public FakePartitions failing(String artifactId, int index, String message) {
    failing.put(PartitionIds.of(artifactId, index), message);
    return this;
  }

  /** How often partition {@code index} of {@code artifactId} was produced. */
  public int calls(String artifactId, int index) {
    AtomicInteger n = calls.get(PartitionIds.of(artifactId, index));
    return n == null ? 0 : n.get();
  }

  @Override
  public PartitionCount listPartitions(ProduceRequest source) {
    if (log != null) {
      log.add("list:" + source.artifact().id());
    }
    return new PartitionCount(count);
  }

  @Override
  public Produced connectPartition(PartitionRequest request) {
    return produce(request);
  }

  @Override
  public Produced analysePartition(PartitionRequest request) {
    return produce(request);
  }

  private Produced produce(PartitionRequest request) {
    String id = PartitionIds.of(request.artifact().id(), request.index());
    if (log != null) {
      log.add("start:" + request.artifact().id() + "#" + request.index());
    }
    if (count <= 1_000) {
      requests.add(request);
    }
    calls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
    String failure = failing.get(id);
    int attempt = Activity.getExecutionContext().getInfo().getAttempt();
    if (failure != null) {
      throw ProducerFailures.of(WctException.user(failure), attempt);
    }
    if (request.index() >= heldFrom) {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (sleepMillis > 0) {
      try {
        Thread.sleep(sleepMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return new Produced(ref(request.runId(), id, 1), attempt);
  }

  @Override
  public Produced sealPartitions(SealRequest request) {
    seals.add(request);
    return new Produced(ref(request.runId(), request.artifact().id(), request.itemCount()), 1);
  }

  private static ArtifactRef ref(String runId, String id, long items) {
    return new ArtifactRef(
        runId,
        id,
        "runs/" + runId + "/artifacts/" + id + ".json",
        dev.wct.spi.message.SchemaRef.of("standard_input"),
        100,
        "0".repeat(64),
        items);
  }
}
