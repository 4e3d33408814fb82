package dev.wct.store.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The folders a store has made or found, so that a write into one of them does not ask the file
 * system again (a failing {@code mkdir}, a {@code stat} and an exception per write). A folder
 * removed behind the store's back (a run deleted by another process) is noticed when a temp file
 * cannot be created in it, and made again.
 */
final class KnownFolders {
  /**
   * A long-lived worker writes into new run folders for ever: past this many, the set starts again
   * (forgetting a folder costs one {@code mkdir}), so it does not grow with the runs.
   */
  static final int LIMIT = 4096;

  private final Set<Path> known = ConcurrentHashMap.newKeySet();

  /** {@link DurableFiles#createTemp}, making the temp file's folder first if it is not known. */
  FileChannel createTemp(Path temp) throws IOException {
    Path folder = temp.getParent();
    if (known.contains(folder)) {
      try {
        return DurableFiles.createTemp(temp);
      } catch (NoSuchFileException removed) {
        known.remove(folder);
      }
    }
    make(folder);
    return DurableFiles.createTemp(temp);
  }

  /** Creates the folder and its missing parents (owner only) unless it is known. */
  void make(Path folder) throws IOException {
    if (!known.contains(folder)) {
      DurableFiles.createPrivateDirectories(folder);
      if (known.size() >= LIMIT) {
        known.clear();
      }
      known.add(folder);
    }
  }

  int size() {
    return known.size();
  }

  /** Forgets {@code folder} and everything under it: it is being deleted. */
  void forgetUnder(Path folder) {
    known.removeIf(path -> path.startsWith(folder));
  }
}
