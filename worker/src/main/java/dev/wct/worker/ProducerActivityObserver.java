package dev.wct.worker;

import dev.wct.activities.producer.ProducerObserver;
import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.plan.Producer;
import dev.wct.core.run.ArtifactRef;
import dev.wct.workflows.partition.PartitionRequest;
import dev.wct.workflows.producer.ProduceRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Around every producer activity: counts it started, succeeded or failed per component type and
 * activity type ({@code wct.producer.*}), times it, and puts the run, workflow, artifact, component
 * and attempt in the logging MDC so that every line the producer logs on its thread carries them.
 * Only names go there: never properties (they may hold resolved secrets) nor artifact content.
 *
 * <p>Told by the producers what each attempt stored, it counts the bytes read and written, the
 * items, and the findings per category ({@code wct.findings}). Tags are component types and
 * category names only, never run or artifact ids, so the number of series stays bounded.
 */
final class ProducerActivityObserver extends WorkerInterceptorBase implements ProducerObserver {
  static final String STARTED = "wct.producer.started";
  static final String SUCCEEDED = "wct.producer.succeeded";
  static final String FAILED = "wct.producer.failed";
  static final String DURATION = "wct.producer.duration";
  static final String BYTES_READ = "wct.producer.bytes.read";
  static final String BYTES_WRITTEN = "wct.producer.bytes.written";
  static final String ITEMS = "wct.producer.items";
  static final String FINDINGS = "wct.findings";

  static final String MDC_RUN_ID = "runId";
  static final String MDC_WORKFLOW_ID = "workflowId";
  static final String MDC_ARTIFACT = "artifact";
  static final String MDC_COMPONENT = "component";
  static final String MDC_ATTEMPT = "attempt";

  private final MeterRegistry registry;

  ProducerActivityObserver(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void stored(
      PlannedArtifact artifact,
      long bytesRead,
      ArtifactRef output,
      Map<String, Long> findingsByCategory) {
    String component = component(artifact.producer());
    Counter.builder(BYTES_READ)
        .description("Stored bytes of input artifacts that producers read")
        .tag("component", component)
        .register(registry)
        .increment(bytesRead);
    Counter.builder(BYTES_WRITTEN)
        .description("Bytes of artifacts that producers stored")
        .tag("component", component)
        .register(registry)
        .increment(output.sizeBytes());
    Counter.builder(ITEMS)
        .description("Items in artifacts that producers stored")
        .tag("component", component)
        .register(registry)
        .increment(output.itemCount());
    findingsByCategory.forEach(
        (category, count) ->
            Counter.builder(FINDINGS)
                .description("Findings in artifacts that producers stored, per category")
                .tags("component", component, "category", category)
                .register(registry)
                .increment(count));
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new Observed(next);
  }

  /** The component type of a producer, as its tag: the connector or analyser type, else a kind. */
  static String component(Producer producer) {
    if (producer instanceof Producer.Source source) {
      return source.type();
    }
    if (producer instanceof Producer.Process process) {
      return process.type();
    }
    if (producer instanceof Producer.Reuse) {
      return "reuse";
    }
    return "pass_through";
  }

  private final class Observed extends ActivityInboundCallsInterceptorBase {
    private ActivityExecutionContext context;

    Observed(ActivityInboundCallsInterceptor next) {
      super(next);
    }

    @Override
    public void init(ActivityExecutionContext context) {
      this.context = context;
      super.init(context);
    }

    @Override
    public ActivityOutput execute(ActivityInput input) {
      Object[] arguments = input.getArguments();
      if (context == null || arguments.length != 1) {
        return super.execute(input);
      }
      String runId;
      PlannedArtifact artifact;
      if (arguments[0] instanceof ProduceRequest request) {
        runId = request.runId();
        artifact = request.artifact();
      } else if (arguments[0] instanceof PartitionRequest request) {
        runId = request.runId();
        artifact = request.artifact();
      } else {
        return super.execute(input);
      }
      ActivityInfo info = context.getInfo();
      String component = component(artifact.producer());
      String activity = info.getActivityType();
      List<MDC.MDCCloseable> tags = new ArrayList<>();
      tags.add(MDC.putCloseable(MDC_RUN_ID, runId));
      tags.add(MDC.putCloseable(MDC_WORKFLOW_ID, info.getWorkflowId()));
      tags.add(MDC.putCloseable(MDC_ARTIFACT, artifact.id()));
      tags.add(MDC.putCloseable(MDC_COMPONENT, component));
      tags.add(MDC.putCloseable(MDC_ATTEMPT, Integer.toString(info.getAttempt())));
      counter(STARTED, component, activity).increment();
      Timer.Sample sample = Timer.start(registry);
      String outcome = "failed";
      try {
        ActivityOutput output = super.execute(input);
        outcome = "succeeded";
        counter(SUCCEEDED, component, activity).increment();
        return output;
      } catch (RuntimeException | Error e) {
        counter(FAILED, component, activity).increment();
        throw e;
      } finally {
        sample.stop(
            Timer.builder(DURATION)
                .description("Time a producer activity attempt took")
                .tags("component", component, "activity", activity, "outcome", outcome)
                .register(registry));
        tags.forEach(MDC.MDCCloseable::close);
      }
    }

    private Counter counter(String name, String component, String activity) {
      return Counter.builder(name)
          .description("Producer activity attempts")
          .tags("component", component, "activity", activity)
          .register(registry);
    }
  }
}
