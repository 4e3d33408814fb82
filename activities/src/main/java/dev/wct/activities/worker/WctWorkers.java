package dev.wct.activities.worker;

import dev.wct.activities.producer.PartitionActivitiesImpl;
import dev.wct.activities.producer.ProducerActivitiesImpl;
import dev.wct.activities.records.RunRecordActivitiesImpl;
import dev.wct.workflows.run.RunbookWorkerOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;

/** Registers the wct workflow and activities on a Temporal worker. */
public final class WctWorkers {
  /** The task queue the CLI, the worker and the launcher agree on. */
  public static final String TASK_QUEUE = "wct";

  /** Worker options wct relies on: see {@link RunbookWorkerOptions}. */
  public static final WorkerOptions WORKER_OPTIONS = RunbookWorkerOptions.workerOptions();

  private WctWorkers() {}

  /** Registers {@code RunbookWorkflow} and the producer and run-record activities. */
  public static void register(Worker worker, ProducerEnvironment environment) {
    worker.registerWorkflowImplementationTypes(RunbookWorkerOptions.workflowImplementations());
    registerActivities(worker, environment);
  }

  /** Registers only the activities, for workers (or tests) that host the workflow elsewhere. */
  public static void registerActivities(Worker worker, ProducerEnvironment environment) {
    worker.registerActivitiesImplementations(
        new ProducerActivitiesImpl(
            environment.store(),
            environment.catalog(),
            environment.env(),
            environment.workingDirectory(),
            environment.observer()),
        new PartitionActivitiesImpl(
            environment.store(),
            environment.catalog(),
            environment.env(),
            environment.workingDirectory(),
            environment.observer()),
        new RunRecordActivitiesImpl(environment.store()));
  }
}
