package dev.wct.connectors.filesystem;

import dev.wct.spi.coverage.Coverage;
import dev.wct.spi.coverage.SkipReason;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Opens an archive on disk ({@code .zip}, {@code .tar}, {@code .tar.gz}/{@code .tgz}, a single
 * {@code .gz} file) through Apache Commons Compress and hands each file in it to a {@link Sink},
 * archives inside it opened in turn down to {@link ArchiveLimits#maxDepth()}. An entry is named by
 * the archives holding it and its path in the innermost one, {@code backup.zip!/customers/x.csv},
 * {@code a.tar.gz!/b.zip!/c.txt}; a {@code .gz} file's one entry is its name without {@code .gz}.
 *
 * <p>Nothing is written to disk. An entry is held in memory up to {@code maxEntryBytes} (the
 * connector's {@code max_file_size}), an archive inside an archive too. Every entry not handed on
 * is recorded in the coverage with its reason: a directory or link is no object; an encrypted entry
 * is {@link SkipReason#ENCRYPTED}, one whose compression method is not supported {@link
 * SkipReason#UNSUPPORTED_FORMAT}, one over {@code maxEntryBytes} {@link SkipReason#TOO_LARGE}, one
 * expanding past the compression ratio {@link SkipReason#TOO_COMPRESSED}, an archive nested too
 * deep {@link SkipReason#TOO_DEEP}; an archive that cannot be parsed is {@link SkipReason#CORRUPT}
 * and one without files {@link SkipReason#EMPTY}. Past the entry count or the bytes of an archive
 * on disk, the entry being read and the archive's rest, named {@code backup.zip!/}, are {@link
 * SkipReason#BEYOND_ARCHIVE_LIMITS}.
 *
 * <p>Jar, war and other zip-based formats are not opened: they hold compiled code, not data.
 */
final class ArchiveEntries {
  /** Between an archive's name and the path of an entry in it. */
  static final String SEPARATOR = "!/";

  private static final int CHUNK = 64 * 1024;

  /** The archive formats opened, recognised by the file name. */
  enum Format {
    ZIP,
    TAR,
    TAR_GZ,
    GZ;

    /** The format of {@code path} by its extension, or null for a file that is no archive. */
    static Format of(String path) {
      String lower = path.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".zip")) {
        return ZIP;
      }
      if (lower.endsWith(".tar")) {
        return TAR;
      }
      if (lower.endsWith(".tar.gz") || lower.endsWith(".tgz")) {
        return TAR_GZ;
      }
      if (lower.endsWith(".gz")) {
        return GZ;
      }
      return null;
    }
  }

  /** A file read out of an archive: its full name, its bytes, its modification time. */
  record Entry(String path, byte[] bytes, Instant modified) {
    Entry {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(bytes, "bytes");
      Objects.requireNonNull(modified, "modified");
    }
  }

  /** Takes the files read out of an archive, one by one, in the archive's order. */
  @FunctionalInterface
  interface Sink {
    void accept(Entry entry);
  }

  /** What opening one archive on disk gave. */
  record Counts(int archivesOpened, int entriesRead, int entriesSkipped) {}

  private final ArchiveLimits limits;
  private final long maxEntryBytes;
  private final Coverage coverage;

  // Per archive on disk: reset by read().
  private String top;
  private long bytesRead;
  private int entriesSeen;
  private boolean stopped;
  private int opened;
  private int handedOn;
  private int skipped;

  ArchiveEntries(ArchiveLimits limits, long maxEntryBytes, Coverage coverage) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.maxEntryBytes = maxEntryBytes;
    this.coverage = Objects.requireNonNull(coverage, "coverage");
  }

  /** Whether {@code path} names an archive this class opens. */
  static boolean isArchive(String path) {
    return Format.of(path) != null;
  }

  /**
   * Reads the archive {@code file}, named {@code path} (relative to the scanned root), handing each
   * file in it to {@code sink}; {@code modified} stands in for entries without a time.
   */
  Counts read(Path file, String path, Instant modified, Sink sink) {
    top = path;
    bytesRead = 0;
    entriesSeen = 0;
    stopped = false;
    opened = 0;
    handedOn = 0;
    skipped = 0;
    Format format = Objects.requireNonNull(Format.of(path), "not an archive: " + path);
    try {
      if (format == Format.ZIP) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
          readZip(channel, path, 1, modified, sink);
        }
      } else {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK)) {
          readStream(format, in, path, 1, modified, sink);
        }
      }
    } catch (AccessDeniedException e) {
      skip(path, SkipReason.NO_PERMISSION);
    } catch (IOException e) {
      skip(path, SkipReason.UNREADABLE);
    } catch (SinkFailed e) {
      throw (RuntimeException) e.getCause();
    }
    return new Counts(opened, handedOn, skipped);
  }

  private void readZip(
      SeekableByteChannel channel, String path, int depth, Instant modified, Sink sink)
      throws IOException {
    ZipFile zip;
    try {
      zip = ZipFile.builder().setSeekableByteChannel(channel).get();
    } catch (IOException | RuntimeException e) {
      skip(path, SkipReason.CORRUPT);
      return;
    }
    try (zip) {
      opened++;
      boolean any = false;
      for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
        if (entry.isDirectory() || entry.isUnixSymlink()) {
          continue;
        }
        any = true;
        String name = path + SEPARATOR + entryPath(entry.getName());
        if (!admit()) {
          return;
        }
        if (!zip.canReadEntryData(entry)) {
          skip(
              name,
              entry.getGeneralPurposeBit().usesEncryption()
                  ? SkipReason.ENCRYPTED
                  : SkipReason.UNSUPPORTED_FORMAT);
          continue;
        }
        // The ratio the archive declares, checked before reading; the reading checks it again.
        if (entry.getSize() >= 0
            && entry.getCompressedSize() >= 0
            && limits.tooCompressed(entry.getCompressedSize(), entry.getSize())) {
          skip(name, SkipReason.TOO_COMPRESSED);
          continue;
        }
        try (InputStream in = zip.getInputStream(entry)) {
          LongSupplier compressed =
              in instanceof InputStreamStatistics statistics
                  ? statistics::getCompressedCount
                  : entry::getCompressedSize;
          Instant time = timeOf(entry.getLastModifiedDate(), modified);
          entry(name, new Guarded(in, compressed), entry.getSize(), depth, time, sink);
        } catch (LimitReached e) {
          skip(name, e.reason);
        } catch (IOException | RuntimeException e) {
          corrupt(name, e);
        }
        if (stopped) {
          return;
        }
      }
      if (!any) {
        skip(path, SkipReason.EMPTY);
      }
    }
  }

  private void readStream(
      Format format, InputStream raw, String path, int depth, Instant modified, Sink sink)
      throws IOException {
    InputStream content;
    GzipCompressorInputStream gzip = null;
    if (format == Format.TAR) {
      content = new Guarded(raw, null);
    } else {
      try {
        gzip = new GzipCompressorInputStream(raw, true);
      } catch (IOException e) {
        skip(path, SkipReason.CORRUPT);
        return;
      }
      content = new Guarded(gzip, gzip::getCompressedCount);
    }
    opened++;
    if (format == Format.GZ) {
      String name = path + SEPARATOR + gzEntryName(path);
      if (!admit()) {
        return;
      }
      try {
        entry(name, content, -1, depth, modified, sink);
      } catch (LimitReached e) {
        skip(name, e.reason);
      } catch (IOException | RuntimeException e) {
        corrupt(name, e);
      }
      return;
    }
    readTar(new TarArchiveInputStream(content), path, depth, modified, sink);
  }

  private void readTar(
      TarArchiveInputStream tar, String path, int depth, Instant modified, Sink sink) {
    boolean any = false;
    while (!stopped) {
      TarArchiveEntry entry;
      try {
        entry = tar.getNextEntry();
      } catch (LimitReached e) {
        // Skipping the rest of the last entry went past a limit: the archive stops here.
        restOf(path, e.reason);
        return;
      } catch (IOException | RuntimeException e) {
        if (!any) {
          opened--; // not an archive after all
        }
        skip(path, SkipReason.CORRUPT);
        return;
      }
      if (entry == null) {
        break;
      }
      if (!entry.isFile()) {
        continue;
      }
      any = true;
      String name = path + SEPARATOR + entryPath(entry.getName());
      if (!admit()) {
        return;
      }
      if (!tar.canReadEntryData(entry)) {
        skip(name, SkipReason.UNSUPPORTED_FORMAT);
        continue;
      }
      try {
        Instant time = timeOf(entry.getLastModifiedDate(), modified);
        entry(name, tar, entry.getSize(), depth, time, sink);
      } catch (LimitReached e) {
        // A stream cannot skip what it would have to expand: the rest of the archive is lost.
        skip(name, e.reason);
        restOf(path, e.reason);
        return;
      } catch (IOException | RuntimeException e) {
        corrupt(name, e);
      }
    }
    if (!any && !stopped) {
      skip(path, SkipReason.EMPTY);
    }
  }

  /**
   * One file of an archive: read in full (bounded), then opened when it is itself an archive, or
   * handed on.
   */
  private void entry(
      String name, InputStream in, long declaredSize, int depth, Instant modified, Sink sink)
      throws IOException {
    Format nested = Format.of(name);
    if (nested != null && depth >= limits.maxDepth()) {
      skip(name, SkipReason.TOO_DEEP);
      return;
    }
    byte[] bytes = declaredSize > maxEntryBytes ? null : readBounded(in);
    if (bytes == null) {
      skip(name, SkipReason.TOO_LARGE);
      return;
    }
    if (nested == null) {
      handedOn++;
      try {
        sink.accept(new Entry(name, bytes, modified));
      } catch (RuntimeException e) {
        throw new SinkFailed(e);
      }
    } else if (nested == Format.ZIP) {
      readZip(new SeekableInMemoryByteChannel(bytes), name, depth + 1, modified, sink);
    } else {
      readStream(nested, new ByteArrayInputStream(bytes), name, depth + 1, modified, sink);
    }
  }

  /** The entry's bytes, or null when they are more than {@code maxEntryBytes}. */
  private byte[] readBounded(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[CHUNK];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) != -1) {
      total += n;
      if (total > maxEntryBytes) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** Counts one more entry of the archive on disk; false (and the rest recorded) past the limit. */
  private boolean admit() {
    if (stopped) {
      return false;
    }
    if (++entriesSeen > limits.maxEntries()) {
      restOf(top, SkipReason.BEYOND_ARCHIVE_LIMITS);
      return false;
    }
    return true;
  }

  /** Records that the rest of {@code archive} was not read; past the archive limits, all stops. */
  private void restOf(String archive, SkipReason reason) {
    if (reason == SkipReason.BEYOND_ARCHIVE_LIMITS) {
      stopped = true;
      archive = top;
    }
    coverage.skipped(archive + SEPARATOR, reason);
  }

  /** Records {@code object} as corrupt, unless the failure is the sink's: that one goes on. */
  private void corrupt(String object, Exception e) {
    if (e instanceof SinkFailed failed) {
      throw failed;
    }
    skip(object, SkipReason.CORRUPT);
  }

  private void skip(String object, SkipReason reason) {
    if (reason == SkipReason.BEYOND_ARCHIVE_LIMITS && !stopped) {
      restOf(top, reason);
    }
    skipped++;
    coverage.skipped(object, reason);
  }

  /**
   * An entry's path in its archive, {@code /}-separated, without empty, {@code .} or {@code ..}
   * segments: a name that climbs out of its archive ({@code ../../etc/x}) must not name a file
   * outside it in a finding's place.
   */
  static String entryPath(String name) {
    List<String> parts = new ArrayList<>();
    for (String part : name.replace('\\', '/').split("/")) {
      if (!part.isEmpty() && !part.equals(".") && !part.equals("..")) {
        parts.add(part);
      }
    }
    return parts.isEmpty() ? "(unnamed)" : String.join("/", parts);
  }

  /** {@code export.csv.gz} holds {@code export.csv}, as gunzip names it. */
  static String gzEntryName(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    String stripped = name.substring(0, name.length() - ".gz".length());
    return stripped.isEmpty() ? "(unnamed)" : stripped;
  }

  private static Instant timeOf(Date date, Instant fallback) {
    return date != null && date.getTime() > 0 ? date.toInstant() : fallback;
  }

  /**
   * A failure of the sink (writing an item), carried through the archive readers untouched: it is
   * no fault of the archive's and must fail the read, not be recorded as a corrupt entry.
   */
  private static final class SinkFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SinkFailed(RuntimeException cause) {
      super(cause);
    }
  }

  /** A limit reached while reading: the reason the entry (or the archive's rest) is skipped. */
  private static final class LimitReached extends IOException {
    private static final long serialVersionUID = 1L;
    final transient SkipReason reason;

    LimitReached(SkipReason reason) {
      super(reason.name());
      this.reason = reason;
    }
  }

  /**
   * Counts the bytes an archive format reads out of its source against the archive on disk's
   * budget, and, where the source is compressed, checks the ratio of what it expands to.
   */
  private final class Guarded extends FilterInputStream {
    private final LongSupplier compressed;
    private long expanded;

    Guarded(InputStream in, LongSupplier compressed) {
      super(in);
      this.compressed = compressed;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b != -1) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // Through read(), so that skipped bytes are counted and checked as well.
      byte[] buffer = new byte[(int) Math.min(CHUNK, Math.max(n, 1))];
      long left = n;
      while (left > 0) {
        int read = read(buffer, 0, (int) Math.min(buffer.length, left));
        if (read < 0) {
          break;
        }
        left -= read;
      }
      return n - left;
    }

    private void counted(int n) throws LimitReached {
      expanded += n;
      bytesRead += n;
      if (bytesRead > limits.maxSize()) {
        throw new LimitReached(SkipReason.BEYOND_ARCHIVE_LIMITS);
      }
      if (compressed != null && limits.tooCompressed(compressed.getAsLong(), expanded)) {
        throw new LimitReached(SkipReason.TOO_COMPRESSED);
      }
    }
  }
}
