package dev.wct.activities;

import static dev.wct.testkit.components.TestComponents.analyser;
import static dev.wct.testkit.components.TestComponents.connector;
import static dev.wct.testkit.components.TestComponents.items;
import static dev.wct.testkit.plans.PlanBuilder.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wct.activities.producer.ProducerActivitiesImpl;
import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.run.ArtifactRef;
import dev.wct.spi.ComponentCatalog;
import dev.wct.store.memory.InMemoryArtifactStore;
import dev.wct.store.runs.RunRecords;
import dev.wct.store.runs.SourceDeletion;
import dev.wct.workflows.producer.ProduceRequest;
import dev.wct.workflows.producer.Produced;
import dev.wct.workflows.producer.ProducerActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The producer activity on its own: write-once retries and input verification. */
class ProducerActivityContractTest {
  private final InMemoryArtifactStore store = new InMemoryArtifactStore();
  private final AtomicInteger extracts = new AtomicInteger();
  private final TestActivityEnvironment env = TestActivityEnvironment.newInstance();
  private final ProducerActivities activities;
  private final ExecutionPlan plan =
      plan().source("db").analyser("pii", "echo", (ObjectNode) null, "db").build();

  ProducerActivityContractTest() {
    ComponentCatalog catalog =
        ComponentCatalog.of(
            List.of(
                connector(
                    "test_source",
                    (context, properties, out) -> {
                      extracts.incrementAndGet();
                      items("row", 3).extract(context, properties, out);
                    })),
            List.of(
                analyser(
                    "echo",
                    (context, properties, inputs, out) ->
                        inputs.get(0).items().forEachRemaining(out::item))));
    env.registerActivitiesImplementations(
        new ProducerActivitiesImpl(store, catalog, name -> null, Path.of(".")));
    activities =
        env.newActivityStub(
            ProducerActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(1))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
  }

  @AfterEach
  void close() {
    env.close();
  }

  private ProduceRequest request(String id, List<ArtifactRef> inputs) {
    return new ProduceRequest("run1", plan.artifact(id).orElseThrow(), inputs);
  }

  @Test
  void aRepeatedProduceReturnsTheArtifactStoredFirst() {
    Produced first = activities.connect(request("db", List.of()));

    Produced again = activities.connect(request("db", List.of()));

    assertThat(again.output()).isEqualTo(first.output());
    assertThat(again.output().itemCount()).isEqualTo(3);
    assertThat(extracts).hasValue(1);
  }

  @Test
  void anInputWhoseBytesDoNotMatchItsChecksumIsAnExternalError() {
    ArtifactRef db = activities.connect(request("db", List.of())).output();
    ArtifactRef tampered =
        new ArtifactRef(
            db.runId(),
            db.artifactId(),
            db.key(),
            db.schema(),
            db.sizeBytes(),
            "ab".repeat(32),
            db.itemCount());

    assertThatThrownBy(() -> activities.analyse(request("pii", List.of(tampered))))
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo("EXTERNAL");
              assertThat(failure.getOriginalMessage())
                  .startsWith("input runs/run1/artifacts/db.json does not match its checksum");
            });
    assertThat(store.exists("run1", "pii")).isFalse();
  }

  @Test
  void reusingASourceDeletedAtTheEndOfItsRunSaysSoAndHowToKeepIt() {
    new RunRecords(store)
        .saveSourceDeletion(
            new SourceDeletion(
                "run0", List.of("db"), java.time.Instant.parse("2026-11-01T00:00:00Z")));
    ExecutionPlan reusing = plan().reuse("old_db", "run0", "db").build();

    assertThatThrownBy(
            () ->
                activities.reuse(
                    new ProduceRequest(
                        "run1", reusing.artifact("old_db").orElseThrow(), List.of())))
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo("USER");
              assertThat(failure.getOriginalMessage())
                  .isEqualTo(
                      "artifact 'old_db': cannot reuse: artifact 'db' of run 'run0' was deleted"
                          + " when the run ended: raw sources are not kept (set"
                          + " 'config.keep_sources: true' in the runbook to keep them)");
            });
  }

  @Test
  void aSourceFinishedAfterItsRunDeletedTheRawSourcesIsDeletedToo() {
    java.time.Instant at = java.time.Instant.parse("2026-11-01T00:00:00Z");
    RunRecords records = new RunRecords(store);
    records.saveSourceDeletion(new SourceDeletion("run1", List.of("other"), at));

    activities.connect(request("db", List.of()));

    assertThat(store.exists("run1", "db")).isFalse();
    assertThat(records.sourceDeletion("run1"))
        .contains(new SourceDeletion("run1", List.of("db", "other"), at));
  }
}
