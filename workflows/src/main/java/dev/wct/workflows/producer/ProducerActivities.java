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
  /** Activity type names, as histories record them. */
  String CONNECT = "Connect";

  String ANALYSE = "Analyse";
  String PASS_THROUGH = "PassThrough";
  String REUSE = "Reuse";

  /** Runs a connector ({@link dev.wct.core.plan.Producer.Source}). */
  @ActivityMethod(name = CONNECT)
  Produced connect(ProduceRequest request);

  /** Runs an analyser over the inputs ({@link dev.wct.core.plan.Producer.Process}). */
  @ActivityMethod(name = ANALYSE)
  Produced analyse(ProduceRequest request);

  /** Copies the input, or concatenates several inputs of one schema. */
  @ActivityMethod(name = PASS_THROUGH)
  Produced passThrough(ProduceRequest request);

  /** Copies an artifact of an earlier run in the same store. */
  @ActivityMethod(name = REUSE)
  Produced reuse(ProduceRequest request);
}
