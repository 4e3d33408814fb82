package dev.wct.engine.schedule;

import static dev.wct.testkit.components.TestComponents.connector;
import static dev.wct.testkit.components.TestComponents.items;
import static dev.wct.testkit.plans.PlanBuilder.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wct.activities.worker.ProducerEnvironment;
import dev.wct.activities.worker.WctWorkers;
import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.run.RunStatus;
import dev.wct.engine.RunHandle;
import dev.wct.engine.RunLauncher;
import dev.wct.engine.server.DevServer;
import dev.wct.engine.visibility.RunFilter;
import dev.wct.engine.visibility.VisibleRun;
import dev.wct.engine.visibility.VisibleRuns;
import dev.wct.spi.ComponentCatalog;
import dev.wct.spi.error.WctException;
import dev.wct.store.memory.InMemoryArtifactStore;
import dev.wct.store.runs.RunRecords;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schedules and visibility on the real Temporal dev server, with a wct worker in this JVM: what a
 * user sees through {@code wct schedule} and {@code wct runs --temporal}.
 */
@Tag("integration")
class SchedulesOnDevServerTest {
  private static final String QUEUE = "wct-schedules-test";
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir static Path dir;

  private static DevServer server;
  private static WorkflowServiceStubs service;
  private static WorkflowClient client;
  private static WorkerFactory workers;
  private static final InMemoryArtifactStore store = new InMemoryArtifactStore();

