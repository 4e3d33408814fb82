package dev.wct.engine;

import static dev.wct.testkit.components.TestComponents.connector;
import static dev.wct.testkit.plans.PlanBuilder.plan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.RunStatus;
import dev.wct.spi.Connector;
import dev.wct.workflows.run.RunResult;
import dev.wct.workflows.run.RunbookWorkerOptions;
import dev.wct.workflows.run.RunbookWorkflowImpl;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HistoryHoldsNoContentOrSecretsTest {
  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(RunbookWorkflowImpl.class)
          .setWorkerOptions(RunbookWorkerOptions.workerOptions())
          .setDoNotStart(true)
          .build();

  private static final String MARKER = "MARKER-7f3a9c-CONTENT";
  private static final String SECRET = "s3cr3t-Pa55w0rd-9d81";

  @Test
  void aMultiMegabyteArtifactLeavesTheHistorySmall(TestWorkflowEnvironment env, Worker worker) {
    String chunk = (MARKER + " ").repeat(1_000);
    Connector big =
        connector(
            "test_source",
            (context, properties, out) -> {
              for (int i = 0; i < 250; i++) {
                out.item(JsonNodeFactory.instance.objectNode().put("content", chunk));
              }
            });
    Engine engine = new Engine(env, worker, List.of(big), List.of(), Map.of());

    RunResult result = engine.run(plan().source("big").passThrough("copy", "big").build());

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(result.artifact("copy").orElseThrow().output().sizeBytes()).isGreaterThan(5_000_000);
    assertThat(engine.historyJson(result.runId()).getBytes(StandardCharsets.UTF_8).length)
        .isLessThan(100 * 1024);
    assertThat(engine.historyText(result.runId())).contains("copy").doesNotContain(MARKER);
  }

  @Test
  void placeholdersAreResolvedOnlyOnTheWorker(TestWorkflowEnvironment env, Worker worker) {
    AtomicReference<JsonNode> received = new AtomicReference<>();
    Connector db =
        connector(
            "mysql",
            (context, properties, out) -> {
              received.set(properties);
              out.item(JsonNodeFactory.instance.objectNode().put("content", "connected"));
            });
    Engine engine =
        new Engine(env, worker, List.of(db), List.of(), Map.of("CRM_DB_PASSWORD", SECRET));
    ObjectNode properties =
        JsonNodeFactory.instance
            .objectNode()
            .put("host", "${CRM_DB_HOST:-localhost}")
            .put("password", "${CRM_DB_PASSWORD}");

    RunResult result = engine.run(plan().source("crm", "mysql", properties).build());

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(received.get().path("password").asText()).isEqualTo(SECRET);
    assertThat(received.get().path("host").asText()).isEqualTo("localhost");
    assertThat(engine.historyText(result.runId()))
        .contains("${CRM_DB_PASSWORD}")
        .doesNotContain(SECRET);
    assertThat(engine.store.readRecord(result.runId(), "artifacts/crm.json").map(String::new))
        .get()
        .asString()
        .doesNotContain(SECRET);
  }

  @Test
  void aMissingVariableFailsOnceNamingTheVariableAndTheArtifact(
      TestWorkflowEnvironment env, Worker worker) {
    int[] calls = {0};
    Connector db = connector("mysql", (context, properties, out) -> calls[0]++);
    Engine engine = new Engine(env, worker, List.of(db), List.of(), Map.of());
    ObjectNode properties = JsonNodeFactory.instance.objectNode().put("user", "${CRM_DB_USER}");

    RunResult result = engine.run(plan().source("crm", "mysql", properties).build());

    ArtifactOutcome crm = result.artifact("crm").orElseThrow();
    assertThat(crm.error())
        .isEqualTo("artifact 'crm': environment variable 'CRM_DB_USER' is not set");
    assertThat(crm.errorKind()).isEqualTo("USER");
    assertThat(crm.attempts()).isEqualTo(1);
    assertThat(calls[0]).isZero();
  }
}
