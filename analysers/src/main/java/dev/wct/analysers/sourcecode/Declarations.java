package dev.wct.analysers.sourcecode;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the names a file declares, with the line each declaration starts on. */
final class Declarations {
  private Declarations() {}

  /** {@code [{name, line_start}]} for every match of {@code pattern}, in file order. */
  static ArrayNode find(Pattern pattern, String content) {
    ArrayNode declarations = JsonNodeFactory.instance.arrayNode();
    if (pattern == null) {
      return declarations;
    }
    Matcher matcher = pattern.matcher(content);
    int line = 1;
    int counted = 0;
    while (matcher.find()) {
      String name = firstGroup(matcher);
      if (name == null) {
        continue;
      }
      int at = matcher.start(groupIndex(matcher));
      for (; counted < at; counted++) {
        if (content.charAt(counted) == '\n') {
          line++;
        }
      }
      declarations.addObject().put("name", name).put("line_start", line);
    }
    return declarations;
  }

  private static String firstGroup(Matcher matcher) {
    int index = groupIndex(matcher);
    return index < 0 ? null : matcher.group(index);
  }

  private static int groupIndex(Matcher matcher) {
    for (int g = 1; g <= matcher.groupCount(); g++) {
      if (matcher.group(g) != null) {
        return g;
      }
    }
    return -1;
  }

  /** Lines in {@code content}: newlines, plus one if the last line has no newline. */
  static int lineCount(String content) {
    if (content.isEmpty()) {
      return 0;
    }
    int lines = 0;
    for (int i = 0; i < content.length(); i++) {
      if (content.charAt(i) == '\n') {
        lines++;
      }
    }
    return content.charAt(content.length() - 1) == '\n' ? lines : lines + 1;
  }
}
