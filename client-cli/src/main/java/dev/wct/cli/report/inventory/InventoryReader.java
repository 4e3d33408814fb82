package dev.wct.cli.report.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wct.cli.report.inventory.Finding.Detail;
import dev.wct.cli.report.inventory.Finding.Detector;
import dev.wct.cli.report.inventory.Finding.Example;
import dev.wct.cli.report.suppression.RunSuppressions;
import dev.wct.core.message.MessageReader;
import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.plan.Producer;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.run.ObjectCoverage;
import dev.wct.spi.FindingsPresentation;
import dev.wct.spi.FindingsPresentation.Aspect;
import dev.wct.spi.FindingsPresentation.Kind;
import dev.wct.spi.json.Json;
import dev.wct.store.ArtifactStore;
import dev.wct.store.runs.RunRecords;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a run's findings artifacts into an {@link Inventory}, the one place that knows both finding
 * shapes: per location ({@code location}, {@code detectors}, {@code confidence}, {@code examples})
 * and the older one per category ({@code matched_patterns}, {@code evidence}).
 */
public final class InventoryReader {
  /** Fields shown in their own right, not among a finding's details. */
  private static final Set<String> OWN_FIELDS =
      Set.of(
          "id",
          "location",
          "detectors",
          "matches",
          "confidence",
          "confidence_score",
          "values_examined",
          "values_matched",
          "examples",
          "evidence",
          "matched_patterns",
          "metadata");

  private static final Set<String> SCANNED =
      Set.of("scanned", "ok", "complete", "completed", "analysed", "analyzed", "clean");

  private final ArtifactStore store;
  private final Presentations presentations;

  public InventoryReader(ArtifactStore store, Presentations presentations) {
    this.store = Objects.requireNonNull(store, "store");
    this.presentations = Objects.requireNonNull(presentations, "presentations");
  }

  /** Reads the findings of {@code run}, marking those its recorded suppressions name. */
  public Inventory read(StoredRun run) {
    RunSuppressions suppressions = RunSuppressions.load(store, run.run().runId());
    List<Finding> findings = new ArrayList<>();
    List<Inventory.Coverage> coverage = new ArrayList<>();
    for (ArtifactOutcome artifact : findingsArtifacts(run)) {
      FindingsPresentation presentation =
          presentations.of(artifact.output().schema()).orElseThrow();
      String fallbackSystem = upstreamSources(run, artifact.id());
      try (InputStream in = store.read(run.run().runId(), artifact.id());
          MessageReader reader = MessageReader.open(Json.mapper(), in)) {
        for (Iterator<JsonNode> items = reader.items(); items.hasNext(); ) {
          findings.add(
              finding(items.next(), artifact.id(), presentation, fallbackSystem, suppressions));
        }
        readCoverage(reader.fields().get("coverage"), fallbackSystem, coverage);
        readCoverage(reader.trailer().get("coverage"), fallbackSystem, coverage);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot read artifact '" + artifact.id() + "' of run " + run.run().runId(), e);
      }
    }
    // What producers recorded they read is the run's coverage; what analysers wrote into their
    // findings only stands in for runs that predate those records.
    List<Inventory.Coverage> recorded = new ArrayList<>();
    recordedCoverage(run, recorded);
    return new Inventory(
        findings, sources(run), recorded.isEmpty() ? coverage : recorded, suppressions);
  }

  /** What each producer recorded it read, sampled or skipped (runs since coverage records). */
  private void recordedCoverage(StoredRun run, List<Inventory.Coverage> out) {
    RunRecords records = new RunRecords(store);
    for (ArtifactOutcome artifact : run.artifacts()) {
      records
          .coverage(run.run().runId(), artifact.id())
          .ifPresent(
              recorded -> {
                for (ObjectCoverage object : recorded.objects()) {
                  boolean skipped = object.state() == ObjectCoverage.State.SKIPPED;
                  out.add(
                      new Inventory.Coverage(
                          artifact.id(),
                          object.object(),
                          object.state().name().toLowerCase(Locale.ROOT),
                          skipped ? object.reason().name().toLowerCase(Locale.ROOT) : null,
                          skipped));
                }
              });
    }
  }

