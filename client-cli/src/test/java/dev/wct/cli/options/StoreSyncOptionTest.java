package dev.wct.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wct.spi.error.WctException;
import dev.wct.store.ArtifactStore;
import dev.wct.store.ArtifactStores;
import dev.wct.store.fs.FileSystemArtifactStore;
import dev.wct.store.fs.SyncPolicy;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code --store-sync}: per run on the embedded service, per artifact on a cluster. */
class StoreSyncOptionTest {
  @Command(name = "test")
  static final class Holder {
    @Mixin StoreOptions store;
    @Mixin StoreSyncOption sync;
  }

  private static Holder parse(String... args) {
    Holder holder = new Holder();
    new CommandLine(holder).parseArgs(args);
    return holder;
  }

  @Test
  void anEmbeddedRunSyncsPerRunAndAClusterRunPerArtifactByDefault() {
    Holder given = parse();

    assertThat(given.sync.settings(false)).isEqualTo(Map.of(ArtifactStores.FOLDER_SYNC, "per-run"));
    assertThat(given.sync.settings(true))
        .isEqualTo(Map.of(ArtifactStores.FOLDER_SYNC, "per-artifact"));
  }

  @Test
  void theOptionOpensTheFolderStoreWithThePolicyGiven(@TempDir Path dir) {
    Holder given = parse("--store", dir.toString(), "--store-sync", "per-artifact");

    try (ArtifactStore opened = given.store.open(given.sync.settings(false))) {
      assertThat(((FileSystemArtifactStore) opened).syncPolicy())
          .isEqualTo(SyncPolicy.PER_ARTIFACT);
    }
  }

  @Test
  void perRunIsRefusedForAClusterAndUnknownPoliciesByName() {
    assertThatThrownBy(() -> parse("--store-sync", "per-run").sync.settings(true))
        .isInstanceOf(WctException.class)
        .hasMessageStartingWith("--store-sync per-run needs the embedded service");
    assertThatThrownBy(() -> parse("--store-sync", "never").sync.settings(false))
        .isInstanceOf(WctException.class)
        .hasMessage("--store-sync: must be per-artifact or per-run, not 'never'");
  }
}
