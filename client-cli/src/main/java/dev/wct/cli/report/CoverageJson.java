package dev.wct.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.core.run.ArtifactCoverage;
import dev.wct.core.run.CoverageSummary;
import dev.wct.core.run.ObjectCoverage;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The snake_case JSON of coverage, for the results document and {@code wct inspect --json}: a
 * summary {@code {object_kind, scanned, sampled, skipped, rows_read, skipped_by_reason: {binary: 2,
 * ...}}} and objects {@code {object, state, rows_read, rows_estimated, reason}}. Object names only
 * (file paths, table names), never content.
 */
public final class CoverageJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CoverageJson() {}

  public static ObjectNode summary(CoverageSummary summary) {
    ObjectNode node = NODES.objectNode();
    node.put("object_kind", summary.objectKind());
    node.put("scanned", summary.scanned());
    node.put("sampled", summary.sampled());
    node.put("skipped", summary.skipped());
    node.put("rows_read", summary.rowsRead());
    ObjectNode reasons = node.putObject("skipped_by_reason");
    summary.skippedByReason().forEach((reason, count) -> reasons.put(lower(reason), count));
    return node;
  }

  public static ObjectNode object(ObjectCoverage object) {
    ObjectNode node = NODES.objectNode();
    node.put("object", object.object());
    node.put("state", lower(object.state().name()));
    if (object.rowsRead() != null) {
      node.put("rows_read", object.rowsRead());
    }
    if (object.rowsEstimated() != null) {
      node.put("rows_estimated", object.rowsEstimated());
    }
    if (object.reason() != null) {
      node.put("reason", lower(object.reason().name()));
    }
    return node;
  }

  /**
   * Writes {@code {id, producer, summary, warnings, objects, objects_not_listed}}, the objects
   * streamed one by one.
   */
  public static void write(
      String producer, ArtifactCoverage coverage, List<String> warnings, JsonGenerator gen)
      throws IOException {
    gen.writeStartObject();
    gen.writeStringField("id", coverage.artifactId());
    if (producer != null) {
      gen.writeStringField("producer", producer);
    }
    gen.writeFieldName("summary");
    gen.writeTree(summary(coverage.summary()));
    gen.writeArrayFieldStart("warnings");
    for (String warning : warnings) {
      gen.writeString(warning);
    }
    gen.writeEndArray();
    gen.writeArrayFieldStart("objects");
    for (ObjectCoverage object : coverage.objects()) {
      gen.writeTree(object(object));
    }
    gen.writeEndArray();
    gen.writeNumberField("objects_not_listed", coverage.objectsNotListed());
    gen.writeEndObject();
  }

  /** One line for people: {@code 117 files read, 3 skipped (2 binary, 1 too large)}. */
  public static String line(CoverageSummary summary) {
    StringBuilder line = new StringBuilder();
    if (summary.sampled() > 0) {
      line.append(summary.sampled())
          .append(' ')
          .append(summary.objectKind())
          .append(" sampled (")
          .append(summary.rowsRead())
          .append(summary.rowsRead() == 1 ? " row)" : " rows)");
      if (summary.scanned() > 0) {
        line.append(", ").append(summary.scanned()).append(" read");
      }
    } else {
      line.append(summary.scanned()).append(' ').append(summary.objectKind()).append(" read");
    }
    if (summary.skipped() > 0) {
      line.append(", ")
          .append(summary.skipped())
          .append(" skipped (")
          .append(summary.reasons(false))
          .append(')');
    }
    return line.toString();
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
