package dev.wct.engine;

import static dev.wct.testkit.components.TestComponents.analyser;
import static dev.wct.testkit.components.TestComponents.connector;
import static dev.wct.testkit.components.TestComponents.items;
import static dev.wct.testkit.plans.PlanBuilder.plan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.core.message.MessageReader;
import dev.wct.core.run.ArtifactCoverage;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.run.ObjectCoverage;
import dev.wct.core.run.RunStatus;
import dev.wct.spi.Analyser;
import dev.wct.spi.Connector;
import dev.wct.spi.coverage.SkipReason;
import dev.wct.spi.json.Json;
import dev.wct.spi.message.ContentReader;
import dev.wct.workflows.run.RunResult;
import dev.wct.workflows.run.RunbookWorkerOptions;
import dev.wct.workflows.run.RunbookWorkflowImpl;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProducerActivitiesTest {
  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(RunbookWorkflowImpl.class)
          .setWorkerOptions(RunbookWorkerOptions.workerOptions())
          .setDoNotStart(true)
          .build();

  private final List<String> seen = new CopyOnWriteArrayList<>();

  /** Emits one finding per input item: {@code <input id>: <content>}. */
  private final Analyser echo =
      analyser(
          "echo",
          (context, properties, inputs, out) -> {
            for (ContentReader input : inputs) {
              seen.add(input.header().id());
              for (Iterator<JsonNode> it = input.items(); it.hasNext(); ) {
                String content = it.next().path("content").asText();
                out.item(
                    JsonNodeFactory.instance
                        .objectNode()
                        .put("content", input.header().id() + ": " + content));
              }
            }
          });

  private List<String> contents(Engine engine, String runId, String artifactId) {
    List<String> contents = new ArrayList<>();
    try (MessageReader reader =
        MessageReader.open(Json.mapper(), engine.store.read(runId, artifactId))) {
      reader.items().forEachRemaining(item -> contents.add(item.path("content").asText()));
    }
    return contents;
  }

  @Test
  void aSourceAndAnAnalyserStoreTheirArtifactsAndRecords(
      TestWorkflowEnvironment env, Worker worker) {
    Engine engine =
        new Engine(
            env,
            worker,
            List.of(connector("test_source", items("row", 2))),
            List.of(echo),
            Map.of());

    RunResult result =
        engine.run(plan().source("db").analyser("pii", "echo", (ObjectNode) null, "db").build());

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    ArtifactOutcome pii = result.artifact("pii").orElseThrow();
    assertThat(pii.output().itemCount()).isEqualTo(2);
    assertThat(pii.output().key()).isEqualTo("runs/" + result.runId() + "/artifacts/pii.json");
    assertThat(contents(engine, result.runId(), "pii")).containsExactly("db: row 0", "db: row 1");
    assertThat(engine.records.run(result.runId()).orElseThrow().status())
        .isEqualTo(RunStatus.COMPLETED);
    assertThat(engine.historyText(result.runId()))
        .contains("db: connector test_source", "pii: analyser echo");
    assertThat(engine.records.artifacts(result.runId()))
        .extracting(ArtifactOutcome::id, ArtifactOutcome::state, ArtifactOutcome::attempts)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("db", ArtifactState.SUCCEEDED, 1),
            org.assertj.core.groups.Tuple.tuple("pii", ArtifactState.SUCCEEDED, 1));
  }

  @Test
  void coverageGoesToARunRecordAndOnlyItsCountsAndWarningsToTheOutcome(
      TestWorkflowEnvironment env, Worker worker) {
    Connector files =
        connector(
            "test_files",
            (context, properties, out) -> {
              context.coverage().objectsAre("files");
              context.coverage().scanned("a.txt");
              context.coverage().skipped("photo.png", SkipReason.BINARY);
              items("row", 1).extract(context, properties, out);
            });
    Connector empty =
        connector("test_db", (context, properties, out) -> context.coverage().objectsAre("tables"));
    Engine engine = new Engine(env, worker, List.of(files, empty), List.of(), Map.of());

    RunResult result =
        engine.run(
            plan().source("files", "test_files", null).source("db", "test_db", null).build());

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED_WITH_WARNINGS);
    ArtifactOutcome outcome = result.artifact("files").orElseThrow();
    assertThat(outcome.warnings()).containsExactly("files: 1 of 2 files skipped (1 binary)");
    assertThat(outcome.coverage().scanned()).isEqualTo(1);
    assertThat(result.artifact("db").orElseThrow().warnings()).containsExactly("db: read 0 tables");
    ArtifactCoverage record = engine.records.coverage(result.runId(), "files").orElseThrow();
    assertThat(record.objects())
        .containsExactly(
            ObjectCoverage.scanned("a.txt"),
            ObjectCoverage.skipped("photo.png", SkipReason.BINARY));
    assertThat(engine.records.artifact(result.runId(), "files").orElseThrow().warnings())
        .isEqualTo(outcome.warnings());
    assertThat(engine.records.run(result.runId()).orElseThrow().status())
        .isEqualTo(RunStatus.COMPLETED_WITH_WARNINGS);
    // claim check: object names stay in the store, only counts and warnings go through history
    assertThat(engine.historyText(result.runId()))
        .contains("1 of 2 files skipped")
        .doesNotContain("photo.png");
  }

  @Test
  void fanInGivesTheAnalyserEveryInputInOrder(TestWorkflowEnvironment env, Worker worker) {
    Engine engine =
        new Engine(
            env, worker, List.of(connector("test_source", items("x", 1))), List.of(echo), Map.of());

    RunResult result =
        engine.run(
            plan()
                .source("b")
                .source("a")
                .source("c")
                .analyser("all", "echo", (ObjectNode) null, "c", "a", "b")
                .build());

    assertThat(seen).containsExactly("c", "a", "b");
    assertThat(contents(engine, result.runId(), "all"))
        .containsExactly("c: x 0", "a: x 0", "b: x 0");
  }

  @Test
  void passThroughOfSeveralInputsConcatenatesTheirItems(
      TestWorkflowEnvironment env, Worker worker) {
    Connector files =
        connector(
            "test_source",
            (context, properties, out) -> {
              String prefix = context.artifactId();
              items(prefix, prefix.equals("web") ? 2 : 1).extract(context, properties, out);
            });
    Engine engine = new Engine(env, worker, List.of(files), List.of(), Map.of());

    RunResult result =
        engine.run(
            plan()
                .retention(true, null)
                .source("web")
                .source("api")
                .passThrough("code", "web", "api")
                .build());

    assertThat(result.artifact("code").orElseThrow().output().itemCount()).isEqualTo(3);
    assertThat(contents(engine, result.runId(), "code")).containsExactly("web 0", "web 1", "api 0");
    try (MessageReader reader =
        MessageReader.open(Json.mapper(), engine.store.read(result.runId(), "code"))) {
      assertThat(reader.header().id()).isEqualTo("code");
      assertThat(reader.fields().path("name").asText()).isEqualTo("web");
    }
  }

  @Test
  void reuseCopiesAnArtifactOfAnEarlierRun(TestWorkflowEnvironment env, Worker worker) {
    Engine engine =
        new Engine(
            env, worker, List.of(connector("test_source", items("row", 4))), List.of(), Map.of());
    RunResult first = engine.run(plan().retention(true, null).source("db").build());

    RunResult second =
        engine.run(plan().retention(true, null).reuse("db_again", first.runId(), "db").build());

    assertThat(second.status()).isEqualTo(RunStatus.COMPLETED);
    ArtifactOutcome copy = second.artifact("db_again").orElseThrow();
    assertThat(copy.output().itemCount()).isEqualTo(4);
    assertThat(copy.output().sha256())
        .isEqualTo(first.artifact("db").orElseThrow().output().sha256());
    assertThat(contents(engine, second.runId(), "db_again"))
        .containsExactly("row 0", "row 1", "row 2", "row 3");
  }

  @Test
  void reusingASourceThatItsRunDeletedFailsWithOneLineSayingWhy(
      TestWorkflowEnvironment env, Worker worker) {
    Engine engine =
        new Engine(
            env, worker, List.of(connector("test_source", items("row", 4))), List.of(), Map.of());
    RunResult first = engine.run(plan().source("db").build());

    RunResult second = engine.run(plan().reuse("db_again", first.runId(), "db").build());

    ArtifactOutcome again = second.artifact("db_again").orElseThrow();
    assertThat(second.status()).isEqualTo(RunStatus.FAILED);
    assertThat(again.errorKind()).isEqualTo("USER");
    assertThat(again.attempts()).isEqualTo(1);
    assertThat(again.error())
        .isEqualTo(
            "artifact 'db_again': cannot reuse: artifact 'db' of run '"
                + first.runId()
                + "' was deleted when the run ended: raw sources are not kept (set"
                + " 'config.keep_sources: true' in the runbook to keep them)");
  }

  @Test
  void aReusedArtifactKeepsTheGapsOfTheOneItCopies(TestWorkflowEnvironment env, Worker worker) {
    Connector files =
        connector(
            "test_files",
            (context, properties, out) -> {
              context.coverage().objectsAre("files");
              context.coverage().skipped("photo.png", SkipReason.BINARY);
              items("row", 1).extract(context, properties, out);
            });
    Engine engine = new Engine(env, worker, List.of(files), List.of(), Map.of());
    // The first run keeps its raw sources, so that they can be reused.
    RunResult first =
        engine.run(plan().retention(true, null).source("files", "test_files", null).build());

    RunResult second = engine.run(plan().reuse("files_again", first.runId(), "files").build());

    assertThat(second.status()).isEqualTo(RunStatus.COMPLETED_WITH_WARNINGS);
    assertThat(second.artifact("files_again").orElseThrow().warnings())
        .containsExactly(
            "files_again: reused from run "
                + first.runId()
                + ": files: read 0 files (1 skipped: 1 binary)");
    assertThat(engine.records.coverage(second.runId(), "files_again").orElseThrow().objects())
        .containsExactly(ObjectCoverage.skipped("photo.png", SkipReason.BINARY));
  }

  @Test
  void reusingAMissingArtifactIsAUserError(TestWorkflowEnvironment env, Worker worker) {
    Engine engine = new Engine(env, worker, List.of(), List.of(), Map.of());

    RunResult result = engine.run(plan().reuse("old", "20260101-000000-abcdef", "db").build());

    ArtifactOutcome old = result.artifact("old").orElseThrow();
    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(old.errorKind()).isEqualTo("USER");
    assertThat(old.attempts()).isEqualTo(1);
    assertThat(old.error())
        .isEqualTo("artifact 'old': run '20260101-000000-abcdef' has no artifact 'db'");
  }

  @Test
  void anUnknownConnectorFailsAtOnceNamingTheKnownOnes(TestWorkflowEnvironment env, Worker worker) {
    Engine engine =
        new Engine(env, worker, List.of(connector("sqlite", items("x", 1))), List.of(), Map.of());

    RunResult result = engine.run(plan().source("db", "mysqll", null).build());

    ArtifactOutcome db = result.artifact("db").orElseThrow();
    assertThat(db.error())
        .isEqualTo("artifact 'db': unknown connector type 'mysqll' (known: sqlite)");
    assertThat(db.attempts()).isEqualTo(1);
    assertThat(engine.records.artifact(result.runId(), "db").orElseThrow().state())
        .isEqualTo(ArtifactState.FAILED);
  }

  @Test
  void aFailedAttemptIsRetriedAndTheStoredArtifactIsComplete(
      TestWorkflowEnvironment env, Worker worker) {
    int[] calls = {0};
    Connector flaky =
        connector(
            "test_source",
            (context, properties, out) -> {
              out.item(JsonNodeFactory.instance.objectNode().put("content", "partial"));
              if (++calls[0] == 1) {
                throw new java.io.IOException("connection reset");
              }
              out.item(JsonNodeFactory.instance.objectNode().put("content", "complete"));
            });
    Engine engine = new Engine(env, worker, List.of(flaky), List.of(), Map.of());

    RunResult result = engine.run(plan().retention(true, null).source("db").build());

    assertThat(result.artifact("db").orElseThrow().attempts()).isEqualTo(2);
    assertThat(contents(engine, result.runId(), "db")).containsExactly("partial", "complete");
    assertThat(engine.records.artifact(result.runId(), "db").orElseThrow().attempts()).isEqualTo(2);
  }
}
