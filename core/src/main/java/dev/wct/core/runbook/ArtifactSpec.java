package dev.wct.core.runbook;

import dev.wct.spi.message.SchemaRef;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One artifact as the runbook declares it. Exactly one of {@code source}, {@code inputs} (non
 * empty) and {@code reuse} is set in a valid runbook; the parser reports any other combination.
 *
 * @param outputSchema the {@code output_schema} override, or null
 * @param timeout the per-attempt override, or null
 * @param retry the retry override, or null
 * @param partition the {@code partition} settings of a source, or null
 */
public record ArtifactSpec(
    String id,
    String name,
    String description,
    String contact,
    ComponentSpec source,
    List<String> inputs,
    ComponentSpec process,
    ReuseSpec reuse,
    ChildRunbookSpec childRunbook,
    boolean output,
    boolean optional,
    SchemaRef outputSchema,
    Duration timeout,
    RetrySpec retry,
    PartitionSpec partition) {
  public ArtifactSpec {
    Objects.requireNonNull(id, "id");
    inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
  }

  public boolean isSource() {
    return source != null;
  }

  public boolean isReuse() {
    return source == null && reuse != null;
  }

  public boolean isDerived() {
    return source == null && reuse == null && !inputs.isEmpty();
  }
}
