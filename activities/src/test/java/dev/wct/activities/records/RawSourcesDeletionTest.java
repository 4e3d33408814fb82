package dev.wct.activities.records;

import static dev.wct.testkit.plans.PlanBuilder.plan;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.store.memory.InMemoryArtifactStore;
import dev.wct.store.runs.RunRecords;
import dev.wct.store.runs.SourceDeletion;
import org.junit.jupiter.api.Test;

/** The activity that deletes a run's raw sources when it ends. */
class RawSourcesDeletionTest {
  private static final String RUN = "run1";

  private final InMemoryArtifactStore store = new InMemoryArtifactStore();
  private final RunRecords records = new RunRecords(store);
  private final RunRecordActivitiesImpl activities = new RunRecordActivitiesImpl(store);

  private void storeRun(ExecutionPlan plan, String... produced) {
    records.savePlan(RUN, plan);
    for (String id : produced) {
      store.save(RUN, id, out -> out.write(("{\"id\":\"" + id + "\"}").getBytes(UTF_8)));
    }
  }

  @Test
  void connectorOutputsAndTheirCopiesAreDeletedAndDerivedArtifactsStay() {
    storeRun(
        plan()
            .source("db")
            .source("files")
            .source("never_produced")
            .passThrough("both", "db", "files")
            .reuse("old_db", "run0", "db")
            .analyser("pii", "both")
            .passThrough("pii_copy", "pii")
            .build(),
        "db",
        "files",
        "both",
        "old_db",
        "pii",
        "pii_copy");

    activities.deleteRawSources(RUN);

    assertThat(store.list(RUN)).containsExactly("pii", "pii_copy");
    assertThat(records.sourceDeletion(RUN).orElseThrow().deletedSources())
        .containsExactly("both", "db", "files", "old_db");
  }

  @Test
  void thePartitionsOfARawSourceAreDeletedAndThoseOfDerivedArtifactsStay() {
    storeRun(
        plan().source("files").source("files_b").analyser("pii", "files").build(),
        "files",
        "files~p000000",
        "files~p000001",
        "files_b",
        "files_b~p000000",
        "pii",
        "pii~p000000",
        "pii~p000001");

    activities.deleteRawSources(RUN);

    assertThat(store.list(RUN)).containsExactly("pii", "pii~p000000", "pii~p000001");
    assertThat(records.sourceDeletion(RUN).orElseThrow().deletedSources())
        .containsExactly("files", "files_b");
  }

  @Test
  void aRetryAfterAPartialDeletionFinishesItAndKeepsTheRecord() {
    storeRun(plan().source("db").source("files").analyser("pii", "db").build(), "db", "files");
    activities.deleteRawSources(RUN);
    SourceDeletion first = records.sourceDeletion(RUN).orElseThrow();
    store.save(RUN, "files", out -> out.write(1));

    activities.deleteRawSources(RUN);

    assertThat(store.list(RUN)).isEmpty();
    assertThat(records.sourceDeletion(RUN)).contains(first);
  }

  @Test
  void keepSourcesKeepsThem() {
    storeRun(plan().retention(true, null).source("db").analyser("pii", "db").build(), "db", "pii");

    activities.deleteRawSources(RUN);

    assertThat(store.list(RUN)).containsExactly("db", "pii");
    assertThat(records.sourceDeletion(RUN)).isEmpty();
  }

  @Test
  void aRunWithoutAStoredPlanIsLeftAlone() {
    store.save(RUN, "db", out -> out.write(1));

    activities.deleteRawSources(RUN);

    assertThat(store.list(RUN)).containsExactly("db");
  }
}
