package dev.wct.cli.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files the command line writes with results (results documents, exports, artifact copies):
 * findings about personal data, so readable by their owner only (0600) where the file system has
 * POSIX permissions; elsewhere the platform defaults apply.
 */
public final class PrivateFiles {
  private PrivateFiles() {}

  /** Creates {@code file} afresh (replacing a leftover) and opens it for writing. */
  public static OutputStream newOutputStream(Path file) throws IOException {
    Files.deleteIfExists(file);
    return Files.newOutputStream(
        Files.createFile(file, attributes(file, "rw-------")), StandardOpenOption.WRITE);
  }

  /** Creates {@code file} (0600) unless it exists, with its missing parents (0700). */
  public static void createIfMissing(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      createDirectories(parent);
    }
    if (!Files.exists(file)) {
      try {
        Files.createFile(file, attributes(file, "rw-------"));
      } catch (java.nio.file.FileAlreadyExistsException raced) {
        // another process created it first; it keeps the permissions it was created with
      }
    }
  }

  /** Creates {@code directory} and its missing parents, open to their owner only (0700). */
  public static void createDirectories(Path directory) throws IOException {
    Files.createDirectories(directory, attributes(directory, "rwx------"));
  }

  private static FileAttribute<?>[] attributes(Path path, String permissions) {
    if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
    };
  }
}
