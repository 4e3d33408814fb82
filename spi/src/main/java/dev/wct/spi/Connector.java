package dev.wct.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.spi.message.ContentWriter;

/**
 * Produces a source artifact from outside data. Implementations are discovered with {@link
 * java.util.ServiceLoader}, must be stateless and thread-safe, and have a public no-argument
 * constructor.
 */
public interface Connector extends Component {
  /**
   * Reads the source and writes the content of the artifact.
   *
   * @param properties the runbook properties, placeholders already resolved, defaults not applied
   * @throws dev.wct.spi.error.WctException for errors with a user-facing message and a kind
   */
  void extract(ProducerContext context, JsonNode properties, ContentWriter out) throws Exception;
}