  @BeforeAll
  static void startServerAndWorker() throws IOException {
    Optional<Path> binary = DevServer.findBinary();
    assumeTrue(binary.isPresent(), "no Temporal CLI (scripts/temporal-cli builds it)");
    server = DevServer.start(binary.get(), freePort(), freePort(), dir.resolve("temporal.db"));
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(server.address()).build());
    client =
        WorkflowClient.newInstance(
            service, WorkflowClientOptions.newBuilder().setNamespace("default").build());
    workers = WorkerFactory.newInstance(client);
    WctWorkers.register(
        workers.newWorker(QUEUE, WctWorkers.WORKER_OPTIONS),
        new ProducerEnvironment(
            store,
            ComponentCatalog.of(
                List.of(
                    connector("test_source", items("x", 2)),
                    connector(
                        "broken_source",
                        (context, properties, out) -> {
                          throw WctException.user("cannot open the source: bad credentials");
                        })),
                List.of()),
            name -> null,
            dir));
    workers.start();
  }

  @AfterAll
  static void stop() {
    if (workers != null) {
      workers.shutdownNow();
    }
    if (service != null) {
      service.shutdownNow();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aScheduleIsCreatedTriggeredBackfilledPausedAndDeletedAndItsRunsAreVisible() {
    Schedules schedules = new Schedules(client, QUEUE);
    ExecutionPlan plan = plan().source("db").passThrough("copy", "db").build();
    // New Year's Day only: no fire of its own during the test.
    schedules.create(
        new ScheduleDefinition(
            "nightly",
            "/runbooks/nightly.yaml",
            plan,
            "0 0 1 1 *",
            null,
            "UTC",
            Overlap.ALLOW_ALL,
            null,
            Duration.ofDays(1),
            false,
            "created by a test"));

    assertThatThrownBy(
            () ->
                schedules.create(
                    new ScheduleDefinition(
                        "nightly",
                        "x",
                        plan,
                        null,
                        Duration.ofHours(1),
                        null,
                        null,
                        null,
                        null,
                        false,
                        null)))
        .hasMessageContaining("schedule 'nightly' exists");

    schedules.trigger("nightly");
    schedules.backfill(
        "nightly", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T12:00:00Z"));

    List<VisibleRun> runs =
        await(
            () -> VisibleRuns.list(client, RunFilter.ALL.withSchedule("nightly"), 10),
            found ->
                found.size() == 2 && found.stream().allMatch(r -> r.status().equals("completed")));
    assertThat(runs)
        .allSatisfy(
            run -> {
              assertThat(run.runbook()).isEqualTo("test runbook");
              assertThat(run.workflowId()).startsWith("wct-sched-nightly-");
              assertThat(run.failedArtifacts()).isZero();
            });
    assertThat(runs)
        .extracting(VisibleRun::runId)
        .contains("20260101-000000-nightly")
        .doesNotHaveDuplicates();
    // The run records and the plan each fire ran are in the store, as for any run.
    RunRecords records = new RunRecords(store);
    assertThat(records.run("20260101-000000-nightly").orElseThrow().status())
        .isEqualTo(RunStatus.COMPLETED);
    assertThat(records.plan("20260101-000000-nightly").orElseThrow().contentHash())
        .isEqualTo(plan.contentHash());

    ScheduleView described = schedules.describe("nightly");
    assertThat(described.runbook()).isEqualTo("test runbook");
    assertThat(described.planHash()).isEqualTo(plan.contentHash());
    assertThat(described.runbookPath()).isEqualTo("/runbooks/nightly.yaml");
    assertThat(described.when()).isEqualTo("cron '0 0 1 1 *' (UTC)");
    assertThat(described.overlap()).isEqualTo(Overlap.ALLOW_ALL);
    assertThat(described.catchupWindow()).isEqualTo(Duration.ofDays(1));
    assertThat(described.nextTimes()).isNotEmpty().allMatch(t -> t.isAfter(Instant.now()));
    assertThat(described.recentRuns())
        .extracting(VisibleRun::status)
        .containsExactly("completed", "completed");
    assertThat(schedules.list()).extracting(ScheduleView::name).contains("nightly");

    schedules.pause("nightly", "maintenance");
    assertThat(schedules.describe("nightly").paused()).isTrue();
    assertThat(schedules.describe("nightly").note()).isEqualTo("maintenance");
    schedules.unpause("nightly", null);
    assertThat(schedules.describe("nightly").paused()).isFalse();

    ExecutionPlan replanned = plan().source("db").build();
    schedules.update(
        new ScheduleDefinition(
            "nightly",
            "/runbooks/nightly.yaml",
            replanned,
            null,
            Duration.ofDays(7),
            null,
            null,
            null,
            null,
            false,
            null),
        null);
    ScheduleView updated = schedules.describe("nightly");
    assertThat(updated.planHash()).isEqualTo(replanned.contentHash());
    assertThat(updated.when()).isEqualTo("every 168h");
    assertThat(updated.overlap()).isEqualTo(Overlap.SKIP);

    schedules.delete("nightly");
    assertThatThrownBy(() -> schedules.describe("nightly"))
        .isInstanceOf(WctException.class)
        .hasMessage("no schedule 'nightly' (wct schedule list shows them)");
    // The runs stay.
    assertThat(VisibleRuns.list(client, RunFilter.ALL.withSchedule("nightly"), 10)).hasSize(2);
  }

  @Test
  void aFailedAndACompletedRunAreFoundByTheirStatusAndRunbook() {
    RunLauncher launcher = new RunLauncher(client, store, QUEUE, Clock.systemUTC());
    RunHandle completed = launcher.start(plan().source("ok").build(), "ok.yaml", null);
    RunHandle failed =
        launcher.start(
            plan().source("ok").source("db", "broken_source", null).build(), "bad.yaml", null);
    completed.awaitResult();
    failed.awaitResult();

    RunFilter failures =
        new RunFilter("test runbook", "failed", Instant.now().minusSeconds(3600), null);
    List<VisibleRun> found =
        await(() -> VisibleRuns.list(client, failures, 10), runs -> runs.size() == 1);
    assertThat(found.get(0).runId()).isEqualTo(failed.runId());
    assertThat(found.get(0).failedArtifacts()).isEqualTo(1L);
    assertThat(found.get(0).closedAt()).isNotNull();

    List<VisibleRun> ok =
        await(
            () -> VisibleRuns.list(client, new RunFilter(null, "completed", null, null), 50),
            runs -> runs.stream().anyMatch(r -> r.runId().equals(completed.runId())));
    assertThat(ok)
        .filteredOn(r -> r.runId().equals(completed.runId()))
        .singleElement()
        .satisfies(r -> assertThat(r.failedArtifacts()).isZero());
  }

  /** Visibility is eventually consistent: polls until {@code done} or a minute has passed. */
  private static <T> T await(Supplier<T> query, java.util.function.Predicate<T> done) {
    Instant deadline = Instant.now().plus(WAIT);
    T last = query.get();
    while (!done.test(last) && Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      last = query.get();
    }
    return last;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
