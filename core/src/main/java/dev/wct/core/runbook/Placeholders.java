package dev.wct.core.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.wct.spi.error.WctException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code ${VAR}}, {@code ${VAR:-default}} (the default also when VAR is set but empty, as in a
 * shell) and the literal {@code $${} in string values. The plan
 * keeps placeholders; {@link #resolve} runs only where a producer runs, so secrets never leave the
 * worker.
 */
public final class Placeholders {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern REFERENCE =
      Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-[^}]*)?}");

  private Placeholders() {}

  /**
   * Returns a copy of {@code value} with every placeholder in its strings substituted.
   *
   * @param env looks a variable up; null when unset
   * @param artifactId named in errors
   * @throws WctException (user error) naming the variable and the artifact, never a value
   */
  public static JsonNode resolve(JsonNode value, Function<String, String> env, String artifactId) {
    if (value == null) {
      return null;
    }
    if (value.isTextual()) {
      return TextNode.valueOf(resolve(value.asText(), env, artifactId));
    }
    if (value.isObject()) {
      ObjectNode copy = ((ObjectNode) value).objectNode();
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        copy.set(field.getKey(), resolve(field.getValue(), env, artifactId));
      }
      return copy;
    }
    if (value.isArray()) {
      ArrayNode copy = ((ArrayNode) value).arrayNode();
      value.forEach(element -> copy.add(resolve(element, env, artifactId)));
      return copy;
    }
    return value.deepCopy();
  }

  /** Substitutes the placeholders of one string. */
  public static String resolve(String text, Function<String, String> env, String artifactId) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        out.append("${");
        i += 3;
      } else if (text.startsWith("${", i)) {
        int end = text.indexOf('}', i + 2);
        if (end < 0) {
          throw WctException.user(
              "artifact '" + artifactId + "': unterminated '${' in a property value");
        }
        String body = text.substring(i + 2, end);
        out.append(lookup(body, env, artifactId));
        i = end + 1;
      } else {
        out.append(text.charAt(i++));
      }
    }
    return out.toString();
  }

  private static String lookup(String body, Function<String, String> env, String artifactId) {
    int sep = body.indexOf(":-");
    String name = sep < 0 ? body : body.substring(0, sep);
    String value = env.apply(name);
    if (sep >= 0 && (value == null || value.isEmpty())) {
      return body.substring(sep + 2);
    }
    if (value != null) {
      return value;
    }
    throw WctException.user(
        "artifact '" + artifactId + "': environment variable '" + name + "' is not set");
  }

  /**
   * Checks the placeholder syntax of one string without resolving it.
   *
   * @return a description of the first problem, if any
   */
  public static Optional<String> syntaxProblem(String text) {
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        i += 3;
      } else if (text.startsWith("${", i)) {
        int end = text.indexOf('}', i + 2);
        if (end < 0) {
          return Optional.of("unterminated '${' (write '$${' for a literal '${')");
        }
        String body = text.substring(i + 2, end);
        int sep = body.indexOf(":-");
        String name = sep < 0 ? body : body.substring(0, sep);
        if (!NAME.matcher(name).matches()) {
          return Optional.of(
              "invalid environment variable name '" + name + "' in '${" + body + "}'");
        }
        if (sep >= 0 && body.indexOf("${", sep) >= 0) {
          return Optional.of("nested placeholders are not supported in '${" + body + "}'");
        }
        i = end + 1;
      } else {
        i++;
      }
    }
    return Optional.empty();
  }
}
