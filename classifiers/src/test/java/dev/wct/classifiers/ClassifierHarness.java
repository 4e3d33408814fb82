package dev.wct.classifiers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.ContentReader;
import dev.wct.spi.message.MessageHeader;
import dev.wct.core.message.MessageReader;
import dev.wct.testkit.messages.MessageSchemas;
import dev.wct.core.message.MessageWriter;
import dev.wct.spi.message.SchemaRef;
import dev.wct.spi.Analyser;
import dev.wct.spi.ProducerContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a classifier the way the engine does: inputs streamed from serialised messages, output
 * streamed into a message that is read back.
 */
public final class ClassifierHarness {
  private ClassifierHarness() {}

  /** A finding as the indicator analysers write it, with one file evidence. */
  public static ObjectNode finding(String valueField, String value) {
    ObjectNode finding = Json.mapper().createObjectNode();
    finding.put("id", valueField + "-" + value);
    finding.put(valueField, value);
    finding.putArray("matched_patterns").addObject().put("pattern", value).put("match_count", 2);
    ObjectNode evidence = finding.putArray("evidence").addObject();
    evidence.put("snippet", "... " + value + " ...");
    evidence.putObject("location").put("file_path", "src/app.php").put("line", 7);
    finding.putObject("metadata").put("rule", value + "_rule");
    return finding;
  }

  /** A stored message of {@code schema} holding {@code findings}, opened for streaming. */
  public static ContentReader input(
      SchemaRef schema, String id, List<? extends JsonNode> findings) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MessageWriter writer = MessageWriter.open(Json.mapper(), bytes, header(id, schema))) {
      findings.forEach(writer::item);
      writer.field(
          "summary", Json.mapper().createObjectNode().put("total_findings", findings.size()));
      writer.field(
          "analysis_metadata", Json.mapper().createObjectNode().put("ruleset", "local/x/1.0.0"));
    }
    return MessageReader.open(Json.mapper(), new ByteArrayInputStream(bytes.toByteArray()));
  }

  /** Runs {@code analyser} and returns the content of the message it wrote. */
  public static ObjectNode run(Analyser analyser, JsonNode properties, ContentReader... inputs) {
    return run(analyser, properties, context(Path.of(".")), inputs);
  }

  public static ObjectNode run(
      Analyser analyser, JsonNode properties, ProducerContext context, ContentReader... inputs) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SchemaRef output = analyser.outputSchemas().get(0);
    try (MessageWriter writer = MessageWriter.open(Json.mapper(), bytes, header("out", output))) {
      analyser.analyse(context, properties, List.of(inputs), writer);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    try {
      return (ObjectNode) Json.mapper().readTree(bytes.toByteArray()).get("content");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema violations of {@code content}. */
  public static List<String> violations(SchemaRef schema, JsonNode content) {
    return MessageSchemas.builtIn().validate(schema, content);
  }

  public static ObjectNode noProperties() {
    return Json.mapper().createObjectNode();
  }

  /** A context whose heartbeats are recorded. */
  public static RecordingContext context(Path workingDirectory) {
    return new RecordingContext(workingDirectory);
  }

  private static MessageHeader header(String id, SchemaRef schema) {
    return new MessageHeader(id, schema, "run-1", "test", "2026-01-01T00:00:00Z", null);
  }

  /** A producer context that records heartbeats. */
  public static final class RecordingContext implements ProducerContext {
    private final Path workingDirectory;
    private final List<Object> heartbeats = new ArrayList<>();

    RecordingContext(Path workingDirectory) {
      this.workingDirectory = workingDirectory;
    }

    @Override
    public String runId() {
      return "run-1";
    }

    @Override
    public String artifactId() {
      return "classified";
    }

    @Override
    public Path workingDirectory() {
      return workingDirectory;
    }

    @Override
    public void heartbeat(Object progress) {
      heartbeats.add(progress);
    }

    public List<Object> heartbeats() {
      return heartbeats;
    }
  }
}
