package dev.wct.workflows.run;

import dev.wct.core.run.ArtifactRef;
import dev.wct.core.run.CoverageSummary;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.workflows.producer.ProduceRequest;
import dev.wct.workflows.producer.Produced;
import dev.wct.workflows.producer.ProducerActivities;
import dev.wct.workflows.producer.ProducerFailures;
import io.temporal.activity.Activity;
import io.temporal.client.ActivityCompletionException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Producer activities for workflow tests: each artifact behaves as scripted, and every start and
 * end goes to an {@link EventLog}.
 */
public final class FakeProducers implements ProducerActivities {
  /** What one artifact's producer does on each invocation. */
  public interface Behaviour {
    void run(int invocation) throws Exception;
  }

  private final EventLog log;
  private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> invocations = new ConcurrentHashMap<>();
  private final List<ProduceRequest> requests = new CopyOnWriteArrayList<>();
  private final Map<String, List<String>> warnings = new ConcurrentHashMap<>();

  public FakeProducers(EventLog log) {
    this.log = log;
  }

  public FakeProducers on(String artifactId, Behaviour behaviour) {
    behaviours.put(artifactId, behaviour);
    return this;
  }

  /** The artifact's producer succeeds with these coverage warnings. */
  public FakeProducers warns(String artifactId, String... lines) {
    warnings.put(artifactId, List.of(lines));
    return this;
  }

  public static Behaviour sleep(long millis) {
    return invocation -> Thread.sleep(millis);
  }

  public static Behaviour failTimes(int failures) {
    return invocation -> {
      if (invocation <= failures) {
        throw new WctException(ErrorKind.EXTERNAL, "database unreachable (try " + invocation + ")");
      }
    };
  }

  public static Behaviour failUser(String message) {
    return invocation -> {
      throw WctException.user(message);
    };
  }

  /** Heartbeats until cancelled. */
  public static Behaviour hangUntilCancelled() {
    return invocation -> {
      while (true) {
        Activity.getExecutionContext().heartbeat(invocation);
        Thread.sleep(20);
      }
    };
  }

  public int invocations(String artifactId) {
    AtomicInteger count = invocations.get(artifactId);
    return count == null ? 0 : count.get();
  }

  public ProduceRequest request(String artifactId) {
    return requests.stream()
        .filter(r -> r.artifact().id().equals(artifactId))
        .findFirst()
        .orElseThrow();
  }

  @Override
  public Produced connect(ProduceRequest request) {
    return produce(request);
  }

  @Override
  public Produced analyse(ProduceRequest request) {
    return produce(request);
  }

  @Override
  public Produced passThrough(ProduceRequest request) {
    return produce(request);
  }

  @Override
  public Produced reuse(ProduceRequest request) {
    return produce(request);
  }

  private Produced produce(ProduceRequest request) {
    String id = request.artifact().id();
    int invocation = invocations.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
    int attempt = Activity.getExecutionContext().getInfo().getAttempt();
    requests.add(request);
    log.add("start:" + id);
    try {
      behaviours.getOrDefault(id, i -> {}).run(invocation);
    } catch (ActivityCompletionException cancelled) {
      log.add("cancelled:" + id);
      throw cancelled;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw ProducerFailures.of(interrupted, attempt);
    } catch (Exception e) {
      log.add("end:" + id);
      throw ProducerFailures.of(e, attempt);
    }
    log.add("end:" + id);
    ArtifactRef ref =
        new ArtifactRef(
            request.runId(),
            id,
            "runs/" + request.runId() + "/artifacts/" + id + ".json",
            request.artifact().outputSchema(),
            100,
            "0".repeat(64),
            1);
    List<String> warned = warnings.get(id);
    return warned == null
        ? new Produced(ref, attempt)
        : new Produced(
            ref,
            attempt,
            new CoverageSummary("files", 1, 0, warned.size(), 0, Map.of("BINARY", 1L)),
            warned);
  }
}
