package dev.wct.store.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Crash-safe file primitives: unique temp files beside their target, fsync, publish-once and atomic
 * replace. A temp file is named {@code .{target}.{process token}-{counter}.tmp}, so listings that
 * skip names starting with '.' never see one.
 */
final class DurableFiles {
  static final String TEMP_SUFFIX = ".tmp";

  /**
   * Random once per process, then a counter: unique temp names without asking the secure random
   * generator (a lock and a read of {@code /dev/urandom}) on every write. A clash with another
   * process's name fails the exclusive creation; it never shares a file.
   */
  private static final String PROCESS_TOKEN = UUID.randomUUID().toString();

  private static final AtomicLong TEMP_COUNTER = new AtomicLong();

  /** Artifacts and records are copies of scanned data or findings about it: owner only. */
  static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");

  static final Set<PosixFilePermission> PRIVATE_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");

  private DurableFiles() {}

  static Path tempFileFor(Path target) {
    return target.resolveSibling(
        "."
            + target.getFileName()
            + "."
            + PROCESS_TOKEN
            + "-"
            + TEMP_COUNTER.incrementAndGet()
            + TEMP_SUFFIX);
  }

  static boolean isTempFile(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(".") && name.endsWith(TEMP_SUFFIX);
  }

  /**
   * Opens a new temp file for writing, readable by its owner only (0600); the caller forces and
   * closes it. A hard link or rename keeps the permissions, so the published file is private too.
   */
  static FileChannel createTemp(Path temp) throws IOException {
    return FileChannel.open(
        temp,
        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
        privateAttributes(temp, PRIVATE_FILE));
  }

  /**
   * Creates {@code directory} and its missing parents, each readable by its owner only (0700).
   * Directories that exist already are left as they are.
   */
  static void createPrivateDirectories(Path directory) throws IOException {
    Files.createDirectories(directory, privateAttributes(directory, PRIVATE_DIRECTORY));
  }

  /**
   * The POSIX permissions as a creation attribute, or none where the file system has no POSIX
   * attributes (Windows): there the platform's defaults apply.
   */
  static FileAttribute<?>[] privateAttributes(Path path, Set<PosixFilePermission> permissions) {
    if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
  }

  /**
   * Makes a complete, synced temp file visible under {@code target} unless something is there
   * already. A hard link fails atomically if the target exists; where links are not supported, a
   * move without replace is the fallback (its existence check is not atomic).
   *
   * @return true if this call published the file, false if the target already existed
   */
  static boolean publishOnce(Path temp, Path target) throws IOException {
    return publishOnce(temp, target, true);
  }

  /**
   * {@link #publishOnce(Path, Path)}, syncing the target's directory only if {@code durable}: else
   * a machine crash may lose the new name (a process crash cannot).
   */
  static boolean publishOnce(Path temp, Path target, boolean durable) throws IOException {
    try {
      try {
        Files.createLink(target, temp);
        unlink(temp);
      } catch (UnsupportedOperationException e) {
        Files.move(temp, target);
      }
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(temp);
      return false;
    }
    if (durable) {
      syncDirectory(target.getParent());
    }
    return true;
  }

  /** Writes {@code bytes} to {@code target}, replacing what is there in one atomic, synced step. */
  static void replace(Path target, byte[] bytes) throws IOException {
    replace(target, bytes, true);
  }

  /**
   * Writes {@code bytes} to {@code target}, replacing what is there in one atomic step; without
   * {@code durable}, a crash may lose or truncate the new content (for self-checking files only).
   */
  static void replace(Path target, byte[] bytes, boolean durable) throws IOException {
    replace(null, target, bytes, durable);
  }

  /**
   * {@link #replace(Path, byte[], boolean)}, creating the target's folder first if {@code folders}
   * is given and does not know it.
   */
  static void replace(KnownFolders folders, Path target, byte[] bytes, boolean durable)
      throws IOException {
    Path temp = tempFileFor(target);
    boolean moved = false;
    try {
      writeTemp(folders, temp, bytes, durable);
      moveReplacing(temp, target);
      moved = true;
      if (durable) {
        syncDirectory(target.getParent());
      }
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /** Writes {@code bytes} to a new temp file, synced if {@code durable}. */
  static void writeTemp(Path temp, byte[] bytes, boolean durable) throws IOException {
    writeTemp(null, temp, bytes, durable);
  }

  /**
   * {@link #writeTemp(Path, byte[], boolean)}, creating the temp file's folder first if {@code
   * folders} is given and does not know it.
   */
  static void writeTemp(KnownFolders folders, Path temp, byte[] bytes, boolean durable)
      throws IOException {
    try (FileChannel channel = folders == null ? createTemp(temp) : folders.createTemp(temp)) {
      java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      if (durable) {
        channel.force(true);
      }
    }
  }

  /**
   * Removes a file with one system call ({@link Files#delete} first asks whether it is a folder).
   */
  static void unlink(Path file) throws IOException {
    if (!file.toFile().delete()) {
      Files.deleteIfExists(file);
    }
  }

  /** Renames a complete temp file over {@code target} in one atomic step where possible. */
  static void moveReplacing(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Syncs a closed file's content, for a sync on another thread than the writer's. */
  static void forceUnchecked(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Syncs a closed file's content if the file is still there. */
  static void forceIfExists(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    } catch (java.nio.file.NoSuchFileException gone) {
      // deleted since it was written (a raw source deleted at the end of its run): nothing to keep
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Makes a rename durable where the platform allows syncing a directory (not on Windows). */
  static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Best effort: some platforms cannot open or sync a directory; the data file is synced.
    }
  }
}
