package dev.wct.core.runbook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed runbook file, placeholders kept, with the place of every value.
 *
 * @param inputs declared child-runbook inputs (name → declaration), in file order
 * @param outputs declared child-runbook outputs (name → artifact id), in file order
 * @param artifacts artifacts by id, in file order
 */
public record Runbook(
    String name,
    String description,
    String contact,
    String framework,
    RunbookConfig config,
    Map<String, ChildInput> inputs,
    Map<String, String> outputs,
    Map<String, ArtifactSpec> artifacts,
    SourceMap sourceMap) {
  public Runbook {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(config, "config");
    inputs = ordered(Objects.requireNonNull(inputs, "inputs"));
    outputs = ordered(Objects.requireNonNull(outputs, "outputs"));
    artifacts = ordered(Objects.requireNonNull(artifacts, "artifacts"));
    Objects.requireNonNull(sourceMap, "sourceMap");
  }

  /** The file, as named in problems. */
  public String file() {
    return sourceMap.file();
  }

  private static <V> Map<String, V> ordered(Map<String, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
