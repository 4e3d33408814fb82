package dev.wct.cli.report.suppression;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.spi.json.Json;
import dev.wct.store.ArtifactStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The suppressions a run applied, kept as a run record ({@value #RECORD}) when the run starts, so
 * that reports of an old run stay what they were whatever happens to the file later.
 *
 * @param source the file the runbook named
 * @param entries its suppressions
 */
public record RunSuppressions(String source, List<Suppression> entries) {
  public static final String RECORD = "suppressions.json";
  public static final RunSuppressions NONE = new RunSuppressions(null, List.of());

  public RunSuppressions {
    entries = List.copyOf(entries);
  }

  public void save(ArtifactStore store, String runId) {
    ObjectNode json = Json.mapper().createObjectNode();
    json.put("source", source);
    ArrayNode list = json.putArray("suppressions");
    for (Suppression entry : entries) {
      ObjectNode item = list.addObject().put("id", entry.id());
      if (entry.artifact() != null) {
        item.put("artifact", entry.artifact());
      }
      item.put("who", entry.who()).put("when", entry.when()).put("why", entry.why());
      if (entry.fingerprint() != null) {
        item.put("fingerprint", entry.fingerprint());
      }
    }
    try {
      store.saveRecord(
          runId,
          RECORD,
          Json.mapper()
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(json)
              .getBytes(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the run recorded; {@link #NONE} when its runbook named no suppressions. */
  public static RunSuppressions load(ArtifactStore store, String runId) {
    Optional<byte[]> bytes = store.readRecord(runId, RECORD);
    if (bytes.isEmpty()) {
      return NONE;
    }
    try {
      JsonNode json = Json.mapper().readTree(bytes.get());
      List<Suppression> entries = new ArrayList<>();
      for (JsonNode item : json.path("suppressions")) {
        entries.add(
            new Suppression(
                item.path("id").asText(),
                item.hasNonNull("artifact") ? item.get("artifact").asText() : null,
                item.path("who").asText(),
                item.path("when").asText(),
                item.path("why").asText(),
                item.hasNonNull("fingerprint") ? item.get("fingerprint").asText() : null));
      }
      return new RunSuppressions(json.path("source").asText(null), entries);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable suppressions record of run " + runId, e);
    }
  }

  /** The suppression naming a finding, if any (the first, as the file lists them). */
  public Optional<Suppression> naming(String artifactId, String findingId) {
    return entries.stream().filter(s -> s.names(artifactId, findingId)).findFirst();
  }
}
