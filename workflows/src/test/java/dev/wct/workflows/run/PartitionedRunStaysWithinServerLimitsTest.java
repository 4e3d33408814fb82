package dev.wct.workflows.run;

import static dev.wct.testkit.plans.PlanBuilder.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.plan.Partitioning;
import dev.wct.core.run.RunStatus;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The test server enforces none of a real server's limits, so these runs of many partitions (no-op
 * producers) measure every history they make (the run's, the partitioned artifact's, each block's)
 * against them: 51,200 events, 50 MiB, 2 MiB per event, 2,000 pending activities.
 */
class PartitionedRunStaysWithinServerLimitsTest {
  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowTestSupport.extension();

  private static ExecutionPlan partitionedPlan(boolean withAnalyser) {
    var plan =
        plan()
            .maxConcurrency(PartitionLimitsCheck.CONCURRENCY)
            .source("files")
            .partitioned("files", Partitioning.bySize(64L << 20, 0));
    if (withAnalyser) {
      plan.analyser("pii", "files").partitioned("pii", Partitioning.perPartitionOf("files"));
    }
    return plan.build();
  }

  /** 2,500 partitions of a source and 2,500 of its analyser: two blocks. */
  @Test
  void twoThousandFiveHundredPartitionsWithAnAnalyserStayWithinTheLimits(
      TestWorkflowEnvironment env, Worker worker) {
    List<HistoryMeasure> histories =
        PartitionLimitsCheck.run(
            env, worker, "p2k", partitionedPlan(true), 2_500, List.of("files"));
    assertThat(histories).hasSize(2 + 2);
  }

  /**
   * The 100,000 partitions: 25 blocks. Under a minute on the test server now that its lock
   * log is off (it took 7-16 minutes with it, in the integration group).
   */
  @Test
  void oneHundredThousandPartitionsStayWithinTheLimits(TestWorkflowEnvironment env, Worker worker) {
    List<HistoryMeasure> histories =
        PartitionLimitsCheck.run(
            env, worker, "p100k", partitionedPlan(false), 100_000, List.of("files"));
    assertThat(histories).hasSize(2 + 25);
  }

  /** Runs the plan and checks every history it made. */
  static final class PartitionLimitsCheck {
    static final int CONCURRENCY = 500;

    static List<HistoryMeasure> run(
        TestWorkflowEnvironment env,
        Worker worker,
        String runId,
        ExecutionPlan plan,
        int partitions,
        List<String> sources) {
      FakePartitions fake = new FakePartitions(null, partitions);
      long started = System.nanoTime();
      RunResult result =
          WorkflowTestSupport.result(
              WorkflowTestSupport.start(
                  env,
                  worker,
                  runId,
                  new RunRequest(runId, plan, null),
                  new FakeProducers(new EventLog()),
                  fake,
                  new FakeRecords()));
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(fake.calls("files", partitions - 1)).isEqualTo(1);
      int activitiesPerPartition = plan.artifacts().size();
      int perBlock = 4_000 / activitiesPerPartition;
      int blocks = (partitions + perBlock - 1) / perBlock;
      List<HistoryMeasure> histories =
          HistoryMeasure.ofRun(env.getWorkflowClient(), runId, sources, blocks);
      long events = 0;
      long bytes = 0;
      for (HistoryMeasure history : histories) {
        System.out.println(history);
        events += history.events();
        bytes += history.bytes();
        assertThat(history.withinServerLimits()).as(history.toString()).isTrue();
        assertThat(history.maxPending()).isLessThanOrEqualTo(CONCURRENCY);
      }
      System.out.printf(
          "%,d partitions x %d artifacts: %d workflows, %,d events, %,d history bytes in all,"
              + " largest history %,d events; %,d ms on the test server%n",
          partitions,
          activitiesPerPartition,
          histories.size(),
          events,
          bytes,
          histories.stream().mapToInt(HistoryMeasure::events).max().orElse(0),
          millis);
      return histories;
    }
  }
}
