package dev.wct.cli.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.cli.report.inventory.StoredRun;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactRef;
import dev.wct.core.run.ArtifactState;
import dev.wct.store.runs.RunRecord;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** The snake_case JSON shapes of runs and artifacts that every wct command prints. */
public final class RunJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RunJson() {}

  /** {@code id, status, started, ended, duration_ms, error}, plus the artifact counts. */
  public static ObjectNode run(StoredRun stored) {
    RunRecord run = stored.run();
    ObjectNode node = NODES.objectNode();
    node.put("id", run.runId());
    node.put("status", run.status().label());
    putInstant(node, "started", run.startedAt());
    putInstant(node, "ended", run.endedAt());
    if (stored.durationMillis() != null) {
      node.put("duration_ms", stored.durationMillis());
    }
    if (run.error() != null) {
      node.put("error", run.error());
    }
    if (run.retryOf() != null) {
      node.put("retry_of", run.retryOf());
    }
    return node;
  }

  /** {@code name, description, path, plan_hash}. */
  public static ObjectNode runbook(StoredRun stored) {
    RunRecord run = stored.run();
    ObjectNode node = NODES.objectNode();
    node.put("name", run.runbookName());
    stored.description().ifPresent(d -> node.put("description", d));
    if (run.runbookPath() != null) {
      node.put("path", run.runbookPath());
    }
    if (run.planHash() != null) {
      node.put("plan_hash", run.planHash());
    }
    return node;
  }

  /** {@code artifacts} (planned) and the count of each state, e.g. {@code succeeded: 3}. */
  public static ObjectNode summary(StoredRun stored) {
    ObjectNode node = NODES.objectNode();
    node.put("artifacts", Math.max(stored.run().artifactCount(), stored.artifacts().size()));
    for (Map.Entry<ArtifactState, Integer> count : stored.countsByState().entrySet()) {
      node.put(label(count.getKey()), count.getValue());
    }
    if (stored.run().retryOf() != null) {
      // Counted among the succeeded too.
      node.put("reused", stored.artifacts().stream().filter(ArtifactOutcome::reused).count());
    }
    return node;
  }

  /** One artifact record, without content. */
  public static ObjectNode artifact(ArtifactOutcome artifact) {
    ObjectNode node = NODES.objectNode();
    node.put("id", artifact.id());
    if (artifact.producer() != null) {
      node.put("producer", artifact.producer());
    }
    node.put("state", label(artifact.state()));
    node.put("attempts", artifact.attempts());
    putInstant(node, "started", artifact.startedAt());
    putInstant(node, "ended", artifact.endedAt());
    if (artifact.durationMillis() != null) {
      node.put("duration_ms", artifact.durationMillis());
    }
    if (artifact.output() != null) {
      node.set("reference", reference(artifact.output()));
    }
    if (artifact.error() != null) {
      node.put("error", artifact.error());
    }
    if (artifact.errorKind() != null) {
      node.put("error_kind", artifact.errorKind().toLowerCase(Locale.ROOT));
    }
    if (artifact.skipReason() != null) {
      node.put("skip_reason", artifact.skipReason());
    }
    if (artifact.reusedFrom() != null) {
      node.put("reused_from", artifact.reusedFrom());
    }
    if (artifact.coverage() != null) {
      node.set("coverage", CoverageJson.summary(artifact.coverage()));
    }
    if (artifact.hasWarnings()) {
      artifact.warnings().forEach(node.putArray("warnings")::add);
    }
    return node;
  }

  public static ObjectNode reference(ArtifactRef ref) {
    ObjectNode node = NODES.objectNode();
    node.put("key", ref.key());
    node.put("schema", ref.schema().toString());
    node.put("size_bytes", ref.sizeBytes());
    node.put("sha256", ref.sha256());
    node.put("item_count", ref.itemCount());
    return node;
  }

  public static String label(ArtifactState state) {
    return state.name().toLowerCase(Locale.ROOT);
  }

  private static void putInstant(ObjectNode node, String field, Instant at) {
    if (at != null) {
      node.put(field, at.toString());
    }
  }
}
