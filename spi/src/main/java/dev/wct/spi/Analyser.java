package dev.wct.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.spi.message.ContentReader;
import dev.wct.spi.message.ContentWriter;
import dev.wct.spi.message.SchemaRef;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Produces a derived artifact from one or more input artifacts. Discovered with {@link
 * java.util.ServiceLoader}; stateless, thread-safe, public no-argument constructor.
 */
public interface Analyser extends Component {
  /**
   * The input schemas accepted, as alternatives: a list of inputs is accepted when the schemas of
   * all inputs belong to one alternative.
   */
  List<Set<SchemaRef>> acceptedInputs();

  /**
   * Reads the inputs (each streamed once, in runbook order) and writes the result.
   *
   * @param properties the runbook properties, placeholders already resolved, defaults not applied
   */
  void analyse(
      ProducerContext context, JsonNode properties, List<ContentReader> inputs, ContentWriter out)
      throws Exception;

  /**
   * True if the analyser works item by item: its items for a concatenation of inputs are the
   * concatenation of its items for each part. Such an analyser runs on each partition of a
   * partitioned input as soon as that partition exists; others read the whole input.
   */
  default boolean perItem() {
    return false;
  }

  /**
   * True if {@link #mergePartitions} merges the findings of a place that spans partitions (a column
   * of a table cut by rows) into that place's findings of a whole run: such an analyser also runs
   * per partition of an input cut by rows, others read that input whole.
   */
  default boolean mergesSplitPlaces() {
    return false;
  }

  /**
   * Writes the output for the whole input from the outputs written for its partitions (each by
   * {@link #analyse} with {@link ProducerContext#producesPartition()} true), when the run seals a
   * per-item analyser. The default concatenates them: the items in partition order, trailer numbers
   * such as summary counts summed ({@link PartitionOutputs#concatenate}). An analyser whose
   * findings are per place (a column, a file) merges them here, one finding per place as a whole
   * run gives.
   *
   * @param context the seal's context: no coverage to record, the partitions' is merged already
   * @param properties the runbook properties, as for {@link #analyse}
   */
  default void mergePartitions(
      ProducerContext context, JsonNode properties, PartitionOutputs partitions, ContentWriter out)
      throws Exception {
    partitions.concatenate(out);
  }

  /** True if an input list with these schemas is accepted. */
  default boolean accepts(List<SchemaRef> inputSchemas) {
    return acceptedInputs().stream().anyMatch(alternative -> alternative.containsAll(inputSchemas));
  }

  /**
   * How reports present the findings this analyser writes in {@code output}, one of its {@link
   * #outputSchemas()}; empty when its output is not findings (the default).
   */
  default Optional<FindingsPresentation> presentation(SchemaRef output) {
    return Optional.empty();
  }
}
