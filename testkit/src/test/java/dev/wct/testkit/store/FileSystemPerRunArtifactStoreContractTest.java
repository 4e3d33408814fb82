package dev.wct.testkit.store;

import dev.wct.store.ArtifactStore;
import dev.wct.store.fs.FileSystemArtifactStore;
import dev.wct.store.fs.SyncPolicy;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The folder store that syncs once per run keeps the whole contract. */
class FileSystemPerRunArtifactStoreContractTest extends ArtifactStoreContract {
  @TempDir Path root;

  @Override
  protected ArtifactStore newStore() {
    return new FileSystemArtifactStore(root.resolve(".wct"), SyncPolicy.PER_RUN);
  }
}
