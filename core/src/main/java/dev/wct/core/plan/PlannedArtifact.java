package dev.wct.core.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.wct.spi.message.SchemaRef;
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
 * @param retry retry policy for the producer; null means {@link RetrySettings#DEFAULT}
 * @param timeout start-to-close limit of one attempt
 * @param partition how it is cut into partitions, or null for a whole artifact (left out of JSON)
 *     <p>Empty lists, false flags and the default retry policy are left out of the JSON so that
 *     plans of thousands of artifacts fit in a workflow input; reading them back restores them.
 */
public record PlannedArtifact(
    String id,
    String name,
    String description,
    Producer producer,
    @JsonInclude(Include.NON_EMPTY) List<String> inputs,
    @JsonInclude(Include.NON_EMPTY) List<SchemaRef> inputSchemas,
    SchemaRef outputSchema,
    @JsonInclude(Include.NON_DEFAULT) boolean output,
    @JsonInclude(Include.NON_DEFAULT) boolean optional,
    @JsonInclude(value = Include.CUSTOM, valueFilter = OmitDefaultRetry.class) RetrySettings retry,
    Duration timeout,
    @JsonInclude(Include.NON_NULL) Partitioning partition) {
  public PlannedArtifact {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(producer, "producer");
    Objects.requireNonNull(outputSchema, "outputSchema");
    retry = retry == null ? RetrySettings.DEFAULT : retry;
    Objects.requireNonNull(timeout, "timeout");
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
    inputSchemas = inputSchemas == null ? List.of() : List.copyOf(inputSchemas);
    if (inputs.size() != inputSchemas.size()) {
      throw new IllegalArgumentException("inputs and inputSchemas differ in length for " + id);
    }
  }

  /** A whole artifact, not partitioned. */
  public PlannedArtifact(
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
    this(
        id,
        name,
        description,
        producer,
        inputs,
        inputSchemas,
        outputSchema,
        output,
        optional,
        retry,
        timeout,
        null);
  }

  /** This artifact cut as {@code partitioning} says. */
  public PlannedArtifact partitioned(Partitioning partitioning) {
    return new PlannedArtifact(
        id,
        name,
        description,
        producer,
        inputs,
        inputSchemas,
        outputSchema,
        output,
        optional,
        retry,
        timeout,
        partitioning);
  }

  /** Jackson value filter: true (leave out) for the default retry policy. */
  public static final class OmitDefaultRetry {
    @Override
    public boolean equals(Object value) {
      return RetrySettings.DEFAULT.equals(value);
    }

    @Override
    public int hashCode() {
      return RetrySettings.DEFAULT.hashCode();
    }
  }
}
