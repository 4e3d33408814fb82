package dev.wct.testkit.store;

import dev.wct.store.ArtifactStore;
import dev.wct.store.memory.InMemoryArtifactStore;

class InMemoryArtifactStoreTest extends ArtifactStoreContract {
  @Override
  protected ArtifactStore newStore() {
    return new InMemoryArtifactStore();
  }
}
