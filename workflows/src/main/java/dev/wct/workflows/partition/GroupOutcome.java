package dev.wct.workflows.partition;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.wct.workflows.producer.Produced;
import java.util.Objects;

/**
 * How one artifact of a group ended: sealed ({@code produced}) or failed ({@code error}).
 *
 * @param partitions partitions listed
 * @param partitionsDone partitions produced
 */
public record GroupOutcome(
    String artifactId,
    @JsonInclude(JsonInclude.Include.NON_NULL) Produced produced,
    @JsonInclude(JsonInclude.Include.NON_NULL) String error,
    @JsonInclude(JsonInclude.Include.NON_NULL) String errorKind,
    int attempts,
    int partitions,
    int partitionsDone) {
  public GroupOutcome {
    Objects.requireNonNull(artifactId, "artifactId");
  }
}
