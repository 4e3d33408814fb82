package dev.wct.cli.plan;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.plan.PlannedArtifact;
import java.util.HashMap;
import java.util.Map;

/** A plan as a Graphviz DOT or Mermaid flowchart, edges in data-flow direction. */
final class PlanGraph {
  private PlanGraph() {}

  static String dot(ExecutionPlan plan) {
    StringBuilder dot = new StringBuilder();
    dot.append("digraph ").append(dotString(plan.runbook().name())).append(" {\n");
    dot.append("  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n");
    for (PlannedArtifact artifact : plan.artifacts()) {
      dot.append("  ")
          .append(dotString(artifact.id()))
          .append(" [label=")
          .append(
              dotString(
                  artifact.id()
                      + "\n"
                      + artifact.producer().label()
                      + "\n"
                      + artifact.outputSchema()))
          .append(style(artifact))
          .append("];\n");
    }
    for (PlannedArtifact artifact : plan.artifacts()) {
      for (String input : artifact.inputs()) {
        dot.append("  ")
            .append(dotString(input))
            .append(" -> ")
            .append(dotString(artifact.id()))
            .append(";\n");
      }
    }
    return dot.append("}\n").toString();
  }

  static String mermaid(ExecutionPlan plan) {
    Map<String, String> nodeIds = new HashMap<>();
    StringBuilder chart = new StringBuilder("flowchart LR\n");
    for (PlannedArtifact artifact : plan.artifacts()) {
      String node = "n" + nodeIds.size();
      nodeIds.put(artifact.id(), node);
      chart
          .append("  ")
          .append(node)
          .append("[\"")
          .append(mermaidText(artifact.id()))
          .append("<br/>")
          .append(mermaidText(artifact.producer().label()))
          .append("<br/>")
          .append(mermaidText(artifact.outputSchema().toString()))
          .append("\"]\n");
    }
    for (PlannedArtifact artifact : plan.artifacts()) {
      for (String input : artifact.inputs()) {
        chart
            .append("  ")
            .append(nodeIds.get(input))
            .append(" --> ")
            .append(nodeIds.get(artifact.id()))
            .append('\n');
      }
    }
    return chart.toString();
  }

  /** Bold for exported artifacts, dashed for optional ones. */
  private static String style(PlannedArtifact artifact) {
    if (artifact.output() && artifact.optional()) {
      return ", style=\"bold,dashed\"";
    }
    return artifact.output() ? ", style=bold" : artifact.optional() ? ", style=dashed" : "";
  }

  private static String dotString(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  private static String mermaidText(String text) {
    return text.replace("&", "#amp;")
        .replace("\"", "#quot;")
        .replace("<", "#lt;")
        .replace(">", "#gt;");
  }
}
