package dev.wct.workflows.run;

import static dev.wct.testkit.plans.PlanBuilder.plan;
import static dev.wct.workflows.run.FakeProducers.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.run.RunStatus;
import dev.wct.testkit.plans.PlanBuilder;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DependencyDrivenSchedulingTest {
  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowTestSupport.extension();

  private final EventLog log = new EventLog();
  private final FakeProducers producers = new FakeProducers(log);
  private final FakeRecords records = new FakeRecords();

  private RunResult run(TestWorkflowEnvironment env, Worker worker, ExecutionPlan plan) {
    RunbookWorkflow workflow =
        WorkflowTestSupport.start(
            env, worker, "r1", new RunRequest("r1", plan, null), producers, records);
    return WorkflowTestSupport.result(workflow);
  }

  @Test
  void sourceThenAnalyserRunsEndToEndAndRecordsTheRun(TestWorkflowEnvironment env, Worker worker) {
    RunResult result = run(env, worker, plan().source("db").analyser("pii", "db").build());

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(result.idsIn(ArtifactState.SUCCEEDED)).containsExactly("db", "pii");
    assertThat(result.artifact("pii").orElseThrow().output().key())
        .isEqualTo("runs/r1/artifacts/pii.json");
    assertThat(producers.request("pii").inputs())
        .extracting(ref -> ref.key())
        .containsExactly("runs/r1/artifacts/db.json");
    // the launcher recorded the run's start; the workflow records only a scheduled run's
    assertThat(records.started).isEmpty();
    assertThat(records.finished)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(RunStatus.COMPLETED);
              assertThat(f.unsucceeded()).isEmpty();
            });
  }

  @Test
  void independentProducersOverlap(TestWorkflowEnvironment env, Worker worker) {
    producers.on("a", sleep(300)).on("b", sleep(300));

    run(env, worker, plan().source("a").source("b").build());

    assertThat(log.indexOf("start:b")).isLessThan(log.indexOf("end:a"));
    assertThat(log.indexOf("start:a")).isLessThan(log.indexOf("end:b"));
  }

  @Test
  void aReadyArtifactDoesNotWaitForAnUnrelatedSlowOne(TestWorkflowEnvironment env, Worker worker) {
    producers.on("slow", sleep(1_000));

    run(env, worker, plan().source("slow").source("fast").analyser("fast_pii", "fast").build());

    assertThat(log.indexOf("end:fast_pii")).isLessThan(log.indexOf("end:slow"));
  }

  @Test
  void everyArtifactStartsAfterAllOfItsInputsEnded(TestWorkflowEnvironment env, Worker worker) {
    producers.on("a", sleep(100)).on("b", sleep(200));

    run(
        env,
        worker,
        plan()
            .source("a")
            .source("b")
            .analyser("ab", "a", "b")
            .analyser("ab2", "ab")
            .passThrough("all", "ab", "ab2")
            .build());

    assertThat(log.indexOf("start:ab"))
        .isGreaterThan(log.indexOf("end:a"))
        .isGreaterThan(log.indexOf("end:b"));
    assertThat(log.indexOf("start:ab2")).isGreaterThan(log.indexOf("end:ab"));
    assertThat(log.indexOf("start:all")).isGreaterThan(log.indexOf("end:ab2"));
  }

  @Test
  void fanInPassesEveryInputInInputOrder(TestWorkflowEnvironment env, Worker worker) {
    producers.on("a", sleep(200));

    run(
        env,
        worker,
        plan().source("a").source("b").source("c").analyser("all", "c", "a", "b").build());

    assertThat(producers.request("all").inputs())
        .extracting(ref -> ref.key())
        .containsExactly(
            "runs/r1/artifacts/c.json", "runs/r1/artifacts/a.json", "runs/r1/artifacts/b.json");
  }

  @Test
  void noMoreProducersRunAtOnceThanTheCap(TestWorkflowEnvironment env, Worker worker) {
    PlanBuilder plan = plan().maxConcurrency(2);
    for (int i = 0; i < 8; i++) {
      plan.source("s" + i);
      producers.on("s" + i, sleep(50));
    }

    RunResult result = run(env, worker, plan.build());

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(log.maxConcurrent()).isEqualTo(2);
  }

  @Test
  void aRunOptionOverridesThePlansConcurrency(TestWorkflowEnvironment env, Worker worker) {
    PlanBuilder plan = plan().maxConcurrency(10);
    for (int i = 0; i < 4; i++) {
      plan.source("s" + i);
      producers.on("s" + i, sleep(50));
    }

    RunbookWorkflow workflow =
        WorkflowTestSupport.start(
            env,
            worker,
            "r5",
            new RunRequest("r5", plan.build(), new RunOptions(1)),
            producers,
            records);
    WorkflowTestSupport.result(workflow);

    assertThat(log.maxConcurrent()).isEqualTo(1);
  }

  @Test
  void readyArtifactsAreReleasedInPlanOrder(TestWorkflowEnvironment env, Worker worker) {
    PlanBuilder plan = plan().maxConcurrency(1);
    for (String id : new String[] {"a", "b", "c", "d"}) {
      plan.source(id);
    }

    run(env, worker, plan.build());

    assertThat(log.events())
        .containsExactly(
            "start:a", "end:a", "start:b", "end:b", "start:c", "end:c", "start:d", "end:d");
  }
}
