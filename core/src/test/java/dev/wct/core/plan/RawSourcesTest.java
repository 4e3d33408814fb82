package dev.wct.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.spi.message.SchemaRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which artifacts are copies of the scanned data, deleted at run end unless kept. */
class RawSourcesTest {
  private static final SchemaRef STANDARD_INPUT = SchemaRef.of("standard_input");
  private static final SchemaRef SOURCE_CODE = SchemaRef.of("source_code");
  private static final SchemaRef FINDINGS = SchemaRef.of("personal_data_indicator");

  private final List<PlannedArtifact> artifacts = new ArrayList<>();

  private RawSourcesTest add(String id, Producer producer, SchemaRef output, String... inputs) {
    List<SchemaRef> inputSchemas = new ArrayList<>();
    for (String input : inputs) {
      inputSchemas.add(
          artifacts.stream()
              .filter(a -> a.id().equals(input))
              .findFirst()
              .orElseThrow()
              .outputSchema());
    }
    artifacts.add(
        new PlannedArtifact(
            id,
            null,
            null,
            producer,
            List.of(inputs),
            inputSchemas,
            output,
            false,
            false,
            null,
            Duration.ofMinutes(1)));
    return this;
  }

  private List<String> raw() {
    ExecutionPlan plan =
        new ExecutionPlan(
            new RunbookInfo("n", "d", null, null, "r.yaml"),
            new RunSettings(Duration.ofMinutes(5), 10, RetrySettings.DEFAULT),
            artifacts,
            List.of(),
            List.of(),
            null);
    return RawSources.of(plan);
  }

  private static ObjectNode includeContent(Object value) {
    ObjectNode properties = JsonNodeFactory.instance.objectNode();
    if (value instanceof Boolean b) {
      properties.put("include_content", b);
    } else {
      properties.put("include_content", String.valueOf(value));
    }
    return properties;
  }

  @Test
  void connectorOutputsAndTheirCopiesAreRawAndFindingsAreNot() {
    add("db", new Producer.Source("sqlite", null), STANDARD_INPUT)
        .add("files", new Producer.Source("filesystem", null), STANDARD_INPUT)
        .add("both", new Producer.PassThrough(), STANDARD_INPUT, "db", "files")
        .add("old", new Producer.Reuse("r0", "db"), STANDARD_INPUT)
        .add("pii", new Producer.Process("personal_data", null), FINDINGS, "both")
        .add("pii_copy", new Producer.PassThrough(), FINDINGS, "pii")
        .add("old_pii", new Producer.Reuse("r0", "pii"), FINDINGS);

    assertThat(raw()).containsExactly("db", "files", "both", "old");
  }

  @Test
  void codeUnitsAreRawWhileTheyCopyTheFilesContent() {
    add("files", new Producer.Source("filesystem", null), STANDARD_INPUT)
        .add("code", new Producer.Process("source_code_analyser", null), SOURCE_CODE, "files")
        .add(
            "code_placeholder",
            new Producer.Process("source_code_analyser", includeContent("${WITH_CONTENT}")),
            SOURCE_CODE,
            "files")
        .add(
            "structure",
            new Producer.Process("source_code_analyser", includeContent(false)),
            SOURCE_CODE,
            "files")
        .add(
            "structure_text",
            new Producer.Process("source_code_analyser", includeContent("false")),
            SOURCE_CODE,
            "files")
        .add("code_pii", new Producer.Process("personal_data", null), FINDINGS, "code");

    assertThat(raw()).containsExactly("files", "code", "code_placeholder");
  }
}
