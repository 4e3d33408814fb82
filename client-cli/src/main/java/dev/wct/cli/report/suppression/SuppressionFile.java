package dev.wct.cli.report.suppression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.wct.spi.error.WctException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A suppressions file, the YAML a runbook's {@code config.suppressions} names:
 *
 * <pre>
 * suppressions:
 *   - id: personal_data.address        # the finding's id (wct export RUN --format csv shows it)
 *     artifact: gdpr_personal_data     # optional: only in this artifact
 *     who: Jane Roe &lt;dpo@example.com&gt;
 *     when: 2026-11-30
 *     why: the README describes the sample data, it holds none
 *     fingerprint: sha256:0123456789abcdef   # optional: lapses when the evidence changes
 * </pre>
 */
public final class SuppressionFile {
  private static final Set<String> KEYS =
      Set.of("id", "artifact", "who", "when", "why", "fingerprint");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private SuppressionFile() {}

  /**
   * Parses and checks the file's text.
   *
   * @param name the file as the user named it, for messages
   * @throws WctException (user error) naming the file and entry of every problem
   */
  public static List<Suppression> parse(String text, String name) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (IOException e) {
      throw WctException.user(name + ": not YAML: " + e.getMessage());
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return List.of();
    }
    JsonNode list = root.get("suppressions");
    if (!root.isObject() || list == null || !list.isArray()) {
      throw WctException.user(name + ": expected a mapping with a 'suppressions' list");
    }
    List<String> problems = new ArrayList<>();
    List<Suppression> entries = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = name + ": suppressions[" + i + "]";
      JsonNode entry = list.get(i);
      if (!entry.isObject()) {
        problems.add(at + ": expected a mapping with id, who, when and why");
        continue;
      }
      for (Iterator<String> keys = entry.fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        if (!KEYS.contains(key)) {
          problems.add(
              at + "." + key + ": unknown key (known: artifact, fingerprint, id, when, who, why)");
        }
      }
      String id = required(entry, "id", at, problems);
      String who = required(entry, "who", at, problems);
      String when = required(entry, "when", at, problems);
      String why = required(entry, "why", at, problems);
      if (id != null && who != null && when != null && why != null) {
        entries.add(
            new Suppression(
                id, optional(entry, "artifact"), who, when, why, optional(entry, "fingerprint")));
      }
    }
    if (!problems.isEmpty()) {
      throw WctException.user(String.join("\n", problems));
    }
    return List.copyOf(entries);
  }

  private static String required(JsonNode entry, String key, String at, List<String> problems) {
    String value = optional(entry, key);
    if (value == null || value.isBlank()) {
      problems.add(at + ": missing required key '" + key + "'");
      return null;
    }
    return value;
  }

  private static String optional(JsonNode entry, String key) {
    JsonNode value = entry.get(key);
    return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
  }
}
