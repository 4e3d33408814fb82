package dev.wct.testkit.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.wct.core.plan.ExecutionPlan;
import dev.wct.core.run.ArtifactOutcome;
import dev.wct.core.run.ArtifactRef;
import dev.wct.core.run.ArtifactState;
import dev.wct.core.run.RunStatus;
import dev.wct.spi.message.SchemaRef;
import dev.wct.store.ArtifactNotFoundException;
import dev.wct.store.ArtifactStore;
import dev.wct.store.StoredArtifact;
import dev.wct.store.runs.RunRecord;
import dev.wct.store.runs.RunRecords;
import dev.wct.store.runs.SourceDeletion;
import dev.wct.testkit.plans.PlanBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link ArtifactStore} backend must do. A backend's test extends this class and returns
 * a fresh, empty store from {@link #newStore()}.
 */
public abstract class ArtifactStoreContract {
  private static final String RUN = "run-1";

  protected ArtifactStore store;

  /** A fresh, empty store; closed after each test. */
  protected abstract ArtifactStore newStore() throws Exception;

  /** Size of the large-artifact test; backends may not go lower than what streaming needs. */
  protected long largeArtifactBytes() {
    return 64L * 1024 * 1024;
  }

  @BeforeEach
  void openStore() throws Exception {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void savedArtifactReadsBackByteForByteWithItsSizeAndChecksum() throws IOException {
    byte[] bytes = "{\"content\":\"héllo\"}".getBytes(UTF_8);

    StoredArtifact stored = store.save(RUN, "db", out -> out.write(bytes));

    assertThat(stored)
        .isEqualTo(
            new StoredArtifact(
                "runs/run-1/artifacts/db.json", bytes.length, GeneratedBytes.sha256Of(bytes)));
    assertThat(readAll(RUN, "db")).isEqualTo(bytes);
  }

  @Test
  void emptyArtifactIsStoredAsZeroBytes() throws IOException {
    StoredArtifact stored = store.save(RUN, "empty", out -> {});

    assertThat(stored.sizeBytes()).isZero();
    assertThat(stored.sha256()).isEqualTo(GeneratedBytes.sha256Of(new byte[0]));
    assertThat(readAll(RUN, "empty")).isEmpty();
  }

  @Test
  void statAndExistsDescribeOnlySavedArtifacts() {
    StoredArtifact stored = store.save(RUN, "db", out -> out.write(new byte[] {1, 2, 3}));

    assertThat(store.stat(RUN, "db")).contains(stored);
    assertThat(store.exists(RUN, "db")).isTrue();
    assertThat(store.stat(RUN, "other")).isEmpty();
    assertThat(store.exists(RUN, "other")).isFalse();
    assertThat(store.exists("other-run", "db")).isFalse();
  }

  @Test
  void aCopyIntoAnotherRunHasTheSameBytesAndOutlivesTheSourceRun() throws IOException {
    byte[] bytes = "{\"content\":\"kept\"}".getBytes(UTF_8);
    StoredArtifact source = store.save(RUN, "db", out -> out.write(bytes));

    Optional<StoredArtifact> copy = store.copy(RUN, "db", "run-2", source.sha256());
    store.deleteRun(RUN);

    assertThat(copy)
        .contains(
            new StoredArtifact("runs/run-2/artifacts/db.json", bytes.length, source.sha256()));
    assertThat(readAll("run-2", "db")).isEqualTo(bytes);
    assertThat(store.stat("run-2", "db")).isEqualTo(copy);
  }

  @Test
  void nothingIsCopiedWhenTheSourceIsGoneOrHasAnotherChecksum() {
    StoredArtifact source = store.save(RUN, "db", out -> out.write(new byte[] {1, 2, 3}));

    assertThat(store.copy(RUN, "db", "run-2", "0".repeat(64))).isEmpty();
    assertThat(store.copy(RUN, "other", "run-2", source.sha256())).isEmpty();
    assertThat(store.list("run-2")).isEmpty();
  }

  @Test
  void secondSaveOfAnArtifactKeepsTheFirst() throws IOException {
    byte[] first = "first".getBytes(UTF_8);
    StoredArtifact original = store.save(RUN, "db", out -> out.write(first));

    StoredArtifact again =
        store.save(RUN, "db", out -> out.write("second, longer".getBytes(UTF_8)));

    assertThat(again).isEqualTo(original);
    assertThat(readAll(RUN, "db")).isEqualTo(first);
    assertThat(store.list(RUN)).containsExactly("db");
  }

  @Test
  void concurrentSavesOfOneArtifactEndWithExactlyOneConsistentObject() throws Exception {
    int writers = 6;
    List<GeneratedBytes> contents = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      contents.add(new GeneratedBytes(i, 256 * 1024 + i));
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<StoredArtifact>> results = new ArrayList<>();
      for (GeneratedBytes content : contents) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return store.save(RUN, "shared", content);
                }));
      }
      start.countDown();
      List<StoredArtifact> stored = new ArrayList<>();
      for (Future<StoredArtifact> result : results) {
        stored.add(result.get(60, TimeUnit.SECONDS));
      }

      assertThat(Set.copyOf(stored)).hasSize(1);
      StoredArtifact winner = stored.get(0);
      List<String> candidates = new ArrayList<>();
      for (GeneratedBytes content : contents) {
        candidates.add(content.sha256());
      }
      assertThat(candidates).contains(winner.sha256());
      try (InputStream in = store.read(RUN, "shared")) {
        assertThat(GeneratedBytes.sha256Of(in)).isEqualTo(winner.sha256());
      }
      assertThat(store.stat(RUN, "shared")).contains(winner);
      assertThat(store.list(RUN)).containsExactly("shared");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void contentThatFailsHalfwayLeavesNothingAndALaterSaveSucceeds() throws IOException {
    GeneratedBytes half = new GeneratedBytes(7, 300 * 1024);

    assertThatThrownBy(
            () ->
                store.save(
                    RUN,
                    "db",
                    out -> {
                      half.writeTo(out);
                      throw new IOException("source went away");
                    }))
        .isInstanceOf(RuntimeException.class);

    assertThat(store.exists(RUN, "db")).isFalse();
    assertThat(store.list(RUN)).isEmpty();
    assertThatThrownBy(() -> store.read(RUN, "db")).isInstanceOf(ArtifactNotFoundException.class);

    StoredArtifact stored = store.save(RUN, "db", out -> out.write("ok".getBytes(UTF_8)));
    assertThat(stored.sizeBytes()).isEqualTo(2);
    assertThat(readAll(RUN, "db")).isEqualTo("ok".getBytes(UTF_8));
  }

  @Test
  void producerErrorsReachTheCallerUnchanged() {
    IllegalStateException failure = new IllegalStateException("schema violation in item 3");

    assertThatThrownBy(
            () ->
                store.save(
                    RUN,
                    "db",
                    out -> {
                      out.write(1);
                      throw failure;
                    }))
        .isSameAs(failure);
    assertThat(store.exists(RUN, "db")).isFalse();
  }

  @Test
  void largeArtifactStreamsThroughWithItsChecksum() throws IOException {
    GeneratedBytes large = new GeneratedBytes(42, largeArtifactBytes());

    StoredArtifact stored = store.save(RUN, "large", large);

    assertThat(stored.sizeBytes()).isEqualTo(large.size());
    assertThat(stored.sha256()).isEqualTo(large.sha256());
    try (InputStream in = store.read(RUN, "large")) {
      assertThat(GeneratedBytes.sha256Of(in)).isEqualTo(large.sha256());
    }
  }

  @Test
  void listReturnsTheArtifactIdsOfOneRunSorted() {
    for (String id : List.of("b", "c10", "a", "c2")) {
      store.save(RUN, id, out -> out.write(id.getBytes(UTF_8)));
    }
    store.save("run-2", "z", out -> out.write(1));
    store.saveRecord(RUN, "run.json", "{}".getBytes(UTF_8));

    assertThat(store.list(RUN)).containsExactly("a", "b", "c10", "c2");
  }

  @Test
  void listOfAnUnknownRunIsEmpty() {
    assertThat(store.list("never-ran")).isEmpty();
  }

  @Test
  void deleteRemovesAnArtifactAndAllowsSavingItAgain() throws IOException {
    store.save(RUN, "db", out -> out.write("old".getBytes(UTF_8)));
    store.save(RUN, "keep", out -> out.write(1));

    store.delete(RUN, "db");
    store.delete(RUN, "db");
    store.delete("never-ran", "db");

    assertThat(store.exists(RUN, "db")).isFalse();
    assertThat(store.list(RUN)).containsExactly("keep");
    StoredArtifact stored = store.save(RUN, "db", out -> out.write("new!".getBytes(UTF_8)));
    assertThat(stored.sizeBytes()).isEqualTo(4);
    assertThat(readAll(RUN, "db")).isEqualTo("new!".getBytes(UTF_8));
  }

  @Test
  void deleteAllRemovesTheNamedArtifactsOfARunAndNothingElse() throws IOException {
    byte[] large = new byte[200 * 1024];
    store.save(RUN, "small", out -> out.write("s".getBytes(UTF_8)));
    store.save(RUN, "large", out -> out.write(large));
    store.save(RUN, "keep", out -> out.write("k".getBytes(UTF_8)));
    store.save("run-2", "small", out -> out.write("other run".getBytes(UTF_8)));

    store.deleteAll(RUN, List.of("small", "large", "never-saved"));
    store.deleteAll(RUN, List.of("small"));

    assertThat(store.list(RUN)).containsExactly("keep");
    assertThat(store.exists(RUN, "large")).isFalse();
    assertThat(readAll(RUN, "keep")).isEqualTo("k".getBytes(UTF_8));
    assertThat(readAll("run-2", "small")).isEqualTo("other run".getBytes(UTF_8));
  }

  @Test
  void deleteRunRemovesItsArtifactsAndRecordsAndNothingElse() throws IOException {
    store.save(RUN, "db", out -> out.write(1));
    store.save(RUN, "pii", out -> out.write(2));
    store.saveRecord(RUN, "run.json", "{}".getBytes(UTF_8));
    store.saveRecord(RUN, "artifacts/db.json", "{}".getBytes(UTF_8));
    store.save("run-2", "db", out -> out.write("kept".getBytes(UTF_8)));
    store.saveRecord("run-2", "run.json", "{}".getBytes(UTF_8));

    store.deleteRun(RUN);

    assertThat(store.listRuns()).containsExactly("run-2");
    assertThat(store.list(RUN)).isEmpty();
    assertThat(store.exists(RUN, "db")).isFalse();
    assertThat(store.listRecords(RUN, "")).isEmpty();
    assertThat(store.readRecord(RUN, "run.json")).isEmpty();
    assertThatThrownBy(() -> store.read(RUN, "pii")).isInstanceOf(ArtifactNotFoundException.class);
    assertThat(readAll("run-2", "db")).isEqualTo("kept".getBytes(UTF_8));
    assertThat(store.readRecord("run-2", "run.json")).isPresent();
  }

  @Test
  void deletingWhatIsGoneIsNotAnError() {
    store.save(RUN, "db", out -> out.write(1));

    store.deleteRun(RUN);
    store.deleteRun(RUN);
    store.deleteRun("never-ran");
    store.delete(RUN, "db");

    assertThat(store.listRuns()).isEmpty();
  }

  @Test
  void aDeletedRunCanBeWrittenAgainUnderTheSameId() throws IOException {
    store.save(RUN, "db", out -> out.write("old".getBytes(UTF_8)));
    store.deleteRun(RUN);

    store.save(RUN, "db", out -> out.write("new".getBytes(UTF_8)));

    assertThat(readAll(RUN, "db")).isEqualTo("new".getBytes(UTF_8));
    assertThat(store.listRuns()).containsExactly(RUN);
  }

  @Test
  void deleteRunRejectsAnUnsafeRunId() {
    assertThatThrownBy(() -> store.deleteRun("../x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("run ID");
  }

  @Test
  void runsListWithTheirEndTimeAndRetentionAndDeletedRunsDropOut() {
    RunRecords records = new RunRecords(store);
    Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
    RunRecord ended =
        new RunRecord(
                "run-ended",
                "wct-run-ended",
                "Scan",
                "runbook.yaml",
                "hash",
                1,
                t0,
                null,
                RunStatus.RUNNING,
                null,
                java.time.Duration.ofDays(90))
            .finished(t0.plusSeconds(30), RunStatus.COMPLETED, null);
    RunRecord running = run("run-running", t0.plusSeconds(60), RunStatus.RUNNING);
    records.saveRun(ended);
    records.saveRun(running);
    store.save("run-gone", "db", out -> out.write(1));
    records.saveRun(run("run-gone", t0.plusSeconds(90), RunStatus.FAILED));

    store.deleteRun("run-gone");

    assertThat(records.runs())
        .extracting(RunRecord::runId, RunRecord::endedAt, RunRecord::retention)
        .containsExactly(
            tuple("run-running", null, null),
            tuple("run-ended", t0.plusSeconds(30), java.time.Duration.ofDays(90)));
  }

  @Test
  void deletedSourcesAreRecordedWithTheRun() {
    RunRecords records = new RunRecords(store);
    Instant at = Instant.parse("2026-11-22T10:00:00Z");
    store.save(RUN, "pii", out -> out.write(1));

    records.saveSourceDeletion(new SourceDeletion(RUN, List.of("crm_db", "files"), at));

    assertThat(records.sourceDeletion(RUN))
        .contains(new SourceDeletion(RUN, List.of("crm_db", "files"), at));
    assertThat(records.sourceDeleted(RUN, "crm_db")).isTrue();
    assertThat(records.sourceDeleted(RUN, "pii")).isFalse();
    assertThat(records.sourceDeleted("never-ran", "crm_db")).isFalse();
    assertThat(store.list(RUN)).containsExactly("pii");
  }

  @Test
  void listRunsReturnsEveryRunWithArtifactsOrRecordsSorted() {
    store.save("run-b", "db", out -> out.write(1));
    store.save("run-a", "db", out -> out.write(1));
    store.saveRecord("run-c", "run.json", "{}".getBytes(UTF_8));

    assertThat(store.listRuns()).containsExactly("run-a", "run-b", "run-c");
  }

  @Test
  void listRunsOfAnEmptyStoreIsEmpty() {
    assertThat(store.listRuns()).isEmpty();
  }

  @Test
  void anArtifactSavedWithItsRecordIsDescribedByWhatWasStored() throws IOException {
    byte[] bytes = "{\"content\":1}".getBytes(UTF_8);

    StoredArtifact stored =
        store.saveWithRecord(
            RUN,
            "db",
            out -> out.write(bytes),
            "artifacts/db.json",
            written -> written.sha256().getBytes(UTF_8));

    assertThat(stored.sha256()).isEqualTo(GeneratedBytes.sha256Of(bytes));
    assertThat(readAll(RUN, "db")).isEqualTo(bytes);
    assertThat(store.readRecord(RUN, "artifacts/db.json"))
        .hasValue(GeneratedBytes.sha256Of(bytes).getBytes(UTF_8));
  }

  @Test
  void aRetriedSaveWithRecordKeepsTheFirstArtifactAndRecordsThatOne() throws IOException {
    byte[] first = "{\"attempt\":1}".getBytes(UTF_8);
    store.save(RUN, "db", out -> out.write(first));
    List<String> described = new ArrayList<>();

    StoredArtifact stored =
        store.saveWithRecord(
            RUN,
            "db",
            out -> out.write("{\"attempt\":2}".getBytes(UTF_8)),
            "artifacts/db.json",
            written -> {
              described.add(written.sha256());
              return written.sha256().getBytes(UTF_8);
            });

    assertThat(stored.sha256()).isEqualTo(GeneratedBytes.sha256Of(first));
    assertThat(described).containsExactly(GeneratedBytes.sha256Of(first));
    assertThat(readAll(RUN, "db")).isEqualTo(first);
    assertThat(store.readRecord(RUN, "artifacts/db.json"))
        .hasValue(GeneratedBytes.sha256Of(first).getBytes(UTF_8));
  }

  @Test
  void aProducerThatFailsWithARecordPendingLeavesNeitherArtifactNorRecord() {
    assertThatThrownBy(
            () ->
                store.saveWithRecord(
                    RUN,
                    "db",
                    out -> {
                      out.write('{');
                      throw new IOException("producer failed");
                    },
                    "artifacts/db.json",
                    written -> new byte[] {1}))
        .isInstanceOf(RuntimeException.class);

    assertThat(store.exists(RUN, "db")).isFalse();
    assertThat(store.readRecord(RUN, "artifacts/db.json")).isEmpty();
  }

  @Test
  void recordsAreReplacedAndReadBack() {
    store.saveRecord(RUN, "run.json", "{\"v\":1}".getBytes(UTF_8));
    store.saveRecord(RUN, "run.json", "{\"v\":2}".getBytes(UTF_8));

    assertThat(store.readRecord(RUN, "run.json")).hasValue("{\"v\":2}".getBytes(UTF_8));
    assertThat(store.readRecord(RUN, "missing.json")).isEmpty();
    assertThat(store.readRecord("never-ran", "run.json")).isEmpty();
  }

  @Test
  void progressRecordsAreReplacedAndReadBackLikeDurableOnes() {
    store.saveRecord(RUN, "artifacts/db.json", "{\"v\":1}".getBytes(UTF_8));
    store.saveProgressRecord(RUN, "artifacts/db.json", "{\"v\":2}".getBytes(UTF_8));

    assertThat(store.readRecord(RUN, "artifacts/db.json")).hasValue("{\"v\":2}".getBytes(UTF_8));
    assertThat(store.listRecords(RUN, "artifacts/")).containsExactly("artifacts/db.json");
  }

  @Test
  void artifactRecordsFollowThePlanWithWaitingOnesForArtifactsNotStartedYet() {
    RunRecords records = new RunRecords(store);
    ExecutionPlan plan =
        PlanBuilder.plan().source("db").analyser("pii", "db").analyser("gdpr", "pii").build();
    ArtifactOutcome running =
        ArtifactOutcome.running(
            "db", "connector test_source", 1, Instant.parse("2026-11-22T10:00:00Z").toEpochMilli());
    records.savePlan(RUN, plan);
    records.saveArtifact(RUN, running);

    assertThat(records.plan(RUN)).contains(plan);
    assertThat(records.artifacts(RUN, plan))
        .extracting(ArtifactOutcome::id, ArtifactOutcome::state)
        .containsExactly(
            tuple("db", ArtifactState.RUNNING),
            tuple("pii", ArtifactState.WAITING),
            tuple("gdpr", ArtifactState.WAITING));
  }

  @Test
  void listRecordsReturnsNamesUnderAPrefixIncludingThePrefix() {
    for (String name :
        List.of("run.json", "artifacts/b.json", "artifacts/a.json", "other/artifacts/x.json")) {
      store.saveRecord(RUN, name, "{}".getBytes(UTF_8));
    }

    assertThat(store.listRecords(RUN, "artifacts/"))
        .containsExactly("artifacts/a.json", "artifacts/b.json");
    assertThat(store.listRecords(RUN, ""))
        .containsExactly(
            "artifacts/a.json", "artifacts/b.json", "other/artifacts/x.json", "run.json");
    assertThat(store.listRecords(RUN, "nothing/")).isEmpty();
    assertThat(store.listRecords("never-ran", "artifacts/")).isEmpty();
  }

  @Test
  void recordsAndArtifactsDoNotSeeEachOther() {
    store.saveRecord(RUN, "db.json", "{}".getBytes(UTF_8));
    store.save(RUN, "db", out -> out.write(1));

    assertThat(store.list(RUN)).containsExactly("db");
    assertThat(store.listRecords(RUN, "")).containsExactly("db.json");
  }

  @Test
  void runRecordsRoundTripRunsAndArtifactsNewestRunFirst() {
    RunRecords records = new RunRecords(store);
    Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
    RunRecord older = run("run-old", t0, RunStatus.COMPLETED);
    RunRecord newer = run("run-new", t0.plusSeconds(60), RunStatus.RUNNING);
    RunRecord middle = run("run-mid", t0.plusSeconds(30), RunStatus.FAILED);
    records.saveRun(older);
    records.saveRun(newer);
    records.saveRun(middle);
    ArtifactOutcome db =
        ArtifactOutcome.succeeded(
            "db",
            "connector sqlite",
            new ArtifactRef(
                "run-new",
                "db",
                "runs/run-new/artifacts/db.json",
                SchemaRef.of("standard_input"),
                10,
                "ab",
                3),
            2,
            t0.plusSeconds(61).toEpochMilli(),
            t0.plusSeconds(62).toEpochMilli());
    ArtifactOutcome pii =
        ArtifactOutcome.skipped(
            "pii",
            "analyser personal_data",
            "input 'db' failed",
            null,
            t0.plusSeconds(62).toEpochMilli());
    records.saveArtifact("run-new", pii);
    records.saveArtifact("run-new", db);

    assertThat(records.runs()).containsExactly(newer, middle, older);
    assertThat(records.run("run-old")).contains(older);
    assertThat(records.run("never-ran")).isEmpty();
    assertThat(records.artifacts("run-new")).containsExactly(db, pii);
    assertThat(records.artifact("run-new", "pii")).contains(pii);
    assertThat(records.artifacts("run-old")).isEmpty();

    RunRecord finished = newer.finished(t0.plusSeconds(90), RunStatus.COMPLETED, null);
    records.saveRun(finished);
    assertThat(records.run("run-new")).contains(finished);
  }

  @Test
  void artifactRecordsWrittenBeforeTheRunVocabularyWasOneTypeStillRead() {
    // The shape of store.runs.ArtifactRecord: runId, artifactId, ISO-8601 times, and a claim
    // check without its ids.
    String old =
        "{\"runId\":\"run-old\",\"artifactId\":\"db\",\"producer\":\"connector sqlite\","
            + "\"state\":\"SUCCEEDED\",\"attempts\":2,"
            + "\"startedAt\":\"2026-11-22T10:00:01Z\",\"endedAt\":\"2026-11-22T10:00:02.5Z\","
            + "\"output\":{\"key\":\"runs/run-old/artifacts/db.json\","
            + "\"schema\":\"standard_input/1.0.0\",\"sizeBytes\":10,\"sha256\":\"ab\","
            + "\"itemCount\":3}}";
    String skipped =
        "{\"runId\":\"run-old\",\"artifactId\":\"pii\",\"producer\":\"analyser x\","
            + "\"state\":\"SKIPPED\",\"attempts\":0,\"endedAt\":\"2026-11-22T10:00:03Z\","
            + "\"skipReason\":\"input 'db' failed\"}";
    store.saveRecord("run-old", "artifacts/db.json", old.getBytes(UTF_8));
    store.saveRecord("run-old", "artifacts/pii.json", skipped.getBytes(UTF_8));

    Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
    assertThat(new RunRecords(store).artifacts("run-old"))
        .containsExactly(
            ArtifactOutcome.succeeded(
                "db",
                "connector sqlite",
                new ArtifactRef(
                    "run-old",
                    "db",
                    "runs/run-old/artifacts/db.json",
                    SchemaRef.of("standard_input"),
                    10,
                    "ab",
                    3),
                2,
                t0.plusSeconds(1).toEpochMilli(),
                t0.plusMillis(2_500).toEpochMilli()),
            ArtifactOutcome.skipped(
                "pii", "analyser x", "input 'db' failed", null, t0.plusSeconds(3).toEpochMilli()));
  }

  @Test
  void readingAMissingArtifactNamesTheRunAndTheArtifact() {
    store.save(RUN, "db", out -> out.write(1));

    assertThatThrownBy(() -> store.read(RUN, "pii"))
        .isInstanceOf(ArtifactNotFoundException.class)
        .hasMessageContaining("'pii'")
        .hasMessageContaining("'run-1'");
    assertThatThrownBy(() -> store.read("never-ran", "db"))
        .isInstanceOf(ArtifactNotFoundException.class)
        .hasMessageContaining("'never-ran'");
  }

  @Test
  void locationNamesTheRunAndTheArtifact() {
    assertThat(store.location(RUN, "db")).contains("run-1").contains("db.json");
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", ".", "../x", "a/b", "a\\b", "/abs", "", ".hidden", "a\nb"})
  void unsafeRunIdsAndArtifactIdsAreRejected(String unsafe) {
    assertThatThrownBy(() -> store.save(unsafe, "db", out -> out.write(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("run ID");
    assertThatThrownBy(() -> store.save(RUN, unsafe, out -> out.write(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("artifact id");
    assertThatThrownBy(() -> store.read(RUN, unsafe)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.stat(unsafe, "db")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.list(unsafe)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.delete(RUN, unsafe))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.saveRecord(unsafe, "run.json", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.listRuns()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"../run.json", "/etc/passwd", "a/../../b", "a\\b", "a//b", "", "x/"})
  void unsafeRecordNamesAreRejected(String unsafe) {
    assertThatThrownBy(() -> store.saveRecord(RUN, unsafe, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("record name");
    assertThatThrownBy(() -> store.readRecord(RUN, unsafe))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.listRuns()).isEmpty();
  }

  @Test
  void recordPrefixThatClimbsOutOfTheRunIsRejected() {
    assertThatThrownBy(() -> store.listRecords(RUN, "../"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("record prefix");
  }

  private static RunRecord run(String runId, Instant startedAt, RunStatus status) {
    return new RunRecord(
        runId, "wct-" + runId, "Scan", "runbook.yaml", "hash", 2, startedAt, null, status, null);
  }

  private byte[] readAll(String runId, String artifactId) {
    try (InputStream in = store.read(runId, artifactId)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
