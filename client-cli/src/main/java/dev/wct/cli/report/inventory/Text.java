package dev.wct.cli.report.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Finding fields as people read them. */
public final class Text {
  private static final Set<String> ACRONYMS = Set.of("gdpr", "dpia", "id", "ip", "iban");

  private Text() {}

  /** A JSON value as one line of text: arrays joined by commas, objects as their values. */
  public static String plain(JsonNode value) {
    if (value.isValueNode()) {
      return value.asText();
    }
    List<String> parts = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(element -> parts.add(plain(element)));
      return String.join(", ", parts);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getValue().isArray() && field.getValue().isEmpty()) {
        continue;
      }
      parts.add(
          field.getValue().isContainerNode()
              ? humanise(field.getKey()) + ": " + plain(field.getValue())
              : field.getValue().asText());
    }
    return parts.isEmpty() ? "" : parts.get(0) + tail(parts);
  }

  private static String tail(List<String> parts) {
    return parts.size() == 1 ? "" : " (" + String.join("; ", parts.subList(1, parts.size())) + ")";
  }

  /** {@code gdpr_subject_category} becomes {@code GDPR subject category}. */
  public static String humanise(String key) {
    StringBuilder words = new StringBuilder();
    for (String word : key.split("_")) {
      if (word.isEmpty()) {
        continue;
      }
      if (ACRONYMS.contains(word)) {
        word = word.toUpperCase(Locale.ROOT);
      }
      words.append(words.length() == 0 ? "" : " ").append(word);
    }
    return words.isEmpty()
        ? ""
        : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }

  /** {@code 2 locations}, {@code 1 location}. */
  public static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
