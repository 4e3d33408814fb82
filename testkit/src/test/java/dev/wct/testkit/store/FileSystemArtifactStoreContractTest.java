package dev.wct.testkit.store;

import dev.wct.store.fs.FileSystemArtifactStore;
import dev.wct.store.ArtifactStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FileSystemArtifactStoreContractTest extends ArtifactStoreContract {
  @TempDir Path root;

  @Override
  protected ArtifactStore newStore() {
    return new FileSystemArtifactStore(root.resolve(".wct"));
  }
}