  /**
   * The run's findings artifacts: where an aspect has classifications, its indicators are left out
   * unless the runbook made them outputs themselves.
   */
  public List<ArtifactOutcome> findingsArtifacts(StoredRun run) {
    List<ArtifactOutcome> found = new ArrayList<>();
    Set<Aspect> classified = EnumSet.noneOf(Aspect.class);
    for (ArtifactOutcome artifact : run.artifacts()) {
      if (artifact.state() == ArtifactState.SUCCEEDED
          && artifact.output() != null
          && presentations.isFindings(artifact.output().schema())) {
        found.add(artifact);
        FindingsPresentation p = presentations.of(artifact.output().schema()).orElseThrow();
        if (p.kind() == Kind.CLASSIFICATION) {
          classified.add(p.aspect());
        }
      }
    }
    found.removeIf(
        a -> {
          FindingsPresentation p = presentations.of(a.output().schema()).orElseThrow();
          return p.kind() == Kind.INDICATOR
              && classified.contains(p.aspect())
              && !run.isOutput(a, presentations);
        });
    return found;
  }

  private static Finding finding(
      JsonNode node,
      String artifactId,
      FindingsPresentation presentation,
      String fallbackSystem,
      RunSuppressions suppressions) {
    String id = node.path("id").asText("");
    String value = text(node, presentation.valueField());
    if (value == null) {
      value = id;
    }
    String classification =
        presentation.classificationField() == null
            ? null
            : text(node, presentation.classificationField());
    Location location = Location.of(node.get("location"));

    List<Detector> detectors = new ArrayList<>();
    if (node.path("detectors").isArray()) {
      for (JsonNode d : node.get("detectors")) {
        detectors.add(
            new Detector(
                d.path("rule").asText(""), d.path("kind").asText(""), d.path("matches").asLong(0)));
      }
    } else {
      for (JsonNode p : node.path("matched_patterns")) {
        detectors.add(
            new Detector(p.path("pattern").asText(""), "", p.path("match_count").asLong(0)));
      }
    }
    long matches =
        node.path("matches").canConvertToLong()
            ? node.get("matches").asLong()
            : detectors.stream().mapToLong(Detector::matches).sum();

    List<Example> examples = new ArrayList<>();
    if (node.path("examples").isArray()) {
      for (JsonNode e : node.get("examples")) {
        examples.add(
            new Example(
                e.path("snippet").asText(""), number(e, "line"), number(e, "column"), null));
      }
    } else {
      for (JsonNode e : node.path("evidence")) {
        Location at = Location.of(e.get("location"));
        examples.add(
            new Example(e.path("snippet").asText(""), at == null ? null : at.line(), null, at));
      }
    }

    List<FindingsPresentation.Flag> flags = new ArrayList<>();
    Set<String> flagFields = new LinkedHashSet<>();
    for (FindingsPresentation.Flag flag : presentation.flags()) {
      JsonNode at = node.at(flag.pointer());
      boolean raised =
          flag.raisedBy().isEmpty()
              ? at.isBoolean() && at.booleanValue()
              : at.isValueNode() && flag.raisedBy().contains(at.asText());
      if (raised) {
        flags.add(flag);
      }
      flagFields.add(flag.pointer().substring(1).split("/")[0]);
    }

    Set<String> recipients = new LinkedHashSet<>();
    if (presentation.recipientPointer() != null) {
      JsonNode at = node.at(presentation.recipientPointer());
      if (at.isArray()) {
        at.forEach(r -> recipients.add(r.asText()));
      } else if (at.isValueNode() && !at.asText().isEmpty()) {
        recipients.add(at.asText());
      }
    }

    List<Detail> details = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      JsonNode v = field.getValue();
      if (OWN_FIELDS.contains(key)
          || key.equals(presentation.valueField())
          || key.equals(presentation.classificationField())
          || v.isNull()
          || v.isContainerNode() && v.isEmpty()
          || v.isBoolean() && (flagFields.contains(key) || !v.booleanValue())) {
        continue;
      }
      String text = v.isBoolean() ? "yes" : Text.plain(v);
      details.add(new Detail(Text.humanise(key), text));
    }

