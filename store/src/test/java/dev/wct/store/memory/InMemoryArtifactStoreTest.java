package dev.wct.store.memory;

import dev.wct.store.ArtifactStore;
import dev.wct.store.ArtifactStoreContract;

class InMemoryArtifactStoreTest extends ArtifactStoreContract {
  @Override
  protected ArtifactStore newStore() {
    return new InMemoryArtifactStore();
  }
}
