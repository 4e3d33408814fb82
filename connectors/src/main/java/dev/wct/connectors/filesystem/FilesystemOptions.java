package dev.wct.connectors.filesystem;

import dev.wct.connectors.common.PropertyReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The filesystem connector's properties, defaults applied. */
record FilesystemOptions(
    Path path,
    List<String> includePatterns,
    List<String> excludePatterns,
    int maxFiles,
    long maxFileSize,
    Charset encoding,
    DecodeErrors errors) {
  static final int DEFAULT_MAX_FILES = 1000;
  static final long DEFAULT_MAX_FILE_SIZE = 10L * 1024 * 1024;

  FilesystemOptions {
    Objects.requireNonNull(path, "path");
    includePatterns = List.copyOf(Objects.requireNonNull(includePatterns, "includePatterns"));
    excludePatterns = List.copyOf(Objects.requireNonNull(excludePatterns, "excludePatterns"));
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(errors, "errors");
  }

  /** Reads the properties; a relative {@code path} resolves against {@code workingDirectory}. */
  static FilesystemOptions read(PropertyReader properties, Path workingDirectory) {
    String pathText = properties.requiredString("path");
    Path path;
    try {
      path = workingDirectory.resolve(pathText).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw properties.invalid("invalid path '" + pathText + "': " + e.getReason());
    }
    String encodingName = properties.optionalString("encoding").orElse("utf-8");
    Charset encoding;
    try {
      encoding = Charset.forName(encodingName);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw properties.invalid("unknown encoding '" + encodingName + "'");
    }
    String errors = properties.choice("errors", "strict", List.of("strict", "replace", "skip"));
    return new FilesystemOptions(
        path,
        properties.stringList("include_patterns"),
        properties.stringList("exclude_patterns"),
        properties.integer("max_files", DEFAULT_MAX_FILES, 1),
        properties.wholeNumber("max_file_size", DEFAULT_MAX_FILE_SIZE, 1),
        encoding,
        DecodeErrors.valueOf(errors.toUpperCase(Locale.ROOT)));
  }
}
