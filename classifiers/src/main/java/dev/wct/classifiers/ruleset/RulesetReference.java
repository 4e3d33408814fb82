package dev.wct.classifiers.ruleset;

import dev.wct.spi.error.WctException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a runbook names a ruleset: {@code local/<name>/<version>} for one shipped with wct, or {@code
 * file:<path>} for the user's own file (relative paths resolve against the working directory).
 *
 * @param text the reference as written
 * @param name for a local reference, the ruleset name; null for a file
 * @param version for a local reference, the version; null for a file
 * @param file for a file reference, the path as written; null for a local one
 */
public record RulesetReference(String text, String name, String version, String file) {
  /** The {@code ruleset} property pattern, shared with the properties schemas. */
  public static final String PATTERN = "^(local/[a-z0-9_]+/\\d+\\.\\d+\\.\\d+|file:.+)$";

  private static final Pattern LOCAL = Pattern.compile("local/([a-z0-9_]+)/(\\d+\\.\\d+\\.\\d+)");

  public RulesetReference {
    Objects.requireNonNull(text, "text");
  }

  public static RulesetReference local(String name, String version) {
    return parse("local/" + name + "/" + version);
  }

  /**
   * Parses a reference.
   *
   * @throws WctException (user error) naming the reference if it is neither form
   */
  public static RulesetReference parse(String text) {
    Matcher local = LOCAL.matcher(text);
    if (local.matches()) {
      return new RulesetReference(text, local.group(1), local.group(2), null);
    }
    if (text.startsWith("file:") && text.length() > "file:".length()) {
      return new RulesetReference(text, null, null, text.substring("file:".length()));
    }
    throw WctException.user("ruleset '" + text + "' must be local/<name>/<version> or file:<path>");
  }

  public boolean isLocal() {
    return name != null;
  }

  /** The class path resource of a local ruleset. */
  public String resourcePath() {
    return "rulesets/" + name + "/" + version + ".yaml";
  }

  /** The file of a file reference, resolved against {@code workingDirectory} when relative. */
  public Path resolve(Path workingDirectory) {
    return workingDirectory.resolve(file).normalize();
  }

  @Override
  public String toString() {
    return text;
  }
}
