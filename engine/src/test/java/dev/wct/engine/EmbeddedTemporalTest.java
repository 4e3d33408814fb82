package dev.wct.engine;

import static dev.wct.testkit.components.TestComponents.connector;
import static dev.wct.testkit.components.TestComponents.items;
import static dev.wct.testkit.plans.PlanBuilder.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.activities.worker.ProducerEnvironment;
import dev.wct.core.run.RunStatus;
import dev.wct.spi.ComponentCatalog;
import dev.wct.store.memory.InMemoryArtifactStore;
import dev.wct.store.runs.RunRecords;
import dev.wct.workflows.run.RunResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddedTemporalTest {
  @Test
  void anEmbeddedServerAndWorkerRunAPlanInRealTime() {
    InMemoryArtifactStore store = new InMemoryArtifactStore();
    ProducerEnvironment producers =
        new ProducerEnvironment(
            store,
            ComponentCatalog.of(List.of(connector("test_source", items("row", 2))), List.of()),
            name -> null,
            Path.of("."));

    try (EmbeddedTemporal temporal = EmbeddedTemporal.start(producers)) {
      RunResult result =
          new RunLauncher(temporal.client(), store)
              .start(plan().source("db").passThrough("copy", "db").build(), "scan.yaml", null)
              .awaitResult();

      assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(result.artifact("copy").orElseThrow().output().itemCount()).isEqualTo(2);
      assertThat(new RunRecords(store).run(result.runId()).orElseThrow().status())
          .isEqualTo(RunStatus.COMPLETED);
    }
  }
}