    JsonNode recordedConfidence =
        node.has("confidence") ? node.get("confidence") : node.get("confidence_score");
    Integer confidence = confidence(recordedConfidence);
    String confidenceLevel =
        recordedConfidence != null && recordedConfidence.isTextual()
            ? recordedConfidence.asText()
            : null;
    String system =
        location != null && location.systemName() != null ? location.systemName() : fallbackSystem;
    Finding unsuppressed =
        new Finding(
            artifactId,
            id,
            presentation,
            value,
            classification,
            system,
            location,
            detectors,
            matches,
            confidence,
            confidenceLevel,
            number(node, "values_examined"),
            number(node, "values_matched"),
            examples,
            flags,
            List.copyOf(recipients),
            details,
            null);
    return suppressions
        .naming(artifactId, id)
        .map(
            s ->
                new Finding(
                    artifactId,
                    id,
                    presentation,
                    unsuppressed.value(),
                    classification,
                    system,
                    location,
                    detectors,
                    matches,
                    confidence,
                    confidenceLevel,
                    unsuppressed.valuesExamined(),
                    unsuppressed.valuesMatched(),
                    examples,
                    flags,
                    unsuppressed.recipients(),
                    details,
                    new Finding.Suppressed(s, s.appliesTo(unsuppressed.fingerprint()))))
        .orElse(unsuppressed);
  }

  /** 0 to 100; a fraction (0.0 to 1.0) is read as a share. */
  private static Integer confidence(JsonNode value) {
    if (value == null || !value.isNumber()) {
      return null;
    }
    double v = value.asDouble();
    if (value.isFloatingPointNumber() && v <= 1.0) {
      v = v * 100;
    }
    return (int) Math.max(0, Math.min(100, Math.round(v)));
  }

  private void readCoverage(JsonNode node, String fallbackSystem, List<Inventory.Coverage> out) {
    if (node == null || !node.isArray()) {
      return;
    }
    for (JsonNode entry : node) {
      Location location = Location.of(entry.has("location") ? entry.get("location") : entry);
      String system =
          location != null && location.systemName() != null
              ? location.systemName()
              : fallbackSystem;
      String object = location == null ? "" : location.display();
      String status = entry.path("status").asText("");
      String reason = firstText(entry, "reason", "error", "skip_reason", "skipped_reason");
      boolean gap = reason != null || !status.isEmpty() && !SCANNED.contains(status);
      out.add(new Inventory.Coverage(system, object, status, reason, gap));
    }
  }

  private static List<Inventory.Source> sources(StoredRun run) {
    List<Inventory.Source> sources = new ArrayList<>();
    run.planIfKnown()
        .ifPresent(
            plan -> {
              for (PlannedArtifact planned : plan.artifacts()) {
                if (planned.producer() instanceof Producer.Source source) {
                  Long items =
                      run.artifact(planned.id())
                          .filter(a -> a.output() != null)
                          .map(a -> a.output().itemCount())
                          .orElse(null);
                  sources.add(
                      new Inventory.Source(
                          planned.id(),
                          planned.name() == null ? planned.id() : planned.name(),
                          source.type(),
                          items));
                }
              }
            });
    return sources;
  }

  /**
   * The sources a findings artifact derives from, as the system of findings that record no
   * location: {@code Web app files (filesystem)}; its own id when the plan is unknown.
   */
  private static String upstreamSources(StoredRun run, String artifactId) {
    if (run.planIfKnown().isEmpty()) {
      return artifactId;
    }
    Set<String> seen = new LinkedHashSet<>();
    List<String> names = new ArrayList<>();
    Deque<String> pending = new ArrayDeque<>(List.of(artifactId));
    while (!pending.isEmpty()) {
      String id = pending.removeFirst();
      if (!seen.add(id)) {
        continue;
      }
      run.planned(id)
          .ifPresent(
              planned -> {
                if (planned.producer() instanceof Producer.Source source) {
                  names.add(
                      (planned.name() == null ? planned.id() : planned.name())
                          + " ("
                          + source.type()
                          + ")");
                }
                pending.addAll(planned.inputs());
              });
    }
    return names.isEmpty() ? artifactId : String.join(", ", names);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
  }

  private static String firstText(JsonNode node, String... fields) {
    for (String field : fields) {
      String value = text(node, field);
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    return null;
  }

  private static Long number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.canConvertToLong() ? value.asLong() : null;
  }
}
