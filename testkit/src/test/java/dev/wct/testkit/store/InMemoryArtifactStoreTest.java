package dev.wct.testkit.store;

import dev.wct.store.memory.InMemoryArtifactStore;
import dev.wct.store.ArtifactStore;

class InMemoryArtifactStoreTest extends ArtifactStoreContract {
  @Override
  protected ArtifactStore newStore() {
    return new InMemoryArtifactStore();
  }
}
