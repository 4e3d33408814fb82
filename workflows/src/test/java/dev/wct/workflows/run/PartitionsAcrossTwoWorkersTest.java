package dev.wct.workflows.run;

import static dev.wct.testkit.plans.PlanBuilder.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.plan.Partitioning;
import dev.wct.core.run.RunStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two workers (each with its own identity, as two processes would have) poll one task queue: the
 * partitions of one source are produced by both, as the block's history shows.
 */
class PartitionsAcrossTwoWorkersTest {
  private static final String QUEUE = "wct-two-workers";
  private static final int PARTITIONS = 40;

  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();

  @AfterEach
  void close() {
    env.close();
  }

  private WorkerFactory worker(String identity, FakePartitions partitions) {
    WorkflowClient client =
        WorkflowClient.newInstance(
            env.getWorkflowServiceStubs(),
            WorkflowClientOptions.newBuilder()
                .setNamespace(env.getNamespace())
                .setIdentity(identity)
                .build());
    WorkerFactory factory = WorkerFactory.newInstance(client);
    Worker worker = factory.newWorker(QUEUE, RunbookWorkerOptions.workerOptions());
    worker.registerWorkflowImplementationTypes(RunbookWorkerOptions.workflowImplementations());
    worker.registerActivitiesImplementations(
        new FakeProducers(new EventLog()), partitions, new FakeRecords());
    return factory;
  }

  @Test
  void bothWorkersProducePartitionsOfOneSource() {
    // each partition takes a while, so that a lone worker cannot take them all
    FakePartitions slow = new FakePartitions(new EventLog(), PARTITIONS).slow(100);
    WorkerFactory a = worker("worker-a", slow);
    WorkerFactory b = worker("worker-b", slow);
    a.start();
    b.start();
    ExecutionPlan plan =
        plan()
            .maxConcurrency(8)
            .source("files")
            .partitioned("files", Partitioning.bySize(0, 10))
            .analyser("pii", "files")
            .partitioned("pii", Partitioning.perPartitionOf("files"))
            .build();
    RunbookWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                RunbookWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(RunbookWorkflow.workflowId("two"))
                    .setTaskQueue(QUEUE)
                    .build());
    WorkflowClient.start(workflow::run, new RunRequest("two", plan, null));
    RunResult result = WorkflowStub.fromTyped(workflow).getResult(RunResult.class);

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    HistoryMeasure block =
        HistoryMeasure.ofRun(env.getWorkflowClient(), "two", List.of("files"), 1).get(2);
    Map<String, Integer> byWorker = new TreeMap<>();
    block.activitiesByIdentity().forEach(byWorker::put);
    System.out.println("partition activities by worker: " + byWorker);
    assertThat(byWorker).containsOnlyKeys("worker-a", "worker-b");
    assertThat(byWorker.values()).allSatisfy(n -> assertThat(n).isGreaterThan(0));
    assertThat(byWorker.values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(2 * PARTITIONS);
  }
}
