package dev.wct.connectors.filesystem;

import dev.wct.spi.coverage.Coverage;
import dev.wct.spi.coverage.SkipReason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The files a filesystem scan will read: walked, filtered by the patterns, sorted by relative path
 * so that every run reads the same files in the same order, then cut to {@code max_files} text
 * files.
 */
record FileScan(
    List<Candidate> selected,
    int filesMatched,
    int binarySkipped,
    int largeSkipped,
    int unreadableSkipped,
    int overLimit) {
  /** How many leading bytes are searched for a NUL, the mark of a binary file. */
  static final int SNIFF_BYTES = 8192;

  FileScan {
    selected = List.copyOf(Objects.requireNonNull(selected, "selected"));
  }

  /**
   * A file chosen for reading. {@code relativePath} uses {@code /} on every platform; {@code
   * document} is true for a file read through {@link DocumentExtractor}.
   */
  record Candidate(Path file, String relativePath, long size, Instant modified, boolean document) {
    Candidate {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(relativePath, "relativePath");
      Objects.requireNonNull(modified, "modified");
    }
  }

  /** Selects the files to read, recording in {@code coverage} each file it leaves out and why. */
  static FileScan of(FilesystemOptions options, Coverage coverage) throws IOException {
    Path root = options.path();
    List<Candidate> matched = new ArrayList<>();
    int[] unreadable = {0};
    if (Files.isRegularFile(root)) {
      BasicFileAttributes attributes = Files.readAttributes(root, BasicFileAttributes.class);
      matched.add(candidate(root, root.getFileName().toString(), attributes));
    } else {
      PathPatterns include = PathPatterns.of(options.includePatterns());
      PathPatterns exclude = PathPatterns.of(options.excludePatterns());
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
              Path relative = root.relativize(dir);
              if (!dir.equals(root) && exclude.matchesFolder(relative)) {
                coverage.skipped(slashed(relative) + "/", SkipReason.EXCLUDED);
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              Path relative = root.relativize(file);
              if (attributes.isRegularFile()) {
                if ((include.isEmpty() || include.matchesFile(relative))
                    && !exclude.matchesFile(relative)) {
                  matched.add(candidate(file, slashed(relative), attributes));
                } else {
                  coverage.skipped(slashed(relative), SkipReason.EXCLUDED);
                }
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
              if (file.equals(root)) {
                throw e;
              }
              unreadable[0]++;
              coverage.skipped(
                  slashed(root.relativize(file)),
                  e instanceof AccessDeniedException
                      ? SkipReason.NO_PERMISSION
                      : SkipReason.UNREADABLE);
              return FileVisitResult.CONTINUE;
            }
          });
      matched.sort(Comparator.comparing(Candidate::relativePath));
    }
    return select(options, matched, unreadable[0], coverage);
  }

  private static FileScan select(
      FilesystemOptions options, List<Candidate> matched, int unreadable, Coverage coverage)
      throws IOException {
    List<Candidate> selected = new ArrayList<>();
    int binary = 0;
    int large = 0;
    int overLimit = 0;
    for (Candidate candidate : matched) {
      String name = candidate.relativePath();
      if (selected.size() >= options.maxFiles()) {
        overLimit++;
        coverage.skipped(name, SkipReason.BEYOND_MAX_FILES);
      } else if (ArchiveEntries.isArchive(name)) {
        // Bounded by the archive limits, entry by entry, not by its size on disk.
        if (options.archives().maxDepth() > 0) {
          selected.add(candidate);
        } else {
          coverage.skipped(name, SkipReason.EXCLUDED);
        }
      } else if (candidate.size()
          > options.maxFileSize(ChunkedFiles.streams(name, candidate.document()))) {
        large++;
        coverage.skipped(name, SkipReason.TOO_LARGE);
      } else if (candidate.document()) {
        selected.add(candidate);
      } else {
        switch (sniff(candidate.file())) {
          case TEXT -> selected.add(candidate);
          case BINARY -> {
            binary++;
            coverage.skipped(name, SkipReason.BINARY);
          }
          case UNREADABLE -> {
            unreadable++;
            coverage.skipped(name, SkipReason.UNREADABLE);
          }
          case NO_PERMISSION -> {
            unreadable++;
            coverage.skipped(name, SkipReason.NO_PERMISSION);
          }
        }
      }
    }
    return new FileScan(selected, matched.size(), binary, large, unreadable, overLimit);
  }

  private enum Sniff {
    TEXT,
    BINARY,
    UNREADABLE,
    NO_PERMISSION
  }

  /** A NUL byte in the first {@link #SNIFF_BYTES} bytes marks a binary file. */
  static boolean looksBinary(byte[] bytes) {
    int end = Math.min(bytes.length, SNIFF_BYTES);
    for (int i = 0; i < end; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private static Sniff sniff(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return looksBinary(in.readNBytes(SNIFF_BYTES)) ? Sniff.BINARY : Sniff.TEXT;
    } catch (AccessDeniedException e) {
      return Sniff.NO_PERMISSION;
    } catch (IOException e) {
      return Sniff.UNREADABLE;
    }
  }

  private static Candidate candidate(Path file, String relative, BasicFileAttributes attributes) {
    return new Candidate(
        file,
        relative,
        attributes.size(),
        attributes.lastModifiedTime().toInstant(),
        DocumentExtractor.isDocument(relative));
  }

  private static String slashed(Path relative) {
    StringBuilder text = new StringBuilder();
    for (Path part : relative) {
      if (text.length() > 0) {
        text.append('/');
      }
      text.append(part);
    }
    return text.toString();
  }
}
