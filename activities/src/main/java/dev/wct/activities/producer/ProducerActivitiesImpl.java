package dev.wct.activities.producer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.core.message.MessageReader;
import dev.wct.core.message.MessageWriter;
import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.plan.Producer;
import dev.wct.core.plan.RawSources;
import dev.wct.core.run.ArtifactCoverage;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactRef;
import dev.wct.core.run.CoverageCollector;
import dev.wct.core.run.CoverageSummary;
import dev.wct.core.runbook.Placeholders;
import dev.wct.spi.Analyser;
import dev.wct.spi.ComponentCatalog;
import dev.wct.spi.Connector;
import dev.wct.spi.ProducerContext;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.ContentReader;
import dev.wct.spi.message.MessageHeader;
import dev.wct.spi.message.SchemaRef;
import dev.wct.store.ArtifactStore;
import dev.wct.store.StoredArtifact;
import dev.wct.store.runs.RunRecords;
import dev.wct.store.runs.SourceDeletion;
import dev.wct.workflows.producer.ProduceRequest;
import dev.wct.workflows.producer.Produced;
import dev.wct.workflows.producer.ProducerActivities;
import dev.wct.workflows.producer.ProducerFailures;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs producers on the worker: resolves {@code ${VAR}} placeholders here and nowhere else, streams
 * inputs from the store and the output into it (write-once, so a retried attempt keeps the first
 * stored artifact), records the artifact, and returns only the claim check.
 */
public final class ProducerActivitiesImpl implements ProducerActivities {
  private static final Logger log = LoggerFactory.getLogger(ProducerActivitiesImpl.class);

  private final ArtifactStore store;
  private final ComponentCatalog catalog;
  private final Function<String, String> env;
  private final Path workingDirectory;
  private final RunRecords records;
  private final ProducerObserver observer;
  private final ObjectMapper json = Json.mapper();

  /**
   * @param env looks environment variables up (null when unset), e.g. {@code System::getenv}
   * @param workingDirectory where relative paths in properties resolve
   */
  public ProducerActivitiesImpl(
      ArtifactStore store,
      ComponentCatalog catalog,
      Function<String, String> env,
      Path workingDirectory) {
    this(store, catalog, env, workingDirectory, ProducerObserver.NONE);
  }

