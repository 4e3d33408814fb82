package dev.wct.analysers.common;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The field paths of a JSON or JSON Lines text: each scalar value's path, with array indexes
 * written {@code [*]} so that every element of a list is one place, like the rows of a column
 * ({@code $.customers[*].email}). A key that does not read as a name (a map keyed by e-mail
 * addresses or ids) is written {@code .*}: a path never carries a scanned value. Text past a syntax
 * error has no path.
 */
public final class JsonPaths implements StructuredText {
  /** Distinct paths kept per text; values of further paths have none. */
  static final int MAX_PATHS = 1000;

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_ -]{0,63}");
  private static final Pattern DIGIT_RUN = Pattern.compile("\\d{4}");

  private final List<String> paths;
  private final int[] starts;
  private final int[] ends;
  private final int[] pathIds;
  private final int count;

  private JsonPaths(List<String> paths, int[] starts, int[] ends, int[] pathIds, int count) {
    this.paths = paths;
    this.starts = starts;
    this.ends = ends;
    this.pathIds = pathIds;
    this.count = count;
  }

  /** True for a {@code .json}, {@code .jsonl} or {@code .ndjson} path. */
  public static boolean isJson(String path) {
    String lower = path == null ? "" : path.toLowerCase(Locale.ROOT);
    return lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson");
  }

  /** The paths of {@code item}, or null when it is no JSON file or holds no value. */
  public static JsonPaths of(TextItem item) {
    if (item.isCell() || !isJson(item.filePath())) {
      return null;
    }
    List<String> paths = new ArrayList<>();
    Map<String, Integer> ids = new HashMap<>();
    int[] starts = new int[16];
    int[] ends = new int[16];
    int[] pathIds = new int[16];
    int count = 0;
    try (JsonParser parser = FACTORY.createParser(item.text())) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (!token.isScalarValue()
            || token == JsonToken.VALUE_NULL
            || token == JsonToken.VALUE_TRUE
            || token == JsonToken.VALUE_FALSE
            || token == JsonToken.VALUE_STRING && parser.getTextLength() == 0) {
          continue; // no value a detector could find
        }
        String path = pathOf(parser.getParsingContext());
        Integer id = ids.get(path);
        if (id == null) {
          if (paths.size() >= MAX_PATHS) {
            continue;
          }
          id = paths.size();
          paths.add(path);
          ids.put(path, id);
        }
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
          ends = Arrays.copyOf(ends, count * 2);
          pathIds = Arrays.copyOf(pathIds, count * 2);
        }
        starts[count] = (int) parser.currentTokenLocation().getCharOffset();
        ends[count] = (int) parser.currentLocation().getCharOffset();
        pathIds[count] = id;
        count++;
      }
    } catch (IOException e) {
      // A syntax error: the values before it keep their paths.
    }
    return count == 0 ? null : new JsonPaths(List.copyOf(paths), starts, ends, pathIds, count);
  }

  private static String pathOf(JsonStreamContext context) {
    List<String> segments = new ArrayList<>();
    for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
      if (at.inArray()) {
        segments.add("[*]");
      } else {
        String name = at.getCurrentName();
        boolean readable =
            name != null && NAME.matcher(name).matches() && !DIGIT_RUN.matcher(name).find();
        segments.add(readable ? "." + name : ".*");
      }
    }
    StringBuilder path = new StringBuilder("$");
    for (int i = segments.size() - 1; i >= 0; i--) {
      path.append(segments.get(i));
    }
    return path.toString();
  }

  private int spanAt(int offset) {
    int low = 0;
    int high = count - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (ends[mid] <= offset) {
        low = mid + 1;
      } else if (starts[mid] > offset) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  @Override
  public String fieldAt(int offset) {
    int span = spanAt(offset);
    return span < 0 ? null : paths.get(pathIds[span]);
  }

  @Override
  public long valueAt(int offset) {
    return spanAt(offset);
  }

  @Override
  public boolean inHeader(int offset) {
    return false;
  }

  @Override
  public Map<String, Long> valuesPerField() {
    long[] perPath = new long[paths.size()];
    for (int i = 0; i < count; i++) {
      perPath[pathIds[i]]++;
    }
    Map<String, Long> values = new LinkedHashMap<>();
    for (int i = 0; i < perPath.length; i++) {
      values.put(paths.get(i), perPath[i]);
    }
    return values;
  }

  @Override
  public Location locate(Location file, String field) {
    return file.withJsonPath(field);
  }
}
