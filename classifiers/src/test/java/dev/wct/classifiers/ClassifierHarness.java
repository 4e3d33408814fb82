package dev.wct.classifiers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.core.message.MessageReader;
import dev.wct.core.message.MessageWriter;
import dev.wct.spi.Analyser;
import dev.wct.spi.ProducerContext;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.ContentReader;
import dev.wct.spi.message.MessageHeader;
import dev.wct.spi.message.SchemaRef;
import dev.wct.testkit.RecordingContext;
import dev.wct.testkit.messages.MessageSchemas;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a classifier the way the engine does: inputs streamed from serialised messages, output
 * streamed into a message that is read back.
 */
public final class ClassifierHarness {
  private ClassifierHarness() {}

  /** A finding as the indicator analysers write it (2.0.0), in {@code src/app.php}. */
  public static ObjectNode finding(String valueField, String value) {
    return finding(valueField, value, "src/app.php");
  }

  /** A finding as the indicator analysers write it (2.0.0), in the file {@code path}. */
  public static ObjectNode finding(String valueField, String value, String path) {
    ObjectNode finding = Json.mapper().createObjectNode();
    finding.put("id", idOf(value + "@" + path));
    finding.put(valueField, value);
    finding
        .putObject("location")
        .put("source", "web_files")
        .put("root", "/srv/www")
        .put("file_path", path)
        .put("line", 7);
    finding.put("confidence", "high");
    finding.put("matches", 2);
    finding
        .putArray("detectors")
        .addObject()
        .put("rule", value + "_rule")
        .put("kind", "keyword")
        .put("matches", 2);
    finding
        .putArray("examples")
        .addObject()
        .put("snippet", "... " + value + " ...")
        .put("line", 7)
        .put("column", 3);
    return finding;
  }

  /** A 16 hex digit id, as the analysers make them. */
  public static String idOf(String text) {
    try {
      byte[] hash =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(hash, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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
    return new RecordingContext(workingDirectory, "run-1", "classified");
  }

  private static MessageHeader header(String id, SchemaRef schema) {
    return new MessageHeader(id, schema, "run-1", "test", "2026-01-01T00:00:00Z", null);
  }
}