  /**
   * @param observer told what each attempt stored, for metrics
   */
  public ProducerActivitiesImpl(
      ArtifactStore store,
      ComponentCatalog catalog,
      Function<String, String> env,
      Path workingDirectory,
      ProducerObserver observer) {
    this.store = Objects.requireNonNull(store, "store");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.env = Objects.requireNonNull(env, "env");
    this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
    this.records = new RunRecords(store);
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  @Override
  public Produced connect(ProduceRequest request) {
    PlannedArtifact artifact = request.artifact();
    Producer.Source source = (Producer.Source) artifact.producer();
    return produce(
        request,
        "connector:" + source.type(),
        true,
        (context, out) -> {
          Connector connector =
              catalog
                  .connector(source.type())
                  .orElseThrow(
                      () -> unknown(artifact, "connector", source.type(), catalog.connectors()));
          JsonNode properties = resolve(source.properties(), artifact);
          connector.extract(context, properties, out);
        });
  }

  @Override
  public Produced analyse(ProduceRequest request) {
    PlannedArtifact artifact = request.artifact();
    Producer.Process process = (Producer.Process) artifact.producer();
    return produce(
        request,
        "analyser:" + process.type(),
        false,
        (context, out) -> {
          Analyser analyser =
              catalog
                  .analyser(process.type())
                  .orElseThrow(
                      () -> unknown(artifact, "analyser", process.type(), catalog.analysers()));
          JsonNode properties = resolve(process.properties(), artifact);
          try (InputArtifacts inputs = InputArtifacts.open(store, json, request.inputs())) {
            analyser.analyse(context, properties, inputs.readers(), out);
            inputs.verify();
          }
        });
  }

  @Override
  public Produced passThrough(ProduceRequest request) {
    return produce(
        request,
        "pass_through",
        false,
        (context, out) -> {
          try (InputArtifacts inputs = InputArtifacts.open(store, json, request.inputs())) {
            List<ContentReader> readers = inputs.readers();
            ContentReader first = readers.get(0);
            first.fields().fields().forEachRemaining(f -> out.field(f.getKey(), f.getValue()));
            for (ContentReader reader : readers) {
              for (Iterator<JsonNode> items = reader.items(); items.hasNext(); ) {
                out.item(items.next());
              }
            }
            first.trailer().fields().forEachRemaining(f -> out.field(f.getKey(), f.getValue()));
            inputs.verify();
          }
        });
  }

  @Override
  public Produced reuse(ProduceRequest request) {
    PlannedArtifact artifact = request.artifact();
    Producer.Reuse reuse = (Producer.Reuse) artifact.producer();
    ActivityExecutionContext activity = Activity.getExecutionContext();
    int attempt = Math.max(1, activity.getInfo().getAttempt());
    String runId = request.runId();
    ArtifactRecorder recorder =
        new ArtifactRecorder(records, runId, artifact.id(), artifact.producer().label(), attempt);
    recorder.running();
    try {
      if (!store.exists(reuse.fromRun(), reuse.artifact())) {
        if (records.sourceDeleted(reuse.fromRun(), reuse.artifact())) {
          throw WctException.user(
              "artifact '"
                  + artifact.id()
                  + "': cannot reuse: "
                  + SourceDeletion.deletedMessage(reuse.fromRun(), reuse.artifact()));
        }
        throw WctException.user(
            "artifact '"
                + artifact.id()
                + "': run '"
                + reuse.fromRun()
                + "' has no artifact '"
                + reuse.artifact()
                + "'");
      }
      boolean[] copied = {false};
      StoredArtifact stored =
          store.save(
              runId,
              artifact.id(),
              out -> {
                try (InputStream in = store.read(reuse.fromRun(), reuse.artifact())) {
                  in.transferTo(out);
                }
                copied[0] = true;
              });
      ArtifactRef ref = describe(runId, artifact.id(), stored, null, -1);
      Produced produced =
          succeeded(recorder, artifact, ref, attempt, reusedCoverage(runId, artifact, reuse));
      if (copied[0]) {
        observer.stored(artifact, ref.sizeBytes(), ref, Map.of());
      }
      return produced;
    } catch (RuntimeException e) {
      throw failed(recorder, artifact, e, attempt);
    }
  }

  /**
   * @param connector whether the producer is a source: one that read nothing is then a warning
   */
  private Produced produce(
      ProduceRequest request, String source, boolean connector, ProducerBody body) {
    PlannedArtifact artifact = request.artifact();
    ActivityExecutionContext activity = Activity.getExecutionContext();
    int attempt = Math.max(1, activity.getInfo().getAttempt());
    String runId = request.runId();
    ArtifactRecorder recorder =
        new ArtifactRecorder(records, runId, artifact.id(), artifact.producer().label(), attempt);
    recorder.running();
    CoverageCollector coverage = new CoverageCollector();
    ProducerContext context =
        new ActivityProducerContext(runId, artifact.id(), workingDirectory, activity, coverage);
    MessageHeader header =
        new MessageHeader(
            artifact.id(),
            artifact.outputSchema(),
            runId,
            source,
            Instant.now().toString(),
            json.createObjectNode().put("attempt", attempt));
    long[] itemCount = {-1};
    FindingTally findings = new FindingTally();
    try {
      ArtifactRef[] described = {null};
      Covered[] covered = {null};
      records.saveArtifactWithRecord(
          runId,
          artifact.id(),
          out -> {
            MessageWriter writer = MessageWriter.open(json, out, header);
            try {
              body.write(
                  context, findings.counting(new HeartbeatingContentWriter(writer, context)));
            } catch (RuntimeException e) {
              throw e;
            } catch (Exception e) {
              // the component's own error, not the store's: keep its message
              throw new ComponentException(e);
            }
            // only now is the document complete: a failed producer leaves nothing to publish
            writer.close();
            itemCount[0] = writer.itemCount();
          },
          stored -> {
            // an attempt that found the artifact stored (a retry after a crash) ran nothing
            boolean ran = itemCount[0] >= 0;
            described[0] =
                describe(runId, artifact.id(), stored, artifact.outputSchema(), itemCount[0]);
            covered[0] = coverage(runId, artifact, attempt, connector, described[0], ran, coverage);
            return recorder.succeededOutcome(
                described[0], covered[0].summary(), covered[0].warnings());
          });
      ArtifactRef ref = described[0];
      Produced produced = recorded(recorder, artifact, ref, attempt, covered[0]);
      if (itemCount[0] >= 0) {
        observer.stored(
            artifact, ProducerObserver.sizeOf(request.inputs()), ref, findings.byCategory());
      }
      return produced;
    } catch (RuntimeException e) {
      throw failed(recorder, artifact, e, attempt);
    }
  }

  /** The summary and warnings a producer's coverage calls for; both null if there are none. */
  private record Covered(CoverageSummary summary, List<String> warnings) {
    static final Covered NONE = new Covered(null, null);
  }

  /**
   * Writes the coverage record of the attempt that succeeded and returns its summary and warnings.
   * An attempt that found the artifact already stored (a retry after a crash) ran nothing: the
   * record of the attempt that stored it stands. A producer that records no coverage gets a warning
   * only when it is a source that wrote no item.
   */
  private Covered coverage(
      String runId,
      PlannedArtifact artifact,
      int attempt,
      boolean connector,
      ArtifactRef ref,
      boolean ran,
      CoverageCollector collector) {
    if (!ran) {
      return records
          .coverage(runId, artifact.id())
          .map(stored -> new Covered(stored.summary(), stored.warnings()))
          .orElse(Covered.NONE);
    }
    if (!collector.recorded()) {
      return connector && ref.itemCount() == 0
          ? new Covered(null, List.of(artifact.id() + ": read nothing (0 items)"))
          : Covered.NONE;
    }
    CoverageSummary summary = collector.summary();
    List<String> warnings = ArtifactOutcome.bounded(summary.warnings(artifact.id(), connector));
    records.saveCoverage(runId, collector.record(artifact.id(), attempt, warnings));
    for (String warning : warnings) {
      log.warn("coverage: {}", warning);
    }
    return new Covered(summary, warnings);
  }

  /**
   * A reused artifact has the gaps of the one it copies: its coverage record is copied too, and its
   * warnings say where they come from.
   */
  private Covered reusedCoverage(String runId, PlannedArtifact artifact, Producer.Reuse reuse) {
    return records
        .coverage(reuse.fromRun(), reuse.artifact())
        .map(
            earlier -> {
              List<String> warnings =
                  earlier.warnings().stream()
                      .map(w -> artifact.id() + ": reused from run " + reuse.fromRun() + ": " + w)
                      .toList();
              records.saveCoverage(
                  runId,
                  new ArtifactCoverage(
                      artifact.id(),
                      earlier.attempt(),
                      earlier.summary(),
                      warnings,
                      earlier.objects(),
                      earlier.objectsNotListed()));
              return new Covered(earlier.summary(), warnings.isEmpty() ? null : warnings);
            })
        .orElse(Covered.NONE);
  }

  private Produced succeeded(
      ArtifactRecorder recorder,
      PlannedArtifact artifact,
      ArtifactRef ref,
      int attempt,
      Covered covered) {
    recorder.succeeded(ref, covered.summary(), covered.warnings());
    return recorded(recorder, artifact, ref, attempt, covered);
  }

  /** What follows an attempt's success once its record is saved. */
  private Produced recorded(
      ArtifactRecorder recorder,
      PlannedArtifact artifact,
      ArtifactRef ref,
      int attempt,
      Covered covered) {
    deleteIfTheRunAlreadyDeletedItsSources(recorder.runId(), artifact);
    log.info(
        "artifact {} stored: {} items, {} bytes, attempt {}",
        artifact.id(),
        ref.itemCount(),
        ref.sizeBytes(),
        attempt);
    return new Produced(ref, attempt, covered.summary(), covered.warnings());
  }

  /**
   * A producer that a timeout or cancellation stopped may still publish its artifact after the run
   * ended and deleted its raw sources. Such a late raw source is deleted here too, and added to the
   * record, so no copy of scanned data outlives the run.
   */
  private void deleteIfTheRunAlreadyDeletedItsSources(String runId, PlannedArtifact artifact) {
    if (!RawSources.isRaw(artifact)) {
      return;
    }
    records
        .sourceDeletion(runId)
        .ifPresent(
            deletion -> {
              if (!deletion.deletedSources().contains(artifact.id())) {
                List<String> ids = new ArrayList<>(deletion.deletedSources());
                ids.add(artifact.id());
                ids.sort(null);
                records.saveSourceDeletion(new SourceDeletion(runId, ids, deletion.deletedAt()));
              }
              store.delete(runId, artifact.id());
              log.info("artifact {} of run {} deleted: the run had ended", artifact.id(), runId);
            });
  }

  /** Records and converts a failed attempt; cancellations pass through for the workflow. */
  private RuntimeException failed(
      ArtifactRecorder recorder, PlannedArtifact artifact, RuntimeException thrown, int attempt) {
    Throwable error = thrown instanceof ComponentException ? thrown.getCause() : thrown;
    ActivityCompletionException cancelled = completionOf(error);
    if (cancelled != null) {
      recorder.ended();
      log.info("artifact {} stopped: {}", artifact.id(), cancelled.getClass().getSimpleName());
      return cancelled;
    }
    if (error instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    ErrorKind kind =
        error instanceof WctException wct
            ? wct.kind()
            : error instanceof IOException ? ErrorKind.EXTERNAL : ErrorKind.INTERNAL;
    String message = ProducerFailures.oneLine(error);
    String type = error instanceof WctException ? kind.name() : error.getClass().getName();
    boolean finalAttempt = !kind.retryable() || attempt >= artifact.retry().maxAttempts();
    if (finalAttempt) {
      recorder.failed(message, type);
    } else {
      recorder.retrying(message, type);
    }
    if (kind == ErrorKind.INTERNAL) {
      log.error("artifact {} attempt {} failed: {}", artifact.id(), attempt, message, error);
    } else {
      log.warn("artifact {} attempt {} failed: {}", artifact.id(), attempt, message);
    }
    return ProducerFailures.of(error, attempt);
  }

  private static ActivityCompletionException completionOf(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ActivityCompletionException completion) {
        return completion;
      }
    }
    return null;
  }

