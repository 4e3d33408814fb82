package dev.wct.classifiers.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Finds keys of a YAML tree that the record it maps to does not have, with a spelling hint. */
final class KnownKeys {
  private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
      (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

  private KnownKeys() {}

  /** Adds one problem per unknown key under {@code node}, named by its path. */
  static void check(JsonNode node, Type type, String path, List<String> problems) {
    if (type instanceof Class<?> record && record.isRecord() && node.isObject()) {
      Map<String, Type> known = new TreeMap<>();
      for (RecordComponent component : record.getRecordComponents()) {
        known.put(SNAKE_CASE.translate(component.getName()), component.getGenericType());
      }
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        Type fieldType = known.get(field.getKey());
        if (fieldType == null) {
          problems.add(
              (path.isEmpty() ? "" : path + ": ")
                  + "unknown key '"
                  + field.getKey()
                  + "'"
                  + hint(field.getKey(), known.keySet())
                  + " (known: "
                  + String.join(", ", known.keySet())
                  + ")");
        } else {
          check(field.getValue(), fieldType, child(path, field.getKey()), problems);
        }
      }
    } else if (type instanceof ParameterizedType generic) {
      Type[] arguments = generic.getActualTypeArguments();
      if (generic.getRawType() == List.class && node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          check(node.get(i), arguments[0], path + "[" + i + "]", problems);
        }
      } else if (generic.getRawType() == Map.class && node.isObject()) {
        node.fields()
            .forEachRemaining(
                entry ->
                    check(entry.getValue(), arguments[1], child(path, entry.getKey()), problems));
      }
    }
  }

  private static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static String hint(String unknown, Iterable<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(unknown, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best != null && bestDistance <= Math.max(2, unknown.length() / 3)
        ? " (did you mean '" + best + "'?)"
        : "";
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
