package dev.wct.cli.runs;

import dev.wct.store.ArtifactStore;
import dev.wct.store.fs.FileSystemArtifactStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --store DIR} option of the commands that read or write runs. */
public final class StoreOptions {
  @Option(
      names = "--store",
      paramLabel = "DIR",
      defaultValue = "${env:WCT_STORE:-.wct}",
      description = "Store directory (default: $WCT_STORE, else .wct).")
  private Path directory;

  public Path directory() {
    return directory == null ? Path.of(".wct") : directory;
  }

  /** The store, opened on the file system. */
  public ArtifactStore open() {
    return new FileSystemArtifactStore(directory());
  }

  /** The store as error messages name it. */
  public String displayName() {
    return directory().toString();
  }
}