  /**
   * The claim check of a stored artifact. When the store already held it (a retry after a crash),
   * schema and item count are read back from the stored message.
   */
  private ArtifactRef describe(
      String runId, String artifactId, StoredArtifact stored, SchemaRef schema, long itemCount) {
    if (schema != null && itemCount >= 0) {
      return new ArtifactRef(
          runId, artifactId, stored.key(), schema, stored.sizeBytes(), stored.sha256(), itemCount);
    }
    try (MessageReader reader = MessageReader.open(json, store.read(runId, artifactId))) {
      long count = 0;
      for (Iterator<JsonNode> items = reader.items(); items.hasNext(); items.next()) {
        count++;
      }
      return new ArtifactRef(
          runId,
          artifactId,
          stored.key(),
          reader.schema(),
          stored.sizeBytes(),
          stored.sha256(),
          count);
    } catch (UncheckedIOException e) {
      throw WctException.external("stored artifact " + stored.key() + " is unreadable", e);
    }
  }

  private JsonNode resolve(ObjectNode properties, PlannedArtifact artifact) {
    JsonNode resolved = Placeholders.resolve(properties, env, artifact.id());
    return resolved == null ? json.createObjectNode() : resolved;
  }

  private static WctException unknown(
      PlannedArtifact artifact, String what, String type, Map<String, ?> known) {
    return WctException.user(
        "artifact '"
            + artifact.id()
            + "': unknown "
            + what
            + " type '"
            + type
            + "' (known: "
            + String.join(", ", known.keySet())
            + ")");
  }

  /** Carries a component's checked exception through the store's write callback. */
  private static final class ComponentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ComponentException(Exception cause) {
      super(cause.getMessage(), cause);
    }
  }
}
