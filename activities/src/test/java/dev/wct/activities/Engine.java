package dev.wct.activities;

import dev.wct.activities.engine.ProducerEnvironment;
import dev.wct.activities.engine.RunHandle;
import dev.wct.activities.engine.RunLauncher;
import dev.wct.activities.engine.WctWorkers;
import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.spi.Analyser;
import dev.wct.core.spi.ComponentCatalog;
import dev.wct.core.spi.Connector;
import dev.wct.store.memory.InMemoryArtifactStore;
import dev.wct.store.runs.RunRecords;
import dev.wct.workflows.run.RunResult;
import dev.wct.workflows.run.RunbookWorkflow;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** A test server, a worker with the real activities, an in-memory store and a launcher. */
final class Engine {
  final InMemoryArtifactStore store = new InMemoryArtifactStore();
  final RunRecords records = new RunRecords(store);
  final TestWorkflowEnvironment env;
  final RunLauncher launcher;

  Engine(
      TestWorkflowEnvironment env,
      Worker worker,
      List<Connector> connectors,
      List<Analyser> analysers,
      Map<String, String> variables) {
    this.env = env;
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

  /** The run's whole workflow history, as Temporal stores it. */
  String historyJson(String runId) {
    return env.getWorkflowClient().fetchHistory(RunbookWorkflow.workflowId(runId)).toJson(false);
  }
}
