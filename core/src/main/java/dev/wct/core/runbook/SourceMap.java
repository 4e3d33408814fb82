package dev.wct.core.runbook;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where each value of a runbook was written, by path ({@code artifacts.pii.inputs[0]}), so that
 * problems found after parsing (by the planner) still name their line and column.
 */
public final class SourceMap {
  private final String file;
  private final Map<String, Location> locations;

  public SourceMap(String file, Map<String, Location> locations) {
    this.file = Objects.requireNonNull(file, "file");
    this.locations = Collections.unmodifiableMap(new HashMap<>(locations));
  }

  public String file() {
    return file;
  }

  /** True if a value was written exactly at {@code path}. */
  public boolean has(String path) {
    return locations.containsKey(path);
  }

  /** The place of {@code path}, or of its nearest enclosing value that has one. */
  public Location locate(String path) {
    return locate(locations, path);
  }

  static Location locate(Map<String, Location> locations, String path) {
    String current = path;
    while (!current.isEmpty()) {
      Location found = locations.get(current);
      if (found != null) {
        return found;
      }
      current = parentOf(current);
    }
    return locations.getOrDefault("", Location.UNKNOWN);
  }

  /** A problem placed at {@code path}. */
  public Problem problem(String path, String message) {
    Location at = locate(path);
    return new Problem(file, at.line(), at.column(), path, message);
  }

  static String parentOf(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? "" : path.substring(0, cut);
  }
}
