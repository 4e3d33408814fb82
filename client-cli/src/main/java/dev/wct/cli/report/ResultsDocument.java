package dev.wct.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wct.cli.report.inventory.Presentations;
import dev.wct.core.run.ArtifactState;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.spi.json.Json;
import dev.wct.store.ArtifactStore;
import dev.wct.store.runs.ArtifactRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * The results document of a run: {@code run}, {@code runbook}, {@code summary}, {@code outputs}
 * (each {@code output: true} artifact with its reference and content), {@code errors} and {@code
 * skipped}. Artifact content is copied token by token from the store, never held in memory.
 */
public final class ResultsDocument {
  private final ArtifactStore store;
  private final Presentations presentations;
  private final ObjectMapper json = Json.mapper();

  public ResultsDocument(ArtifactStore store, Presentations presentations) {
    this.store = Objects.requireNonNull(store, "store");
    this.presentations = Objects.requireNonNull(presentations, "presentations");
  }

  /** Writes the document of {@code run} to {@code out} as UTF-8; {@code out} is left open. */
  public void write(StoredRun run, OutputStream out) {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    write(run, writer);
    try {
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the document of {@code run} to {@code out}, which is flushed, not closed. */
  public void write(StoredRun run, Writer out) {
    try (JsonGenerator gen =
        json.getFactory()
            .createGenerator(out)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .useDefaultPrettyPrinter()) {
      gen.writeStartObject();
      gen.writeFieldName("run");
      gen.writeTree(RunJson.run(run));
      gen.writeFieldName("runbook");
      gen.writeTree(RunJson.runbook(run));
      gen.writeFieldName("summary");
      gen.writeTree(RunJson.summary(run));
      writeOutputs(run, gen);
      writeErrors(run, gen);
      writeSkipped(run, gen);
      gen.writeEndObject();
      gen.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the results of run " + run.run().runId(), e);
    }
  }

  private void writeOutputs(StoredRun run, JsonGenerator gen) throws IOException {
    gen.writeArrayFieldStart("outputs");
    for (ArtifactRecord artifact : run.artifacts()) {
      if (!run.isOutput(artifact, presentations)
          || artifact.state() != ArtifactState.SUCCEEDED
          || artifact.output() == null) {
        continue;
      }
      String runId = run.run().runId();
      gen.writeStartObject();
      gen.writeStringField("id", artifact.artifactId());
      gen.writeStringField("schema", artifact.output().schema().toString());
      gen.writeFieldName("reference");
      gen.writeTree(
          RunJson.reference(artifact.output())
              .put("location", store.location(runId, artifact.artifactId())));
      gen.writeFieldName("content");
      copyContent(runId, artifact.artifactId(), gen);
      gen.writeEndObject();
    }
    gen.writeEndArray();
  }

  private void copyContent(String runId, String artifactId, JsonGenerator gen) throws IOException {
    try (InputStream in = store.read(runId, artifactId);
        JsonParser parser = json.getFactory().createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw corrupt(runId, artifactId);
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        boolean content = parser.currentName().equals("content");
        parser.nextToken();
        if (content) {
          gen.copyCurrentStructure(parser);
          return;
        }
        parser.skipChildren();
      }
      throw corrupt(runId, artifactId);
    }
  }

  private static WctException corrupt(String runId, String artifactId) {
    return new WctException(
        ErrorKind.EXTERNAL,
        "artifact '" + artifactId + "' of run " + runId + " is not a message with content");
  }

  private static void writeErrors(StoredRun run, JsonGenerator gen) throws IOException {
    gen.writeArrayFieldStart("errors");
    for (ArtifactRecord artifact : run.artifacts()) {
      if (artifact.state() == ArtifactState.FAILED) {
        gen.writeStartObject();
        gen.writeStringField("id", artifact.artifactId());
        if (artifact.producer() != null) {
          gen.writeStringField("producer", artifact.producer());
        }
        gen.writeStringField("error", Objects.requireNonNullElse(artifact.error(), "unknown"));
        if (artifact.errorKind() != null) {
          gen.writeStringField("error_kind", artifact.errorKind().toLowerCase(Locale.ROOT));
        }
        gen.writeNumberField("attempts", artifact.attempts());
        gen.writeBooleanField(
            "optional", run.planned(artifact.artifactId()).map(p -> p.optional()).orElse(false));
        gen.writeEndObject();
      }
    }
    gen.writeEndArray();
  }

  private static void writeSkipped(StoredRun run, JsonGenerator gen) throws IOException {
    gen.writeArrayFieldStart("skipped");
    for (ArtifactRecord artifact : run.artifacts()) {
      if (artifact.state() == ArtifactState.SKIPPED) {
        gen.writeStartObject();
        gen.writeStringField("id", artifact.artifactId());
        gen.writeStringField(
            "reason", Objects.requireNonNullElse(artifact.skipReason(), "unknown"));
        gen.writeEndObject();
      }
    }
    gen.writeEndArray();
  }
}
