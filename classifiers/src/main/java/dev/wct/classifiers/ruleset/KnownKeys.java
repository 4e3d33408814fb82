package dev.wct.classifiers.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.wct.spi.text.Suggestions;
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
                  + Suggestions.hint(field.getKey(), known.keySet())
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
}
