package dev.wct.cli.options;

import dev.wct.spi.error.WctException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The connection profiles of {@code ~/.config/wct/config.toml}: the small part of TOML they need,
 * {@code [profile.NAME]} tables of {@code key = "string"} or {@code key = true|false} lines and
 * {@code #} comments.
 *
 * <pre>
 * [profile.prod]
 * address = "temporal.example.com:7233"
 * namespace = "compliance"
 * task_queue = "wct"
 * tls_ca_path = "/etc/wct/ca.pem"
 * api_key = "..."
 * </pre>
 */
final class ProfileFile {
  static final Set<String> KEYS =
      Set.of(
          "address",
          "namespace",
          "task_queue",
          "tls",
          "tls_cert_path",
          "tls_key_path",
          "tls_ca_path",
          "tls_server_name",
          "api_key");

  private static final Pattern TABLE =
      Pattern.compile("\\[\\s*profile\\.(?:\"([^\"]+)\"|([A-Za-z0-9_-]+))\\s*]");
  private static final Pattern ENTRY =
      Pattern.compile(
          "([A-Za-z0-9_-]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(true|false))");

  private ProfileFile() {}

  /**
   * The profiles of {@code file} by name, each a map of its keys; none when the file does not
   * exist.
   *
   * @throws WctException USER naming the file and line of anything else than the subset above
   */
  static Map<String, Map<String, String>> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (NoSuchFileException e) {
      return Map.of();
    } catch (IOException e) {
      throw WctException.user("cannot read " + file + ": " + e.getMessage());
    }
    Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
    Map<String, String> current = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = withoutComment(lines.get(i)).strip();
      if (line.isEmpty()) {
        continue;
      }
      String where = file + ":" + (i + 1) + ": ";
      Matcher table = TABLE.matcher(line);
      Matcher entry = ENTRY.matcher(line);
      if (table.matches()) {
        String name = table.group(1) != null ? table.group(1) : table.group(2);
        current = profiles.computeIfAbsent(name, n -> new LinkedHashMap<>());
      } else if (line.startsWith("[")) {
        current = null; // another tool's table: not ours
      } else if (entry.matches()) {
        if (current == null) {
          continue;
        }
        String key = entry.group(1);
        if (!KEYS.contains(key)) {
          throw WctException.user(
              where + "unknown key '" + key + "' (known: " + String.join(", ", sorted()) + ")");
        }
        String value =
            entry.group(2) != null
                ? unescape(entry.group(2))
                : entry.group(3) != null ? entry.group(3) : entry.group(4);
        current.put(key, value);
      } else {
        throw WctException.user(where + "expected [profile.NAME] or key = \"value\"");
      }
    }
    return profiles;
  }

  /** The profile {@code name} of {@code file}, if there is one. */
  static Optional<Map<String, String>> profile(Path file, String name) {
    return Optional.ofNullable(read(file).get(name));
  }

  private static List<String> sorted() {
    return KEYS.stream().sorted().toList();
  }

  private static String withoutComment(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"' && (i == 0 || line.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (c == '#' && !quoted) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private static String unescape(String value) {
    return value.replace("\\\"", "\"").replace("\\\\", "\\");
  }
}
