package dev.wct.testkit.archives;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Archives for tests, written by the {@code zip}, {@code tar} and {@code gzip} command-line tools
 * when they are installed (the archives users have), else by the JDK's zip writer and Commons
 * Compress. Entries are files under {@code dir}, named by their path relative to it.
 */
public final class Archives {
  private Archives() {}

  /** Whether the command-line tool {@code name} is on the {@code PATH}. */
  public static boolean hasTool(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String folder : path.split(java.io.File.pathSeparator)) {
      if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, name))) {
        return true;
      }
    }
    return false;
  }

  /** Writes the zip {@code archive} of {@code entries} (paths relative to {@code dir}). */
  public static Path zip(Path archive, Path dir, String... entries) throws IOException {
    Files.createDirectories(archive.toAbsolutePath().getParent());
    if (hasTool("zip")) {
      List<String> command = new ArrayList<>(List.of("zip", "-q", "-X", archive.toString()));
      command.addAll(List.of(entries));
      run(dir, command);
      return archive;
    }
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
      for (String entry : entries) {
        zip.putNextEntry(new ZipEntry(entry));
        Files.copy(dir.resolve(entry), zip);
        zip.closeEntry();
      }
    }
    return archive;
  }

  /**
   * Adds {@code entries} to the zip {@code archive}, encrypted with {@code password} (ZipCrypto) by
   * the {@code zip} tool; false when the tool is missing (no Java writer encrypts).
   */
  public static boolean encryptedZip(Path archive, Path dir, String password, String... entries)
      throws IOException {
    if (!hasTool("zip")) {
      return false;
    }
    List<String> command = new ArrayList<>(List.of("zip", "-q", "-X", "-P", password));
    command.add(archive.toString());
    command.addAll(List.of(entries));
    run(dir, command);
    return true;
  }

  /** Writes the tar {@code archive}, gzipped when its name ends in {@code .gz} or {@code .tgz}. */
  public static Path tar(Path archive, Path dir, String... entries) throws IOException {
    Files.createDirectories(archive.toAbsolutePath().getParent());
    String name = archive.getFileName().toString();
    boolean gzip = name.endsWith(".gz") || name.endsWith(".tgz");
    if (hasTool("tar") && (!gzip || hasTool("gzip"))) {
      List<String> command =
          new ArrayList<>(List.of("tar", gzip ? "-czf" : "-cf", archive.toString()));
      command.addAll(List.of(entries));
      run(dir, command);
      return archive;
    }
    try (OutputStream file = Files.newOutputStream(archive);
        OutputStream out = gzip ? new GzipCompressorOutputStream(file) : file;
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (String entry : entries) {
        Path source = dir.resolve(entry);
        tar.putArchiveEntry(new TarArchiveEntry(source, entry));
        Files.copy(source, tar);
        tar.closeArchiveEntry();
      }
    }
    return archive;
  }

  /** Gzips {@code file} into {@code file.gz} next to it, keeping {@code file}. */
  public static Path gzip(Path file) throws IOException {
    Path archive = file.resolveSibling(file.getFileName() + ".gz");
    if (hasTool("gzip")) {
      run(file.toAbsolutePath().getParent(), List.of("gzip", "-k", "-f", file.toString()));
      return archive;
    }
    try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(archive));
        InputStream in = Files.newInputStream(file)) {
      in.transferTo(out);
    }
    return archive;
  }

  private static void run(Path dir, List<String> command) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException("failed: " + String.join(" ", command));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", command), e);
    }
  }
}
