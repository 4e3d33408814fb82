package dev.wct.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wct.store.fs.FileSystemArtifactStore;
import dev.wct.store.memory.InMemoryArtifactStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store is opened by its location, with the provider of the location's scheme. */
class ArtifactStoresTest {
  @Test
  void aFolderPathOpensAFolderStoreFoundOnTheClassPath(@TempDir Path dir) throws Exception {
    try (ArtifactStore store = ArtifactStores.open(dir.toString())) {
      assertThat(store).isInstanceOf(FileSystemArtifactStore.class);
      store.saveRecord("r-1", "run.json", "{}".getBytes(UTF_8));
    }

    assertThat(Files.readString(dir.resolve("runs/r-1/_system/run.json"))).isEqualTo("{}");
  }

  @Test
  void aFileUriOpensTheSameFolder(@TempDir Path dir) {
    try (ArtifactStore store = ArtifactStores.open(dir.toUri().toString())) {
      assertThat(store.recordLocation("r-1", "run.json"))
          .isEqualTo(dir.resolve("runs/r-1/_system/run.json").toString());
    }
  }

  @Test
  void anUnknownSchemeIsOneErrorNamingTheKnownSchemes() {
    assertThatThrownBy(() -> ArtifactStores.open("gs://bucket/prefix"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown store scheme 'gs' in 'gs://bucket/prefix': known schemes are file"
                + " (file is a folder path)");
  }

  @Test
  void theProviderOfTheSchemeGetsTheLocationAndTheSettings() {
    InMemoryArtifactStore memory = new InMemoryArtifactStore();
    Map<String, String>[] given = new Map[1];
    ArtifactStoreProvider mem =
        new ArtifactStoreProvider() {
          @Override
          public String scheme() {
            return "mem";
          }

          @Override
          public ArtifactStore open(String location, Map<String, String> settings) {
            assertThat(location).isEqualTo("MEM://x");
            given[0] = settings;
            return memory;
          }
        };

    ArtifactStore opened =
        ArtifactStores.open("MEM://x", Map.of(ArtifactStores.S3_REGION, "eu"), List.of(mem));

    assertThat(opened).isSameAs(memory);
    assertThat(given[0]).containsEntry(ArtifactStores.S3_REGION, "eu");
    assertThatThrownBy(() -> ArtifactStores.open("s3://b", Map.of(), List.of(mem)))
        .hasMessageContaining("known schemes are mem (file is a folder path)");
  }

  @Test
  void anEmptyLocationIsRefused() {
    assertThatThrownBy(() -> ArtifactStores.open(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("store location must not be empty");
  }
}
