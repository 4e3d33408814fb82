package dev.wct.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wct.cli.report.inventory.Presentations;
import dev.wct.cli.report.inventory.StoredRun;
import dev.wct.core.run.ArtifactCoverage;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactState;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.spi.json.Json;
import dev.wct.store.ArtifactStore;
import dev.wct.store.runs.RunRecords;
import dev.wct.store.runs.SourceDeletion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The results document of a run: {@code run}, {@code runbook}, {@code summary}, {@code outputs}
 * (each {@code output: true} artifact with its reference and content), {@code errors}, {@code
 * skipped} and {@code coverage} (see {@link CoverageJson}). Artifact content is copied token by
 * token from the store, never held in memory.
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
      writeCoverage(run, gen);
      gen.writeEndObject();
      gen.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the results of run " + run.run().runId(), e);
    }
  }

  private void writeOutputs(StoredRun run, JsonGenerator gen) throws IOException {
    List<String> deletedSources =
        new RunRecords(store)
            .sourceDeletion(run.run().runId())
            .map(SourceDeletion::deletedSources)
            .orElse(List.of());
    gen.writeArrayFieldStart("outputs");
    for (ArtifactOutcome artifact : run.artifacts()) {
      if (!run.isOutput(artifact, presentations)
          || artifact.state() != ArtifactState.SUCCEEDED
          || artifact.output() == null) {
        continue;
      }
      String runId = run.run().runId();
      gen.writeStartObject();
      gen.writeStringField("id", artifact.id());
      gen.writeStringField("schema", artifact.output().schema().toString());
      if (artifact.reusedFrom() != null) {
        gen.writeStringField("reused_from", artifact.reusedFrom());
      }
      gen.writeFieldName("reference");
      gen.writeTree(
          RunJson.reference(artifact.output())
              .put("location", store.location(runId, artifact.id())));
      if (deletedSources.contains(artifact.id())) {
        // An output that is a raw source was deleted at run end (config.keep_sources keeps it).
        gen.writeStringField("deleted", SourceDeletion.deletedMessage(runId, artifact.id()));
      } else {
        gen.writeFieldName("content");
        copyContent(runId, artifact.id(), gen);
      }
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
    for (ArtifactOutcome artifact : run.artifacts()) {
      if (artifact.state() == ArtifactState.FAILED) {
        gen.writeStartObject();
        gen.writeStringField("id", artifact.id());
        if (artifact.producer() != null) {
          gen.writeStringField("producer", artifact.producer());
        }
        gen.writeStringField("error", Objects.requireNonNullElse(artifact.error(), "unknown"));
        if (artifact.errorKind() != null) {
          gen.writeStringField("error_kind", artifact.errorKind().toLowerCase(Locale.ROOT));
        }
        gen.writeNumberField("attempts", artifact.attempts());
        gen.writeBooleanField(
            "optional", run.planned(artifact.id()).map(p -> p.optional()).orElse(false));
        gen.writeEndObject();
      }
    }
    gen.writeEndArray();
  }

  /**
   * {@code coverage}: per artifact whose producer recorded it (every source, and analysers that
   * skip input), what was read and skipped, object by object (names only), with its warnings.
   */
  private void writeCoverage(StoredRun run, JsonGenerator gen) throws IOException {
    RunRecords records = new RunRecords(store);
    gen.writeArrayFieldStart("coverage");
    for (ArtifactOutcome artifact : run.artifacts()) {
      if (artifact.state() != ArtifactState.SUCCEEDED || artifact.coverage() == null) {
        continue;
      }
      Optional<ArtifactCoverage> coverage = records.coverage(run.run().runId(), artifact.id());
      if (coverage.isPresent()) {
        CoverageJson.write(artifact.producer(), coverage.get(), artifact.warningLines(), gen);
      }
    }
    gen.writeEndArray();
  }

  private static void writeSkipped(StoredRun run, JsonGenerator gen) throws IOException {
    gen.writeArrayFieldStart("skipped");
    for (ArtifactOutcome artifact : run.artifacts()) {
      if (artifact.state() == ArtifactState.SKIPPED) {
        gen.writeStartObject();
        gen.writeStringField("id", artifact.id());
        gen.writeStringField(
            "reason", Objects.requireNonNullElse(artifact.skipReason(), "unknown"));
        gen.writeEndObject();
      }
    }
    gen.writeEndArray();
  }
}
