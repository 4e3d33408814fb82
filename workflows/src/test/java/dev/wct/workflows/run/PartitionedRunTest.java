package dev.wct.workflows.run;

import static dev.wct.testkit.plans.PlanBuilder.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.plan.Partitioning;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.run.RunStatus;
import dev.wct.workflows.partition.PartitionsDone;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PartitionedRunTest {
  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowTestSupport.extension();

  /** A partitioned source, an analyser per partition of it, and a whole-input consumer. */
  static ExecutionPlan sourceAnalyserAndClassifier(int maxConcurrency) {
    return plan()
        .maxConcurrency(maxConcurrency)
        .source("files")
        .partitioned("files", Partitioning.bySize(64L << 20, 0))
        .analyser("pii", "files")
        .partitioned("pii", Partitioning.perPartitionOf("files"))
        .analyser("classified", "pii")
        .build();
  }

  private final EventLog log = new EventLog();
  private final FakeProducers producers = new FakeProducers(log);

  private RunResult run(
      TestWorkflowEnvironment env, Worker worker, ExecutionPlan plan, FakePartitions partitions) {
    return WorkflowTestSupport.result(
        WorkflowTestSupport.start(
            env,
            worker,
            "r1",
            new RunRequest("r1", plan, null),
            producers,
            partitions,
            new FakeRecords()));
  }

  @Test
  void eachPartitionIsProducedByItsOwnActivityAndAnalysedAsSoonAsItExists(
      TestWorkflowEnvironment env, Worker worker) {
    FakePartitions partitions = new FakePartitions(log, 10);

    RunResult result = run(env, worker, sourceAnalyserAndClassifier(2), partitions);

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    for (int i = 0; i < 10; i++) {
      assertThat(partitions.calls("files", i)).isEqualTo(1);
      assertThat(partitions.calls("pii", i)).isEqualTo(1);
    }
    // the analyser starts on the partitions that exist before the source's last one is started
    int firstAnalysis =
        log.events().stream()
            .filter(e -> e.startsWith("start:pii#"))
            .findFirst()
            .map(log::indexOf)
            .orElseThrow();
    assertThat(firstAnalysis).isLessThan(log.indexOf("start:files#9"));
    // the analyser of partition 3 reads partition 3 of the source, nothing else
    assertThat(
            partitions.requests.stream()
                .filter(r -> r.artifact().id().equals("pii") && r.index() == 3)
                .findFirst()
                .orElseThrow()
                .inputs())
        .singleElement()
        .satisfies(ref -> assertThat(ref.artifactId()).isEqualTo("files~p000003"));
    // the whole-input consumer gets the sealed artifact: 10 partitions, one item each
    assertThat(producers.request("classified").inputs())
        .singleElement()
        .satisfies(
            ref -> {
              assertThat(ref.artifactId()).isEqualTo("pii");
              assertThat(ref.itemCount()).isEqualTo(10);
            });
    assertThat(partitions.seals).extracting(s -> s.artifact().id()).containsExactly("files", "pii");
    assertThat(result.artifacts())
        .extracting(ArtifactOutcome::state)
        .containsOnly(ArtifactState.SUCCEEDED);
  }

  @Test
  void aFailedPartitionFailsItsArtifactAndSkipsWhatDependsOnIt(
      TestWorkflowEnvironment env, Worker worker) {
    FakePartitions partitions =
        new FakePartitions(log, 6).failing("files", 3, "filesystem: cannot read 'x'");

    RunResult result = run(env, worker, sourceAnalyserAndClassifier(4), partitions);

    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    ArtifactOutcome files = outcome(result.artifacts(), "files");
    assertThat(files.state()).isEqualTo(ArtifactState.FAILED);
    assertThat(files.error())
        .contains("1 of 6 partitions failed")
        .contains("partition 3: filesystem: cannot read 'x'");
    assertThat(outcome(result.artifacts(), "pii").state()).isEqualTo(ArtifactState.SKIPPED);
    assertThat(outcome(result.artifacts(), "classified").state()).isEqualTo(ArtifactState.SKIPPED);
    // the other partitions still ran, and the analyser ran on them
    assertThat(partitions.calls("pii", 5)).isEqualTo(1);
    assertThat(partitions.calls("pii", 3)).isZero();
    assertThat(partitions.seals).isEmpty();
  }

  @Test
  void theStatusQueryShowsPartitionsDoneOfTotalWhileTheGroupRuns(
      TestWorkflowEnvironment env, Worker worker) throws InterruptedException {
    FakePartitions partitions = new FakePartitions(log, 20).holdFrom(10);
    RunbookWorkflow workflow =
        WorkflowTestSupport.start(
            env,
            worker,
            "r1",
            new RunRequest("r1", sourceAnalyserAndClassifier(2), null),
            producers,
            partitions,
            new FakeRecords());

    PartitionsDone midway = null;
    for (int poll = 0; poll < 600 && midway == null; poll++) {
      midway = workflow.status().partitionsOf("files").filter(p -> p.done() > 0).orElse(null);
      Thread.sleep(50);
    }
    RunProgress during = workflow.status();
    partitions.release();
    RunResult result = WorkflowTestSupport.result(workflow);

    assertThat(midway).isNotNull();
    assertThat(midway.total()).isEqualTo(20);
    assertThat(midway.done()).isBetween(1, 10); // partitions from 10 on are held
    assertThat(outcome(during.artifacts(), "files").state()).isEqualTo(ArtifactState.RUNNING);
    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    RunProgress after = workflow.status();
    assertThat(after.partitions())
        .containsExactly(new PartitionsDone("files", 20, 20), new PartitionsDone("pii", 20, 20));
  }

  private static ArtifactOutcome outcome(List<ArtifactOutcome> outcomes, String id) {
    return outcomes.stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
  }
}
