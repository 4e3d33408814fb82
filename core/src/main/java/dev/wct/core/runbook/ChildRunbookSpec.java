package dev.wct.core.runbook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code child_runbook: {path, input_mapping, output | output_mapping}}.
 *
 * @param path relative to the parent runbook's folder, then to the template paths
 * @param inputMapping child input name → parent artifact id, in runbook order
 * @param output the child output this artifact becomes, or null when {@code outputMapping} is used
 * @param outputMapping child output name → alias artifact id in the parent, in runbook order
 */
public record ChildRunbookSpec(
    String path,
    Map<String, String> inputMapping,
    String output,
    Map<String, String> outputMapping) {
  public ChildRunbookSpec {
    Objects.requireNonNull(path, "path");
    inputMapping = ordered(Objects.requireNonNull(inputMapping, "inputMapping"));
    outputMapping = ordered(Objects.requireNonNull(outputMapping, "outputMapping"));
  }

  static <K, V> Map<K, V> ordered(Map<K, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
