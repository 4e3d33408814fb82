package dev.wct.activities.producer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.core.message.MessageWriter;
import dev.wct.core.plan.PartitionIds;
import dev.wct.core.plan.Partitioning;
import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.plan.Producer;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactRef;
import dev.wct.core.run.CoverageCollector;
import dev.wct.core.run.CoverageSummary;
import dev.wct.core.run.PartitionManifest;
import dev.wct.core.runbook.Placeholders;
import dev.wct.spi.Analyser;
import dev.wct.spi.ComponentCatalog;
import dev.wct.spi.Connector;
import dev.wct.spi.PartitionOutputs;
import dev.wct.spi.PartitionedConnector;
import dev.wct.spi.ProducerContext;
import dev.wct.spi.error.ErrorKind;
import dev.wct.spi.error.WctException;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.ContentWriter;
import dev.wct.spi.message.MessageHeader;
import dev.wct.store.ArtifactStore;
import dev.wct.store.StoredArtifact;
import dev.wct.store.runs.PartitionRecords;
import dev.wct.store.runs.RunRecords;
import dev.wct.workflows.partition.PartitionActivities;
import dev.wct.workflows.partition.PartitionCount;
import dev.wct.workflows.partition.PartitionRequest;
import dev.wct.workflows.partition.SealRequest;
import dev.wct.workflows.producer.ProduceRequest;
import dev.wct.workflows.producer.Produced;
import dev.wct.workflows.producer.ProducerFailures;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the partition activities on the worker. Descriptors are stored as run records {@code
 * partitions/{artifact}/descriptors-{page}.json}, each partition as the artifact {@code
 * {artifact}~p000042} (write-once and checksummed like any artifact), and a sealed source as a
 * {@link PartitionManifest} under its own key. A sealed item-by-item analyser is stored whole (its
 * partitions' items in partition order), so reports read it like any other.
 */
public final class PartitionActivitiesImpl implements PartitionActivities {
  /** Descriptors per record: a page is read by every partition activity of its range. */
  static final int DESCRIPTORS_PER_PAGE = 1_000;

  private static final Logger log = LoggerFactory.getLogger(PartitionActivitiesImpl.class);

  private final ArtifactStore store;
  private final ComponentCatalog catalog;
  private final Function<String, String> env;
  private final Path workingDirectory;
  private final RunRecords records;
  private final PartitionRecords partitions;
  private final ProducerObserver observer;
  private final ObjectMapper json = Json.mapper();

  public PartitionActivitiesImpl(
      ArtifactStore store,
      ComponentCatalog catalog,
      Function<String, String> env,
      Path workingDirectory) {
    this(store, catalog, env, workingDirectory, ProducerObserver.NONE);
  }

  /**
   * @param observer told what each partition attempt stored, for metrics
   */
  public PartitionActivitiesImpl(
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
    this.partitions = new PartitionRecords(store);
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  @Override
  public PartitionCount listPartitions(ProduceRequest request) {
    PlannedArtifact artifact = request.artifact();
    int attempt = attempt();
    ArtifactRecorder recorder = recorder(request.runId(), artifact, attempt);
    recorder.running();
    try {
      PartitionedConnector connector = connector(artifact);
      Partitioning cut = artifact.partition();
      PartitionedConnector.PartitionLimits limits =
          new PartitionedConnector.PartitionLimits(
              cut.maxBytes(),
              cut.maxItems(),
              cut.byTable()
                  ? PartitionedConnector.Cut.TABLE
                  : cut.byRows() ? PartitionedConnector.Cut.ROWS : PartitionedConnector.Cut.SIZE);
      CoverageCollector coverage = new CoverageCollector();
      List<JsonNode> descriptors =
          connector.partitions(
              context(request.runId(), artifact.id(), coverage), resolve(artifact), limits);
      saveCoverage(request.runId(), listingCoverage(artifact.id()), coverage, attempt);
      if (descriptors.isEmpty()) {
        descriptors = List.of(json.createObjectNode());
      }
      for (int page = 0; page * DESCRIPTORS_PER_PAGE < descriptors.size(); page++) {
        ArrayNode entries = json.createArrayNode();
        descriptors
            .subList(
                page * DESCRIPTORS_PER_PAGE,
                Math.min(descriptors.size(), (page + 1) * DESCRIPTORS_PER_PAGE))
            .forEach(entries::add);
        store.saveRecord(request.runId(), pageRecord(artifact.id(), page), bytes(entries));
      }
      partitions.saveCount(request.runId(), artifact.id(), descriptors.size());
      log.info("artifact {} listed {} partitions", artifact.id(), descriptors.size());
      return new PartitionCount(descriptors.size());
    } catch (Exception e) {
      throw failed(recorder, artifact, e, attempt);
    }
  }

  @Override
  public Produced connectPartition(PartitionRequest request) {
    PlannedArtifact artifact = request.artifact();
    Producer.Source source = (Producer.Source) artifact.producer();
    return producePartition(
        request,
        "connector:" + source.type(),
        (context, out) -> {
          JsonNode descriptor = descriptor(request.runId(), artifact.id(), request.index());
          connector(artifact).extractPartition(context, resolve(artifact), descriptor, out);
        });
  }

  @Override
  public Produced analysePartition(PartitionRequest request) {
    PlannedArtifact artifact = request.artifact();
    Producer.Process process = (Producer.Process) artifact.producer();
    return producePartition(
        request,
        "analyser:" + process.type(),
        (context, out) -> {
          Analyser analyser =
              catalog
                  .analyser(process.type())
                  .orElseThrow(
                      () -> WctException.user("unknown analyser type '" + process.type() + "'"));
          try (InputArtifacts inputs = InputArtifacts.open(store, json, request.inputs())) {
            analyser.analyse(context, resolve(artifact), inputs.readers(), out);
            inputs.verify();
          }
        });
  }

  @Override
  public Produced sealPartitions(SealRequest request) {
    PlannedArtifact artifact = request.artifact();
    String runId = request.runId();
    int attempt = attempt();
    ArtifactRecorder recorder = recorder(runId, artifact, attempt);
    try {
      ArtifactRef ref =
          artifact.partition().isSource()
              ? sealManifest(runId, artifact, request)
              : sealWhole(runId, artifact, request);
      Covered covered = mergeCoverage(runId, artifact, request.count(), attempt, ref);
      recorder.succeeded(ref, covered.summary(), covered.warnings());
      log.info(
          "artifact {} sealed: {} partitions, {} items, {} bytes",
          artifact.id(),
          request.count(),
          ref.itemCount(),
          ref.sizeBytes());
      return new Produced(ref, attempt, covered.summary(), covered.warnings());
    } catch (RuntimeException e) {
      throw failed(recorder, artifact, e, attempt);
    }
  }

  /** The summary and warnings of a sealed artifact's coverage; both null if there are none. */
  private record Covered(CoverageSummary summary, List<String> warnings) {}

  /**
   * The artifact's coverage record: the listing's and every partition's merged, as if one producer
   * had read the whole source, so a partitioned source warns as an unpartitioned one does.
   */
  private Covered mergeCoverage(
      String runId, PlannedArtifact artifact, int count, int attempt, ArtifactRef ref) {
    boolean source = artifact.partition().isSource();
    CoverageCollector merged = new CoverageCollector();
    records.coverage(runId, listingCoverage(artifact.id())).ifPresent(merged::add);
    for (int i = 0; i < count; i++) {
      records.coverage(runId, PartitionIds.of(artifact.id(), i)).ifPresent(merged::add);
    }
    if (!merged.recorded()) {
      return source && ref.itemCount() == 0
          ? new Covered(null, List.of(artifact.id() + ": read nothing (0 items)"))
          : new Covered(null, null);
    }
    CoverageSummary summary = merged.summary();
    List<String> warnings = ArtifactOutcome.bounded(summary.warnings(artifact.id(), source));
    records.saveCoverage(runId, merged.record(artifact.id(), attempt, warnings));
    warnings.forEach(warning -> log.warn("coverage: {}", warning));
    return new Covered(summary, warnings.isEmpty() ? null : warnings);
  }

  /** The coverage record of a source's listing step: {@code {artifact}~list}. */
  static String listingCoverage(String artifactId) {
    return artifactId + "~list";
  }

  /** Saves an attempt's coverage under {@code recordId}, if its producer recorded any. */
  private void saveCoverage(
      String runId, String recordId, CoverageCollector coverage, int attempt) {
    if (coverage.recorded()) {
      records.saveCoverage(runId, coverage.record(recordId, attempt, List.of()));
    }
  }

  private ArtifactRef sealManifest(String runId, PlannedArtifact artifact, SealRequest request) {
    List<PartitionManifest.Part> parts = new ArrayList<>(request.count());
    long size = 0;
    for (int i = 0; i < request.count(); i++) {
      String id = PartitionIds.of(artifact.id(), i);
      StoredArtifact stored =
          store
              .stat(runId, id)
              .orElseThrow(
                  () -> new WctException(ErrorKind.EXTERNAL, "partition " + id + " is missing"));
      parts.add(new PartitionManifest.Part(id, stored.sizeBytes(), stored.sha256()));
      size += stored.sizeBytes();
    }
    PartitionManifest manifest =
        new PartitionManifest(
            artifact.id(),
            runId,
            artifact.outputSchema(),
            request.count(),
            request.itemCount(),
            size,
            parts);
    StoredArtifact stored = store.save(runId, artifact.id(), out -> json.writeValue(out, manifest));
    return new ArtifactRef(
        runId,
        artifact.id(),
        stored.key(),
        artifact.outputSchema(),
        stored.sizeBytes(),
        stored.sha256(),
        request.itemCount());
  }

  /**
   * The analyser's output for the whole input, merged by the analyser from its partitions' outputs
   * ({@link Analyser#mergePartitions}; by default the items in partition order, trailer numbers
   * summed), under the first partition's header.
   */
  private ArtifactRef sealWhole(String runId, PlannedArtifact artifact, SealRequest request) {
    List<ArtifactRef> refs = new ArrayList<>(request.count());
    for (int i = 0; i < request.count(); i++) {
      String id = PartitionIds.of(artifact.id(), i);
      StoredArtifact stored =
          store
              .stat(runId, id)
              .orElseThrow(
                  () -> new WctException(ErrorKind.EXTERNAL, "partition " + id + " is missing"));
      refs.add(
          new ArtifactRef(
              runId,
              id,
              stored.key(),
              artifact.outputSchema(),
              stored.sizeBytes(),
              stored.sha256(),
              -1));
    }
    Producer.Process process = (Producer.Process) artifact.producer();
    Analyser analyser =
        catalog
            .analyser(process.type())
            .orElseThrow(() -> WctException.user("unknown analyser type '" + process.type() + "'"));
    MessageHeader first;
    try (InputArtifacts input = InputArtifacts.open(store, json, List.of(refs.get(0)))) {
      first = input.readers().get(0).header();
    }
    ProducerContext context = context(runId, artifact.id(), new CoverageCollector());
    PartitionOutputs outputs = new StoredPartitionOutputs(refs, context);
    JsonNode properties = resolve(artifact);
    long[] items = {0};
    StoredArtifact stored =
        store.save(
            runId,
            artifact.id(),
            out -> {
              MessageWriter writer =
                  MessageWriter.open(
                      json,
                      out,
                      new MessageHeader(
                          artifact.id(),
                          first.schema(),
                          runId,
                          first.source(),
                          first.timestamp(),
                          json.createObjectNode().put("partitions", request.count())));
              try {
                analyser.mergePartitions(context, properties, outputs, writer);
              } catch (IOException | RuntimeException e) {
                throw e;
              } catch (Exception e) {
                throw new WctException(ErrorKind.INTERNAL, e.getMessage(), e);
              }
              writer.close();
              items[0] = writer.itemCount();
            });
    return new ArtifactRef(
        runId,
        artifact.id(),
        stored.key(),
        artifact.outputSchema(),
        stored.sizeBytes(),
        stored.sha256(),
        items[0] > 0 ? items[0] : request.itemCount());
  }

  /**
   * The stored partitions of an analyser, each read and checked against its checksum; the seal
   * heartbeats as it reads them.
   */
  private final class StoredPartitionOutputs implements PartitionOutputs {
    private final List<ArtifactRef> refs;
    private final ProducerContext context;

    StoredPartitionOutputs(List<ArtifactRef> refs, ProducerContext context) {
      this.refs = refs;
      this.context = context;
    }

    @Override
    public int count() {
      return refs.size();
    }

    @Override
    public void forEach(Visitor visitor) throws Exception {
      for (int i = 0; i < refs.size(); i++) {
        try (InputArtifacts input = InputArtifacts.open(store, json, List.of(refs.get(i)))) {
          visitor.accept(i, input.readers().get(0));
          input.verify();
        }
        if (i % 100 == 99) {
          context.heartbeat(i + 1);
        }
      }
    }
  }

  private interface PartitionBody {
    void write(ProducerContext context, ContentWriter out) throws Exception;
  }

  private Produced producePartition(PartitionRequest request, String source, PartitionBody body) {
    PlannedArtifact artifact = request.artifact();
    String runId = request.runId();
    String id = PartitionIds.of(artifact.id(), request.index());
    int attempt = attempt();
    CoverageCollector coverage = new CoverageCollector();
    ProducerContext context =
        new ActivityProducerContext(
            runId,
            artifact.id(),
            workingDirectory,
            Activity.getExecutionContext(),
            coverage,
            !artifact.partition().isSource());
    MessageHeader header =
        new MessageHeader(
            id,
            artifact.outputSchema(),
            runId,
            source,
            Instant.now().toString(),
            json.createObjectNode().put("attempt", attempt).put("partition", request.index()));
    long[] itemCount = {-1};
    FindingTally findings = new FindingTally();
    try {
      StoredArtifact stored =
          store.save(
              runId,
              id,
              out -> {
                MessageWriter writer = MessageWriter.open(json, out, header);
                try {
                  body.write(
                      context, findings.counting(new HeartbeatingContentWriter(writer, context)));
                } catch (IOException | RuntimeException e) {
                  throw e;
                } catch (Exception e) {
                  throw new WctException(ErrorKind.INTERNAL, e.getMessage(), e);
                }
                writer.close();
                itemCount[0] = writer.itemCount();
              });
      boolean ran = itemCount[0] >= 0;
      if (ran) { // a retry that found the partition stored keeps the first attempt's record
        saveCoverage(runId, id, coverage, attempt);
      }
      long items = ran ? itemCount[0] : countItems(runId, id, artifact);
      if (request.index() == 0 && !artifact.partition().isSource()) {
        partitions.saveCount(runId, artifact.id(), request.count());
      }
      partitions.saveDone(runId, artifact.id(), request.index());
      ArtifactRef ref =
          new ArtifactRef(
              runId,
              id,
              stored.key(),
              artifact.outputSchema(),
              stored.sizeBytes(),
              stored.sha256(),
              items);
      if (itemCount[0] >= 0) {
        observer.stored(
            artifact, ProducerObserver.sizeOf(request.inputs()), ref, findings.byCategory());
      }
      return new Produced(ref, attempt);
    } catch (RuntimeException e) {
      throw failed(null, artifact, e, attempt);
    }
  }

  /** A retry that found the partition already stored reads its item count back. */
  private long countItems(String runId, String id, PlannedArtifact artifact) {
    StoredArtifact stored = store.stat(runId, id).orElseThrow();
    ArtifactRef ref =
        new ArtifactRef(
            runId,
            id,
            stored.key(),
            artifact.outputSchema(),
            stored.sizeBytes(),
            stored.sha256(),
            -1);
    try (InputArtifacts input = InputArtifacts.open(store, json, List.of(ref))) {
      long count = 0;
      for (Iterator<JsonNode> it = input.readers().get(0).items(); it.hasNext(); it.next()) {
        count++;
      }
      return count;
    }
  }

  private JsonNode descriptor(String runId, String artifactId, int index) {
    String name = pageRecord(artifactId, index / DESCRIPTORS_PER_PAGE);
    byte[] page =
        store
            .readRecord(runId, name)
            .orElseThrow(
                () ->
                    new WctException(ErrorKind.EXTERNAL, "partition list " + name + " is missing"));
    try {
      return json.readTree(page).get(index % DESCRIPTORS_PER_PAGE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String pageRecord(String artifactId, int page) {
    return "partitions/" + artifactId + "/descriptors-" + page + ".json";
  }

  private PartitionedConnector connector(PlannedArtifact artifact) {
    Producer.Source source = (Producer.Source) artifact.producer();
    Connector connector =
        catalog
            .connector(source.type())
            .orElseThrow(() -> WctException.user("unknown connector type '" + source.type() + "'"));
    if (!(connector instanceof PartitionedConnector partitioned)) {
      throw WctException.user(
          "artifact '" + artifact.id() + "': connector '" + source.type() + "' cannot partition");
    }
    return partitioned;
  }

  private ProducerContext context(String runId, String artifactId, CoverageCollector coverage) {
    return new ActivityProducerContext(
        runId, artifactId, workingDirectory, Activity.getExecutionContext(), coverage);
  }

  /**
   * RUNNING records written at once: the listing ends before the artifact does (its partitions and
   * seal are other activities), so a deferred write could land after the seal's record.
   */
  private ArtifactRecorder recorder(String runId, PlannedArtifact artifact, int attempt) {
    return new ArtifactRecorder(
        records, runId, artifact.id(), artifact.producer().label(), attempt, Duration.ZERO);
  }

  private static int attempt() {
    ActivityExecutionContext activity = Activity.getExecutionContext();
    return Math.max(1, activity.getInfo().getAttempt());
  }

  private JsonNode resolve(PlannedArtifact artifact) {
    ObjectNode properties =
        artifact.producer() instanceof Producer.Source s
            ? s.properties()
            : ((Producer.Process) artifact.producer()).properties();
    JsonNode resolved = Placeholders.resolve(properties, env, artifact.id());
    return resolved == null ? json.createObjectNode() : resolved;
  }

  private byte[] bytes(JsonNode node) {
    try {
      return json.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Converts a failed attempt; cancellations pass through. */
  private RuntimeException failed(
      ArtifactRecorder recorder, PlannedArtifact artifact, Exception thrown, int attempt) {
    Throwable error = thrown;
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof ActivityCompletionException completion) {
        return completion;
      }
    }
    if (error instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    ErrorKind kind =
        error instanceof WctException wct
            ? wct.kind()
            : error instanceof IOException || error instanceof UncheckedIOException
                ? ErrorKind.EXTERNAL
                : ErrorKind.INTERNAL;
    String message = ProducerFailures.oneLine(error);
    if (recorder != null) {
      boolean finalAttempt = !kind.retryable() || attempt >= artifact.retry().maxAttempts();
      String type = error instanceof WctException ? kind.name() : error.getClass().getName();
      if (finalAttempt) {
        recorder.failed(message, type);
      } else {
        recorder.retrying(message, type);
      }
    }
    log.warn("artifact {} attempt {} failed: {}", artifact.id(), attempt, message);
    return ProducerFailures.of(
        error instanceof WctException ? error : new WctException(kind, message, error), attempt);
  }
}
