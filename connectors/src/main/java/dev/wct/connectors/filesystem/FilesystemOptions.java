package dev.wct.connectors.filesystem;

import dev.wct.spi.properties.PropertiesContract;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** The filesystem connector's properties, defaults applied. */
record FilesystemOptions(
    Path path,
    List<String> includePatterns,
    List<String> excludePatterns,
    int maxFiles,
    Long maxFileSize,
    int maxItemChars,
    long maxDocumentChars,
    Charset encoding,
    DecodeErrors errors,
    ArchiveLimits archives) {
  static final int DEFAULT_MAX_FILES = 1000;
  static final long DEFAULT_MAX_FILE_SIZE = 10L * 1024 * 1024;
  static final long DEFAULT_MAX_DOCUMENT_CHARS = 5_000_000;
  static final int DEFAULT_MAX_ITEM_CHARS = 4 * 1024 * 1024;

  /**
   * A chunk (at most 1.5 times this, with its line overrun and copied header rows) stays below the
   * 20,000,000 characters a message reader accepts in one string (Jackson's limit).
   */
  static final int MAX_ITEM_CHARS = 12 * 1024 * 1024;

  FilesystemOptions {
    Objects.requireNonNull(path, "path");
    includePatterns = List.copyOf(Objects.requireNonNull(includePatterns, "includePatterns"));
    excludePatterns = List.copyOf(Objects.requireNonNull(excludePatterns, "excludePatterns"));
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(errors, "errors");
    Objects.requireNonNull(archives, "archives");
  }

  /**
   * The size cap for a file: {@code max_file_size} when the runbook sets it, else none for a file
   * read in chunks ({@code streams}) and {@link #DEFAULT_MAX_FILE_SIZE} for one read whole.
   */
  long maxFileSize(boolean streams) {
    if (maxFileSize != null) {
      return maxFileSize;
    }
    return streams ? Long.MAX_VALUE : DEFAULT_MAX_FILE_SIZE;
  }

  /**
   * From the bound properties; a relative {@code path} resolves against {@code workingDirectory}.
   */
  static FilesystemOptions of(FilesystemProperties properties, Path workingDirectory) {
    String where = FilesystemConnector.TYPE;
    Path path;
    try {
      path = workingDirectory.resolve(properties.path()).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw PropertiesContract.invalid(
          where,
          "path",
          "is not a valid path (" + e.getReason() + "), got '" + properties.path() + "'");
    }
    Charset encoding;
    try {
      encoding = Charset.forName(properties.encoding());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw PropertiesContract.invalid(
          where,
          "encoding",
          "must be a character encoding this Java knows, got '" + properties.encoding() + "'");
    }
    return new FilesystemOptions(
        path,
        properties.includePatterns(),
        properties.excludePatterns(),
        properties.maxFiles(),
        properties.maxFileSize(),
        properties.maxItemChars(),
        properties.maxDocumentChars(),
        encoding,
        properties.errors(),
        new ArchiveLimits(
            properties.maxArchiveDepth(),
            properties.maxArchiveSize(),
            properties.maxArchiveEntries(),
            properties.maxCompressionRatio()));
  }
}
