package dev.wct.classifiers.ruleset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.wct.spi.error.WctException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Reads and validates classification rulesets. Every problem becomes a one-line user error naming
 * the ruleset and, where the YAML parser knows it, {@code line:column} and the key path.
 */
public final class RulesetLoader {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final ClassLoader classLoader;

  public RulesetLoader(ClassLoader classLoader) {
    this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
  }

  public RulesetLoader() {
    this(RulesetLoader.class.getClassLoader());
  }

  /**
   * Loads the ruleset {@code reference} points at.
   *
   * @param expectedName the ruleset name a local reference must have, e.g. {@code
   *     gdpr_personal_data_classification}; files may use their own names
   * @param workingDirectory what relative file paths resolve against
   * @throws WctException (user error) for a missing, unreadable or invalid ruleset
   */
  public <D extends ClassificationRuleset<?>> D load(
      RulesetReference reference, String expectedName, Class<D> type, Path workingDirectory) {
    if (reference.isLocal()) {
      if (!reference.name().equals(expectedName)) {
        throw WctException.user(
            "ruleset '" + reference + "' is not a " + expectedName + " ruleset");
      }
      try (InputStream in = classLoader.getResourceAsStream(reference.resourcePath())) {
        if (in == null) {
          throw WctException.user(
              "unknown ruleset '" + reference + "' (no " + reference.resourcePath() + ")");
        }
        D ruleset = parse(in, reference.resourcePath(), type);
        if (!ruleset.name().equals(reference.name())
            || !ruleset.version().equals(reference.version())) {
          throw WctException.user(
              reference.resourcePath()
                  + ": declares "
                  + ruleset.name()
                  + "/"
                  + ruleset.version()
                  + ", expected "
                  + reference.name()
                  + "/"
                  + reference.version());
        }
        return ruleset;
      } catch (IOException e) {
        throw WctException.user(reference.resourcePath() + ": unreadable: " + e.getMessage());
      }
    }
    Path file = reference.resolve(workingDirectory);
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString(), type);
    } catch (NoSuchFileException e) {
      throw WctException.user("ruleset file not found: " + file);
    } catch (IOException e) {
      throw WctException.user(file + ": unreadable ruleset: " + e.getMessage());
    }
  }

  private static <D extends ClassificationRuleset<?>> D parse(
      InputStream in, String source, Class<D> type) throws IOException {
    D ruleset;
    try {
      byte[] yaml = in.readAllBytes();
      JsonNode tree = YAML.readTree(yaml);
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        throw WctException.user(source + ": empty ruleset");
      }
      // Jackson reports unknown keys only after building a record, so a misspelt required key
      // would surface as "missing"; checking keys first names the real mistake.
      List<String> unknownKeys = new ArrayList<>();
      KnownKeys.check(tree, type, "", unknownKeys);
      if (!unknownKeys.isEmpty()) {
        throw WctException.user(source + ": " + String.join("; ", unknownKeys));
      }
      ruleset = YAML.readValue(yaml, type); // again, for line and column in type errors
    } catch (JsonProcessingException e) {
      throw WctException.user(describe(source, e));
    }
    List<String> problems = new ArrayList<>(RuleIndex.duplicates(ruleset.rules()));
    problems.addAll(ruleset.problems());
    if (!problems.isEmpty()) {
      throw WctException.user(source + ": " + String.join("; ", problems));
    }
    return ruleset;
  }

  private static String describe(String source, JsonProcessingException e) {
    StringBuilder line = new StringBuilder(source);
    JsonLocation location = e.getLocation();
    if (location != null && location.getLineNr() > 0) {
      line.append(':').append(location.getLineNr()).append(':').append(location.getColumnNr());
    }
    line.append(": ");
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      line.append(path(mapping.getPath())).append(": ");
    }
    line.append(reason(e));
    return line.toString().replaceAll("\\s*\\R\\s*", " ");
  }

  private static String reason(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      TreeSet<String> known = new TreeSet<>();
      unknown.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
      return "unknown key '" + unknown.getPropertyName() + "' (known: " + known + ")";
    }
    Throwable cause = e.getCause();
    if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
      return cause.getMessage();
    }
    return e.getOriginalMessage();
  }

  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
