package dev.wct.workflows.producer;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Produces one artifact and stores it; returns only its claim check. One activity type per kind of
 * producer, so the Temporal UI tells connectors, analysers, pass-throughs and reuses apart.
 *
 * <p>Implementations write the artifact's own record (running at start, succeeded or failed at the
 * end), so the workflow needs no extra activity per artifact.
 */
@ActivityInterface
public interface ProducerActivities {
  /** Runs a connector ({@link dev.wct.core.plan.Producer.Source}). */
  @ActivityMethod(name = "Connect")
  Produced connect(ProduceRequest request);

  /** Runs an analyser over the inputs ({@link dev.wct.core.plan.Producer.Process}). */
  @ActivityMethod(name = "Analyse")
  Produced analyse(ProduceRequest request);

  /** Copies the input, or concatenates several inputs of one schema. */
  @ActivityMethod(name = "PassThrough")
  Produced passThrough(ProduceRequest request);

  /** Copies an artifact of an earlier run in the same store. */
  @ActivityMethod(name = "Reuse")
  Produced reuse(ProduceRequest request);
}
