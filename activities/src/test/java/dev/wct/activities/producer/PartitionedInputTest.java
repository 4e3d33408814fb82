package dev.wct.activities.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.core.message.MessageWriter;
import dev.wct.core.plan.PartitionIds;
import dev.wct.core.run.ArtifactRef;
import dev.wct.core.run.PartitionManifest;
import dev.wct.spi.error.WctException;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.ContentReader;
import dev.wct.spi.message.MessageHeader;
import dev.wct.spi.message.SchemaRef;
import dev.wct.store.StoredArtifact;
import dev.wct.store.memory.InMemoryArtifactStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A whole-input consumer reads a partitioned input as one message, each partition checked. */
class PartitionedInputTest {
  private static final SchemaRef SCHEMA = SchemaRef.of("standard_input");

  private final InMemoryArtifactStore store = new InMemoryArtifactStore();

  private PartitionManifest.Part partition(int index, String... contents) {
    String id = PartitionIds.of("files", index);
    StoredArtifact stored =
        store.save(
            "r1",
            id,
            out -> {
              MessageWriter writer =
                  MessageWriter.open(
                      Json.mapper(),
                      out,
                      new MessageHeader(id, SCHEMA, "r1", "connector:test", "2026-12-01", null));
              for (String content : contents) {
                writer.item(Json.mapper().createObjectNode().put("content", content));
              }
              writer.close();
            });
    return new PartitionManifest.Part(id, stored.sizeBytes(), stored.sha256());
  }

  private ArtifactRef manifest(List<PartitionManifest.Part> parts) {
    PartitionManifest manifest =
        new PartitionManifest("files", "r1", SCHEMA, parts.size(), 3, 0, parts);
    StoredArtifact stored =
        store.save("r1", "files", out -> Json.mapper().writeValue(out, manifest));
    return new ArtifactRef(
        "r1", "files", stored.key(), SCHEMA, stored.sizeBytes(), stored.sha256(), 3);
  }

  private static List<String> contents(ContentReader reader) {
    List<String> contents = new ArrayList<>();
    for (var it = reader.items(); it.hasNext(); ) {
      JsonNode item = it.next();
      contents.add(item.path("content").asText());
    }
    return contents;
  }

  @Test
  void thePartitionsReadAsOneMessageInPartitionOrder() {
    ArtifactRef ref = manifest(List.of(partition(0, "a", "b"), partition(1), partition(2, "c")));

    try (InputArtifacts inputs = InputArtifacts.open(store, Json.mapper(), List.of(ref))) {
      assertThat(contents(inputs.readers().get(0))).containsExactly("a", "b", "c");
      // named as the artifact, as when whole: analysers name places by the input's id
      assertThat(inputs.readers().get(0).header().id()).isEqualTo("files");
      inputs.verify();
    }
  }

  @Test
  void aPartitionWhoseBytesDifferFromTheManifestIsRefused() {
    PartitionManifest.Part stored = partition(0, "a");
    PartitionManifest.Part claimed =
        new PartitionManifest.Part(stored.id(), stored.sizeBytes(), "0".repeat(64));
    ArtifactRef ref = manifest(List.of(claimed));

    try (InputArtifacts inputs = InputArtifacts.open(store, Json.mapper(), List.of(ref))) {
      assertThatThrownBy(inputs::verify)
          .isInstanceOf(WctException.class)
          .hasMessageContaining("files~p000000")
          .hasMessageContaining("does not match its checksum");
    }
  }
}
