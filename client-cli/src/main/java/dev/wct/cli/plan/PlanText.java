package dev.wct.cli.plan;

import dev.wct.spi.message.SchemaRef;
import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.plan.PlannedArtifact;
import dev.wct.core.plan.RetrySettings;
import dev.wct.core.runbook.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A plan as text: the DAG by levels, the critical path and the hash. */
final class PlanText {
  private PlanText() {}

  static String render(ExecutionPlan plan) {
    StringBuilder text = new StringBuilder();
    text.append("Plan: ").append(plan.runbook().name());
    if (plan.runbook().path() != null) {
      text.append(" (").append(plan.runbook().path()).append(')');
    }
    text.append('\n');
    text.append("Run: timeout ")
        .append(Durations.format(plan.settings().timeout()))
        .append(", max concurrency ")
        .append(plan.settings().maxConcurrency())
        .append(", retry ")
        .append(retry(plan.settings().retry()))
        .append('\n');
    Map<String, PlannedArtifact> byId = plan.artifactsById();
    int width = byId.keySet().stream().mapToInt(String::length).max().orElse(0);
    for (int level = 0; level < plan.levels().size(); level++) {
      text.append("\nLevel ").append(level).append('\n');
      for (String id : plan.levels().get(level)) {
        text.append("  ").append(line(byId.get(id), width, plan)).append('\n');
      }
    }
    text.append("\nCritical path (")
        .append(plan.criticalPath().size())
        .append("): ")
        .append(String.join(" -> ", plan.criticalPath()))
        .append('\n');
    text.append("Plan hash: ").append(plan.contentHash()).append('\n');
    return text.toString();
  }

  private static String line(PlannedArtifact artifact, int width, ExecutionPlan plan) {
    StringBuilder line = new StringBuilder(String.format("%-" + width + "s  ", artifact.id()));
    line.append(artifact.producer().label());
    if (!artifact.inputs().isEmpty()) {
      List<String> inputs = new ArrayList<>();
      for (int i = 0; i < artifact.inputs().size(); i++) {
        inputs.add(artifact.inputs().get(i) + " (" + artifact.inputSchemas().get(i) + ")");
      }
      line.append(" <- ").append(String.join(", ", inputs));
    }
    line.append(" -> ").append(artifact.outputSchema());
    List<String> flags = new ArrayList<>();
    if (artifact.output()) {
      flags.add("output");
    }
    if (artifact.optional()) {
      flags.add("optional");
    }
    if (!artifact.timeout().equals(plan.settings().timeout())) {
      flags.add("timeout " + Durations.format(artifact.timeout()));
    }
    if (!artifact.retry().equals(plan.settings().retry())) {
      flags.add("retry " + retry(artifact.retry()));
    }
    if (!flags.isEmpty()) {
      line.append("  [").append(String.join(", ", flags)).append(']');
    }
    return line.toString();
  }

  private static String retry(RetrySettings retry) {
    return retry.maxAttempts()
        + (retry.maxAttempts() == 1 ? " attempt" : " attempts")
        + (retry.maxAttempts() == 1
            ? ""
            : " from "
                + Durations.format(retry.initialInterval())
                + " x"
                + retry.backoffCoefficient()
                + (retry.maximumInterval() == null
                    ? ""
                    : " up to " + Durations.format(retry.maximumInterval())));
  }

  static String schemas(List<SchemaRef> schemas) {
    return schemas.stream().map(SchemaRef::toString).collect(Collectors.joining(", "));
  }
}
