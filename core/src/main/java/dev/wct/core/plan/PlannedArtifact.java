package dev.wct.core.plan;

import dev.wct.core.message.SchemaRef;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One artifact of a plan, with everything needed to produce it.
 *
 * @param id unique in the plan (artifacts of child runbooks are prefixed, see the planner)
 * @param name display name, may be null
 * @param description may be null
 * @param producer how it is produced
 * @param inputs ids of the artifacts it is derived from, in runbook order
 * @param inputSchemas the schemas of those inputs, same order
 * @param outputSchema the schema of what it produces
 * @param output whether it goes into the run's exported results
 * @param optional whether its failure leaves the run successful
 * @param retry retry policy for the producer
 * @param timeout start-to-close limit of one attempt
 */
public record PlannedArtifact(
    String id,
    String name,
    String description,
    Producer producer,
    List<String> inputs,
    List<SchemaRef> inputSchemas,
    SchemaRef outputSchema,
    boolean output,
    boolean optional,
    RetrySettings retry,
    Duration timeout) {
  public PlannedArtifact {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(producer, "producer");
    Objects.requireNonNull(outputSchema, "outputSchema");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(timeout, "timeout");
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
    inputSchemas = inputSchemas == null ? List.of() : List.copyOf(inputSchemas);
    if (inputs.size() != inputSchemas.size()) {
      throw new IllegalArgumentException("inputs and inputSchemas differ in length for " + id);
    }
  }
}
