package dev.wct.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.cli.context.CliContext;
import dev.wct.cli.options.StoreOptions;
import dev.wct.cli.report.inventory.Finding;
import dev.wct.cli.report.inventory.Inventory;
import dev.wct.cli.report.inventory.InventoryReader;
import dev.wct.cli.report.inventory.Presentations;
import dev.wct.cli.report.inventory.StoredRun;
import dev.wct.spi.json.Json;
import dev.wct.store.ArtifactStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wct diff RUN_A RUN_B}: what changed between two runs, finding by stable id: new, resolved,
 * and changed (same id, other confidence, matches or detectors).
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compare the findings of two runs by their stable ids: new (only in RUN_B), resolved (only"
          + " in RUN_A) and changed (confidence, matches or detectors differ).",
      "Suppressed findings are listed, marked. Exit code 0 whatever the difference."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  wct diff 20261122-153012-ab12cd 20261129-090000-ef34gh",
      "  wct diff RUN_A RUN_B --json --store s3://wct-artifacts"
    })
public final class DiffCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  private final CliContext context;

  @Mixin private StoreOptions store;

  @Parameters(index = "0", paramLabel = "RUN_A", description = "The earlier run.")
  private String runA;

  @Parameters(index = "1", paramLabel = "RUN_B", description = "The later run.")
  private String runB;

  @Option(names = "--json", description = "The difference as a JSON document.")
  private boolean json;

  DiffCommand(CliContext context) {
    this.context = context;
  }

  /** One finding in both runs whose evidence differs. */
  record Change(Finding before, Finding after, List<String> what) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (ArtifactStore artifacts = store.open()) {
      InventoryReader reader = new InventoryReader(artifacts, Presentations.of(context.catalog()));
      Inventory a = reader.read(StoredRun.load(artifacts, runA, store.displayName()));
      Inventory b = reader.read(StoredRun.load(artifacts, runB, store.displayName()));
      Map<String, Finding> before = byKey(a);
      Map<String, Finding> after = byKey(b);
      List<Finding> added = new ArrayList<>();
      List<Finding> resolved = new ArrayList<>();
      List<Change> changed = new ArrayList<>();
      int unchanged = 0;
      for (Finding finding : after.values()) {
        Finding old = before.get(finding.key());
        if (old == null) {
          added.add(finding);
          continue;
        }
        List<String> what = differences(old, finding);
        if (what.isEmpty()) {
          unchanged++;
        } else {
          changed.add(new Change(old, finding, what));
        }
      }
      for (Finding finding : before.values()) {
        if (!after.containsKey(finding.key())) {
          resolved.add(finding);
        }
      }
      if (json) {
        writeJson(added, resolved, changed, unchanged, out);
      } else {
        writeText(added, resolved, changed, unchanged, out);
      }
      out.flush();
    }
    return 0;
  }

  private static Map<String, Finding> byKey(Inventory inventory) {
    Map<String, Finding> map = new LinkedHashMap<>();
    inventory.findings().forEach(f -> map.putIfAbsent(f.key(), f));
    return map;
  }

  static List<String> differences(Finding a, Finding b) {
    List<String> what = new ArrayList<>();
    if (!Objects.equals(a.confidenceText(), b.confidenceText())) {
      what.add("confidence " + shown(a.confidenceText()) + " → " + shown(b.confidenceText()));
    }
    if (a.matches() != b.matches()) {
      what.add("matches " + a.matches() + " → " + b.matches());
    }
    if (!a.detectors().equals(b.detectors())) {
      what.add("detectors " + a.detectorsText() + " → " + b.detectorsText());
    }
    return what;
  }

  private static String shown(String confidence) {
    return confidence == null ? "none" : confidence;
  }

  private void writeText(
      List<Finding> added,
      List<Finding> resolved,
      List<Change> changed,
      int unchanged,
      PrintWriter out) {
    out.println(
        "Run "
            + runA
            + " → "
            + runB
            + ": "
            + added.size()
            + " new, "
            + resolved.size()
            + " resolved, "
            + changed.size()
            + " changed, "
            + unchanged
            + " unchanged");
    section(out, "New", "+", added);
    section(out, "Resolved", "-", resolved);
    if (!changed.isEmpty()) {
      out.println();
      out.println("Changed:");
      for (Change change : changed) {
        out.println("  ~ " + line(change.after()));
        out.println("      " + String.join("; ", change.what()));
      }
    }
  }

  private static void section(PrintWriter out, String title, String mark, List<Finding> findings) {
    if (findings.isEmpty()) {
      return;
    }
    out.println();
    out.println(title + ":");
    findings.forEach(f -> out.println("  " + mark + " " + line(f)));
  }

  private static String line(Finding f) {
    return f.label()
        + "  "
        + f.where()
        + "  ["
        + f.system()
        + "]  "
        + f.key()
        + (f.flags().isEmpty() ? "" : "  " + String.join(", ", f.flagLabels()))
        + (f.suppressed() ? "  (suppressed)" : "");
  }

  private void writeJson(
      List<Finding> added,
      List<Finding> resolved,
      List<Change> changed,
      int unchanged,
      PrintWriter out)
      throws Exception {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("run_a", runA).put("run_b", runB);
    ObjectNode counts = doc.putObject("counts");
    counts.put("new", added.size()).put("resolved", resolved.size());
    counts.put("changed", changed.size()).put("unchanged", unchanged);
    ArrayNode newList = doc.putArray("new");
    added.forEach(f -> newList.add(json(f)));
    ArrayNode resolvedList = doc.putArray("resolved");
    resolved.forEach(f -> resolvedList.add(json(f)));
    ArrayNode changedList = doc.putArray("changed");
    for (Change change : changed) {
      ObjectNode item = json(change.after());
      ArrayNode what = item.putArray("differences");
      change.what().forEach(what::add);
      item.set("before", evidence(change.before()));
      item.set("after", evidence(change.after()));
      changedList.add(item);
    }
    out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
  }

  private static ObjectNode json(Finding f) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("id", f.id()).put("artifact", f.artifactId()).put("value", f.value());
    if (f.classification() != null) {
      node.put("classification", f.classification());
    }
    node.put("system", f.system()).put("location", f.where());
    ArrayNode flags = node.putArray("flags");
    f.flagLabels().forEach(flags::add);
    node.put("suppressed", f.suppressed());
    node.set("evidence", evidence(f));
    return node;
  }

  private static ObjectNode evidence(Finding f) {
    ObjectNode node = Json.mapper().createObjectNode();
    if (f.confidence() != null) {
      node.put("confidence", f.confidence());
    } else if (f.confidenceLevel() != null) {
      node.put("confidence", f.confidenceLevel());
    } else {
      node.putNull("confidence");
    }
    node.put("matches", f.matches()).put("fingerprint", f.fingerprint());
    ArrayNode detectors = node.putArray("detectors");
    for (Finding.Detector d : f.detectors()) {
      detectors.addObject().put("rule", d.rule()).put("kind", d.kind()).put("matches", d.matches());
    }
    return node;
  }
}
