package dev.wct.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.core.planner.Planner;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.run.RunStatus;
import dev.wct.engine.RunHandle;
import dev.wct.engine.RunLauncher;
import dev.wct.spi.ComponentCatalog;
import dev.wct.store.ArtifactStore;
import dev.wct.store.runs.RunRecords;
import dev.wct.workflows.run.RunOptions;
import dev.wct.workflows.run.RunResult;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Spring Boot worker, started as in production but against an in-process Temporal service,
 * picks up a run submitted by a separate client and produces its artifacts into its store.
 */
@SpringBootTest(properties = "spring.main.allow-bean-definition-overriding=true")
class WorkerRunsRunbooksTest {
  private static final TestWorkflowEnvironment TEMPORAL =
      TestWorkflowEnvironment.newInstance(
          TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());

  @TempDir static Path storeDir;
  @TempDir Path scanned;

  @DynamicPropertySource
  static void storeDirectory(DynamicPropertyRegistry registry) {
    registry.add("wct.store.dir", () -> storeDir.toString());
  }

  @TestConfiguration
  static class InProcessTemporal {
    /** Replaces the production bean of the same name, which would dial a Temporal frontend. */
    @Bean(destroyMethod = "")
    WorkflowServiceStubs workflowServiceStubs() {
      return TEMPORAL.getWorkflowServiceStubs();
    }
  }

  @AfterAll
  static void stopTemporal() {
    TEMPORAL.close();
  }

  @Autowired WorkflowClient client;
  @Autowired ArtifactStore store;

  @Test
  void producesEveryArtifactOfASubmittedRunIntoItsStore() throws IOException {
    Files.writeString(scanned.resolve("contacts.txt"), "Write to jane.doe@example.com today.\n");
    Path runbook = scanned.resolve("scan.yaml");
    Files.writeString(
        runbook,
        """
        name: Worker scan
        description: Files through the worker
        artifacts:
          files:
            source:
              type: filesystem
              properties:
                path: %s
          findings:
            inputs: files
            process:
              type: personal_data
            output: true
        """
            .formatted(scanned.toAbsolutePath()));

    RunHandle run =
        new RunLauncher(client, store)
            .start(
                new Planner(ComponentCatalog.discover()).plan(runbook),
                "scan.yaml",
                RunOptions.DEFAULT);
    RunResult result = run.awaitResult();

    assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(result.idsIn(ArtifactState.SUCCEEDED)).containsExactly("files", "findings");
    // The worker deleted the raw source at run end (config.keep_sources is not set).
    assertThat(store.list(run.runId())).containsExactly("findings");
    assertThat(new RunRecords(store).sourceDeletion(run.runId()).orElseThrow().deletedSources())
        .containsExactly("files");
    assertThat(new RunRecords(store).run(run.runId()).orElseThrow().status())
        .isEqualTo(RunStatus.COMPLETED);
  }
}
