package dev.wct.spi.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * The envelope of a stored artifact message, everything but its content.
 *
 * @param id the artifact id
 * @param schema the schema the content follows
 * @param runId the run that produced it
 * @param source the producer, e.g. {@code connector:mysql} or {@code analyser:personal_data}
 * @param timestamp ISO-8601 instant of production
 * @param execution producer details (attempt, duration); may be null
 */
public record MessageHeader(
    String id,
    SchemaRef schema,
    String runId,
    String source,
    String timestamp,
    JsonNode execution) {
  public MessageHeader {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(timestamp, "timestamp");
  }
}
