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

  /** Substitutes the placeholders of one string; a default may hold placeholders of its own. */
  public static String resolve(String text, Function<String, String> env, String artifactId) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        out.append("${");
        i += 3;
      } else if (text.startsWith("${", i)) {
        int end = closingBrace(text, i);
        if (end < 0) {
          throw WctException.user(
              "artifact '" + artifactId + "': unterminated '${' in a property value");
        }
        out.append(lookup(text.substring(i + 2, end), env, artifactId));
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
      return resolve(body.substring(sep + 2), env, artifactId);
    }
    if (value != null) {
      return value;
    }
    throw WctException.user(
        "artifact '" + artifactId + "': environment variable '" + name + "' is not set");
  }

  /**
   * The index of the {@code }} that closes the placeholder opening at {@code open}, counting the
   * placeholders nested in its default (as bash and Docker Compose do); -1 if it is never closed.
   */
  private static int closingBrace(String text, int open) {
    int depth = 0;
    int i = open;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        i += 3;
      } else if (text.startsWith("${", i)) {
        depth++;
        i += 2;
      } else if (text.charAt(i) == '}') {
        if (--depth == 0) {
          return i;
        }
        i++;
      } else {
        i++;
      }
    }
    return -1;
  }

  /**
   * Checks the placeholder syntax of one string without resolving it, defaults included.
   *
   * @return a description of the first problem, if any
   */
  public static Optional<String> syntaxProblem(String text) {
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        i += 3;
      } else if (text.startsWith("${", i)) {
        int end = closingBrace(text, i);
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
        if (sep >= 0) {
          Optional<String> inDefault = syntaxProblem(body.substring(sep + 2));
          if (inDefault.isPresent()) {
            return inDefault;
          }
        }
        i = end + 1;
      } else {
        i++;
      }
    }
    return Optional.empty();
  }
}
