package dev.wct.store.fs;

import dev.wct.store.ArtifactStore;
import dev.wct.store.ArtifactStoreProvider;
import dev.wct.store.ArtifactStores;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens a folder path (or a {@code file://} URI) as a {@link FileSystemArtifactStore}, with the
 * {@link SyncPolicy} of setting {@link ArtifactStores#FOLDER_SYNC}.
 */
public final class FolderStoreProvider implements ArtifactStoreProvider {
  @Override
  public String scheme() {
    return ArtifactStores.FOLDER_SCHEME;
  }

  @Override
  public ArtifactStore open(String location, Map<String, String> settings) {
    Path folder =
        location.regionMatches(true, 0, "file://", 0, "file://".length())
            ? Path.of(URI.create(location))
            : Path.of(location);
    String sync = settings.get(ArtifactStores.FOLDER_SYNC);
    SyncPolicy policy;
    try {
      policy = sync == null || sync.isBlank() ? SyncPolicy.PER_ARTIFACT : SyncPolicy.of(sync);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(ArtifactStores.FOLDER_SYNC + ": " + e.getMessage(), e);
    }
    return new FileSystemArtifactStore(folder, policy);
  }
}
