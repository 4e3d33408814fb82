package dev.wct.engine;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.wct.activities.worker.ProducerEnvironment;
import dev.wct.activities.worker.WctWorkers;
import dev.wct.core.plan.ExecutionPlan;
import dev.wct.spi.Analyser;
import dev.wct.spi.ComponentCatalog;
import dev.wct.spi.Connector;
import dev.wct.store.ArtifactStore;
import dev.wct.store.memory.InMemoryArtifactStore;
import dev.wct.store.runs.RunRecords;
import dev.wct.workflows.run.RunResult;
import dev.wct.workflows.run.RunbookWorkflow;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test server, a worker with the real activities, a store (in memory unless given) and a
 * launcher.
 */
final class Engine {
  private static final Pattern PAYLOAD_DATA = Pattern.compile("\"data\":\\s*\"([A-Za-z0-9+/=]+)\"");

  final ArtifactStore store;
  final RunRecords records;
  final TestWorkflowEnvironment env;
  final RunLauncher launcher;

  Engine(
      TestWorkflowEnvironment env,
      Worker worker,
      List<Connector> connectors,
      List<Analyser> analysers,
      Map<String, String> variables) {
    this(env, worker, connectors, analysers, variables, new InMemoryArtifactStore());
  }

  Engine(
      TestWorkflowEnvironment env,
      Worker worker,
      List<Connector> connectors,
      List<Analyser> analysers,
      Map<String, String> variables,
      ArtifactStore store) {
    this.env = env;
    this.store = store;
    this.records = new RunRecords(store);
    WctWorkers.registerActivities(
        worker,
        new ProducerEnvironment(
            store, ComponentCatalog.of(connectors, analysers), variables::get, Path.of(".")));
    env.start();
    launcher =
        new RunLauncher(env.getWorkflowClient(), store, worker.getTaskQueue(), Clock.systemUTC());
  }

  RunResult run(ExecutionPlan plan) {
    return launcher.start(plan, "runbook.yaml", null).awaitResult();
  }

  RunHandle start(ExecutionPlan plan) {
    return launcher.start(plan, "runbook.yaml", null);
  }

  /** The run's whole workflow history, as Temporal stores it (payloads base64-encoded). */
  String historyJson(String runId) {
    return env.getWorkflowClient().fetchHistory(RunbookWorkflow.workflowId(runId)).toJson(false);
  }

  /** The history with every payload decoded and appended, so its text can be searched. */
  String historyText(String runId) {
    String json = historyJson(runId);
    StringBuilder text = new StringBuilder(json);
    Matcher data = PAYLOAD_DATA.matcher(json);
    while (data.find()) {
      text.append('\n').append(new String(Base64.getDecoder().decode(data.group(1)), UTF_8));
    }
    return text.toString();
  }
}
