package dev.wct.connectors.filesystem;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * Glob patterns ({@code glob:} syntax of {@link FileSystem#getPathMatcher}) on paths relative to
 * the scanned folder, with the convention users know from {@code .gitignore}: a pattern without a
 * {@code /} matches a name at any depth ({@code *.php} matches {@code a/b/index.php}); a pattern
 * with a {@code /} matches the whole relative path ({@code src/**}{@code /*.php}), and a leading
 * {@code **}{@code /} also matches at the top level.
 */
final class PathPatterns {
  private static final FileSystem FS = FileSystems.getDefault();

  private final List<Pattern> patterns;

  private record Pattern(PathMatcher matcher, boolean byName, PathMatcher topLevel) {}

  private PathPatterns(List<Pattern> patterns) {
    this.patterns = patterns;
  }

  static PathPatterns of(List<String> globs) {
    return new PathPatterns(globs.stream().map(PathPatterns::compile).toList());
  }

  boolean isEmpty() {
    return patterns.isEmpty();
  }

  /** Whether a file's relative path matches one of the patterns. */
  boolean matchesFile(Path relative) {
    for (Pattern pattern : patterns) {
      if (pattern.byName()) {
        if (relative.getFileName() != null && pattern.matcher().matches(relative.getFileName())) {
          return true;
        }
      } else if (pattern.matcher().matches(relative)
          || (pattern.topLevel() != null && pattern.topLevel().matches(relative))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a folder's relative path matches: its whole subtree is then excluded. */
  boolean matchesFolder(Path relative) {
    return matchesFile(relative);
  }

  private static Pattern compile(String glob) {
    String normalised = glob.replace('\\', '/');
    while (normalised.startsWith("./")) {
      normalised = normalised.substring(2);
    }
    boolean byName = !normalised.contains("/");
    PathMatcher matcher = FS.getPathMatcher("glob:" + normalised);
    PathMatcher topLevel =
        normalised.startsWith("**/") ? FS.getPathMatcher("glob:" + normalised.substring(3)) : null;
    return new Pattern(matcher, byName, topLevel);
  }
}
